// What a map's figure shows around the matrix (its axes, from the window and the sequence) and the figure as
// SVG: the matrix a raster inside, the axes and colour bar drawn by the same code as on screen.
import { COL_AXIS_HEIGHT, drawColAxis, drawRowAxis, ROW_AXIS_WIDTH, type AxisSpec } from '../../render/axis';
import { COLOR_BAR_WIDTH, drawColorBar, type ColorBarSpec } from '../../render/colorBar';
import type { MapWindow } from '../../render/mapWindow';
import { asCanvasContext, SvgContext } from '../../render/svgContext';

/** Space between the figure's columns (the CSS grid's column gap). */
export const FRAME_GAP = 4;

export interface MapAxes {
  /** Sequence index of the matrix's row and column 0. */
  start: number;
  sequence: string;
  /** The coordinate of sequence index 0 (the region's first base, or 1). */
  coordStart: number;
  rowTitle: string;
  colTitle: string;
}

/** The axes of the window shown (the row axis spans rows r0.., the column axis columns c0..). */
export function axisSpecs(axes: MapAxes, win: MapWindow, size: number): { rows: AxisSpec; cols: AxisSpec } {
  const common = { span: win.span, length: size, coordStart: axes.coordStart, sequence: axes.sequence };
  return {
    rows: { ...common, first: axes.start + win.r0, title: axes.rowTitle },
    cols: { ...common, first: axes.start + win.c0, title: axes.colTitle },
  };
}

/** The figure as SVG: the map canvas's picture with the window's axes, the colour bar and a caption line. */
export function mapSvg(
  canvas: HTMLCanvasElement,
  axes: MapAxes,
  win: MapWindow,
  bar: ColorBarSpec,
  caption: string,
): string {
  const size = canvas.getBoundingClientRect().width || canvas.width;
  const x = ROW_AXIS_WIDTH + FRAME_GAP;
  const svg = new SvgContext(x + size + FRAME_GAP + COLOR_BAR_WIDTH, size + COL_AXIS_HEIGHT + 24);
  const ctx = asCanvasContext(svg);
  const { rows, cols } = axisSpecs(axes, win, size);
  drawRowAxis(ctx, rows);
  svg.image(canvas.toDataURL('image/png'), x, 0, size, size);
  drawColorBar(ctx, bar, size, x + size + FRAME_GAP);
  drawColAxis(ctx, cols, x, size);
  ctx.fillStyle = '#222';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  svg.fillText(caption, 0, size + COL_AXIS_HEIGHT + 18);
  return svg.toString();
}
