// A map's colour bar: the viridis ramp from the bottom of the scale to its top, ticked at round values, with
// its title along the side. Draws on a canvas or an SvgContext. No React here.

import { formatValue, LOG_DECADES, scaleTicks, VIRIDIS_LUT, type ColorScale } from './colorScale';

export const COLOR_BAR_WIDTH = 88;
const BAR = 14;

export interface ColorBarSpec {
  scale: ColorScale;
  title: string;
  /** Values above the top are drawn in its colour: its label says so (≥). */
  saturates: boolean;
}

/** The bar's end labels: the scale's bottom (0, or the top / 10^decades) and its top. */
export function colorBarEnds(b: ColorBarSpec): { bottom: string; top: string } {
  const bottom = b.scale.log ? `≤${formatValue(b.scale.vmax * 10 ** -LOG_DECADES)}` : '0';
  return { bottom, top: `${b.saturates ? '≥' : ''}${formatValue(b.scale.vmax)}` };
}

/** The bar in words (the canvas's accessible name). */
export function describeColorBar(b: ColorBarSpec): string {
  const { bottom, top } = colorBarEnds(b);
  const kind = b.scale.log ? 'log' : 'linear';
  return `Colour bar, ${b.title}: viridis from ${bottom} (dark) to ${top} (bright), ${kind} scale`;
}

/** The bar at (x0, y0), `height` pixels high and COLOR_BAR_WIDTH wide. */
export function drawColorBar(ctx: CanvasRenderingContext2D, b: ColorBarSpec, height: number, x0 = 0, y0 = 0): void {
  const x = x0 + 4;
  const steps = Math.max(2, Math.min(256, Math.round(height)));
  for (let k = 0; k < steps; k++) {
    const i = Math.round((k / (steps - 1)) * 255) * 3;
    ctx.fillStyle = `rgb(${VIRIDIS_LUT[i]},${VIRIDIS_LUT[i + 1]},${VIRIDIS_LUT[i + 2]})`;
    const top = y0 + height - ((k + 1) * height) / steps;
    ctx.fillRect(x, top, BAR, height / steps + 0.5); // overlap half a pixel: no hairline gaps between steps
  }
  ctx.strokeStyle = '#777';
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 0.5, y0 - 0.5, BAR + 1, height + 1);
  ctx.fillStyle = '#333';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const { bottom, top } = colorBarEnds(b);
  const label = (text: string, pos: number) => {
    const y = y0 + height - pos * height;
    ctx.fillRect(x + BAR, Math.round(y) - 0.5, 4, 1);
    ctx.fillText(text, x + BAR + 6, Math.min(y0 + height - 6, Math.max(y0 + 6, y)));
  };
  label(top, 1);
  label(bottom, 0);
  // round values between the ends, none so close to an end label that the two would overlap
  for (const t of scaleTicks(b.scale, height, 48))
    if (t.pos * height > 24 && (1 - t.pos) * height > 24) label(formatValue(t.value), t.pos);
  ctx.save();
  ctx.translate(x0 + COLOR_BAR_WIDTH - 6, y0 + height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(b.title, 0, 0);
  ctx.restore();
}
