// The position axes of the maps (rows on the left, columns below): ticks at round positions, in genomic
// coordinates when the record is named as a region, and the sequence's letters once a cell is wide enough for
// one. Draws on a canvas or an SvgContext. No React here.

import { BASE_COLORS, N_COLOR } from './colors';
import { niceStep } from './colorScale';

/** A letter is drawn once a cell is at least this many pixels wide. */
export const LETTER_MIN_PX = 9;
/** Room of the axes: the row axis's width and the column axis's height. */
export const ROW_AXIS_WIDTH = 108;
export const COL_AXIS_HEIGHT = 48;

export interface AxisSpec {
  /** Sequence index (0-based) of the first cell shown, and how many cells the axis spans. */
  first: number;
  span: number;
  /** The axis's length in pixels (the map's side). */
  length: number;
  /** The coordinate of sequence index 0: the region's first base, or 1 for a plain record. */
  coordStart: number;
  sequence: string;
  title: string;
}

export interface AxisTick {
  /** Cell offset from the first shown (its centre is where the tick goes). */
  cell: number;
  label: string;
}

/** Ticks at multiples of a round step of coordinates, at least minGap pixels apart. */
export function axisTicks(a: AxisSpec, minGap: number): AxisTick[] {
  const px = a.length / a.span;
  const step = niceStep(minGap / px);
  const c0 = a.coordStart + a.first;
  const ticks: AxisTick[] = [];
  for (let c = Math.ceil(c0 / step) * step; c < c0 + a.span; c += step)
    ticks.push({ cell: c - c0, label: c.toLocaleString('en-US') });
  return ticks;
}

/** The letters shown along the axis: the span's bases when each cell fits one, else none. */
export function axisLetters(a: AxisSpec): string {
  return a.length / a.span >= LETTER_MIN_PX ? a.sequence.slice(a.first, a.first + a.span) : '';
}

/** The axis in words (a canvas's accessible name): its title, the coordinates shown and the letters if drawn. */
export function describeAxis(a: AxisSpec): string {
  const from = (a.coordStart + a.first).toLocaleString('en-US');
  const to = (a.coordStart + a.first + a.span - 1).toLocaleString('en-US');
  const letters = axisLetters(a);
  return `${a.title}: ${from}-${to}${letters ? `, sequence ${letters}` : ''}`;
}

const FONT = '11px system-ui, sans-serif';
const LETTER_FONT = 'bold 11px ui-monospace, monospace';
const letterColor = (b: string) => BASE_COLORS['ACGT'.indexOf(b.toUpperCase())] ?? N_COLOR;

/** The row axis, ROW_AXIS_WIDTH wide, its edge against the map's left side at x = ROW_AXIS_WIDTH. */
export function drawRowAxis(ctx: CanvasRenderingContext2D, a: AxisSpec, x0 = 0, y0 = 0): void {
  const px = a.length / a.span,
    edge = x0 + ROW_AXIS_WIDTH;
  const letters = axisLetters(a);
  ctx.textBaseline = 'middle';
  ctx.font = LETTER_FONT;
  ctx.textAlign = 'center';
  for (let k = 0; k < letters.length; k++) {
    ctx.fillStyle = letterColor(letters[k]!);
    ctx.fillText(letters[k]!, edge - 7, y0 + (k + 0.5) * px);
  }
  const tickEnd = edge - (letters ? 15 : 1);
  ctx.fillStyle = '#333';
  ctx.font = FONT;
  ctx.textAlign = 'right';
  for (const t of axisTicks(a, 30)) {
    const y = y0 + (t.cell + 0.5) * px;
    ctx.fillRect(tickEnd - 5, Math.round(y) - 0.5, 5, 1);
    // a label at the map's corner moves inwards rather than past the axis's end
    ctx.fillText(t.label, tickEnd - 7, Math.min(y0 + a.length - 6, Math.max(y0 + 6, y)));
  }
  // the title runs along the axis on its far side
  ctx.save();
  ctx.translate(x0 + 7, y0 + a.length / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(a.title, 0, 0);
  ctx.restore();
}

/** The column axis, COL_AXIS_HEIGHT high, its edge against the map's bottom at y = y0. */
export function drawColAxis(ctx: CanvasRenderingContext2D, a: AxisSpec, x0 = 0, y0 = 0): void {
  const px = a.length / a.span;
  const letters = axisLetters(a);
  ctx.textBaseline = 'middle';
  ctx.font = LETTER_FONT;
  ctx.textAlign = 'center';
  for (let k = 0; k < letters.length; k++) {
    ctx.fillStyle = letterColor(letters[k]!);
    ctx.fillText(letters[k]!, x0 + (k + 0.5) * px, y0 + 7);
  }
  const tickTop = y0 + (letters ? 14 : 1);
  ctx.fillStyle = '#333';
  ctx.font = FONT;
  ctx.textBaseline = 'top';
  // genomic positions run to 11 characters (249,250,621): keep labels a label's width apart
  const widest = (a.coordStart + a.first + a.span).toLocaleString('en-US').length;
  for (const t of axisTicks(a, widest * 7 + 16)) {
    const x = x0 + (t.cell + 0.5) * px;
    ctx.fillRect(Math.round(x) - 0.5, tickTop, 1, 5);
    const half = t.label.length * 3.2; // about half the label at 11 px (an SvgContext cannot measure text)
    ctx.fillText(t.label, Math.min(x0 + a.length - half, Math.max(x0 + half, x)), tickTop + 7);
  }
  ctx.textBaseline = 'bottom';
  ctx.fillText(a.title, x0 + a.length / 2, y0 + COL_AXIS_HEIGHT);
}
