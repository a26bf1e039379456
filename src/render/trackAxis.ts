// What every track shares: its band (a stripe of the canvas), its name and unit in the label column, a y-axis
// with labelled ticks at the column's right edge, and the legend row with the base colour key (drawn once).

import { BASE_COLORS } from './colors';
import { LABEL_WIDTH } from './trackGeometry';

export interface Band {
  top: number;
  height: number;
}

export interface AxisTick {
  value: number;
  label: string;
}

/** The track's name (bold) and its unit or scale below it, in the label column. */
export function drawLabel(ctx: CanvasRenderingContext2D, band: Band, title: string, unit: string): void {
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#111';
  ctx.font = 'bold 11px sans-serif';
  ctx.fillText(title, 4, band.top + 2);
  ctx.fillStyle = '#555';
  ctx.font = '10px sans-serif';
  if (unit) ctx.fillText(unit, 4, band.top + 15);
}

/** The plot's background, and a y-axis: a line at the column's edge, a tick and a label per value. */
export function drawYAxis(
  ctx: CanvasRenderingContext2D,
  band: Band,
  width: number,
  ticks: AxisTick[],
  y: (v: number) => number,
): void {
  ctx.fillStyle = '#f7f7f7';
  ctx.fillRect(LABEL_WIDTH, band.top, width - LABEL_WIDTH, band.height);
  ctx.fillStyle = '#e2e2e2';
  for (const t of ticks) ctx.fillRect(LABEL_WIDTH, Math.round(y(t.value)), width - LABEL_WIDTH, 1); // grid lines
  drawAxisTicks(ctx, band, ticks, y);
}

/** The y-axis alone (line, ticks, labels), for a plot another function has drawn. */
export function drawAxisTicks(ctx: CanvasRenderingContext2D, band: Band, ticks: AxisTick[], y: (v: number) => number) {
  ctx.fillStyle = '#666';
  ctx.fillRect(LABEL_WIDTH - 1, band.top, 1, band.height);
  ctx.font = '9px sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of ticks) {
    const ty = Math.round(y(t.value));
    ctx.fillStyle = '#666';
    ctx.fillRect(LABEL_WIDTH - 4, ty, 3, 1);
    ctx.fillStyle = '#444';
    ctx.fillText(t.label, LABEL_WIDTH - 6, Math.min(band.top + band.height - 4, Math.max(band.top + 4, ty)));
  }
}

/** A value's y in a band scaled from vmin (bottom) to vmax (top). */
export const scaleY = (band: Band, vmin: number, vmax: number) => (v: number) =>
  band.top + band.height - ((Math.min(vmax, Math.max(vmin, v)) - vmin) / (vmax - vmin)) * band.height;

/** The legend row: the base colour key (A C G T), then what the marks mean. */
export function drawKey(ctx: CanvasRenderingContext2D, band: Band, notes: string[]): void {
  drawLabel(ctx, band, 'key', '');
  ctx.font = 'bold 11px sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const y = band.top + band.height / 2;
  let x = LABEL_WIDTH + 4;
  for (let b = 0; b < 4; b++) {
    ctx.fillStyle = BASE_COLORS[b]!;
    ctx.fillRect(x, y - 5, 10, 10);
    ctx.fillText('ACGT'[b]!, x + 13, y);
    x += 30;
  }
  ctx.font = '10px sans-serif';
  ctx.fillStyle = '#444';
  ctx.fillText(notes.join('   ·   '), x + 8, y);
}

/** Runs draw clipped to the band's plot area, so nothing spills into the label column or the next band. */
export function inPlot(ctx: CanvasRenderingContext2D, width: number, band: Band, draw: () => void): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(LABEL_WIDTH, band.top, width - LABEL_WIDTH, band.height);
  ctx.clip();
  draw();
  ctx.restore();
}
