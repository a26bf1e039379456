// The ruler: positions in genomic coordinates (a record named chrom:start-end puts its first base at start; any
// other record counts from 1), ticks at nice steps (1, 2, 5 x 10^k) chosen so that no two labels overlap.

import { parseRegion } from '../genome/region';
import { drawLabel, inPlot, type Band } from './trackAxis';
import { LABEL_WIDTH, visibleRange, xOf, type TrackView } from './trackGeometry';

export const RULER_HEIGHT = 30;
const FONT_PX = 10;
/** Width allowed for one digit or comma of the FONT_PX labels (wider than Chromium's sans-serif digits). */
export const CHAR_PX = 0.6 * FONT_PX;
/** Space kept between two labels. */
const LABEL_GAP = 12;

export interface Tick {
  /** 1-based coordinate the tick names. */
  coordinate: number;
  /** 0-based base of the record it sits on. */
  base: number;
  /** Centre of that base, in canvas pixels. */
  x: number;
  label: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The smallest step of 1, 2, 5 x 10^k that is at least `min`. */
export function niceStep(min: number): number {
  let k = 10 ** Math.floor(Math.log10(Math.max(1, min)));
  for (;;) {
    for (const m of [1, 2, 5]) if (m * k >= min) return m * k;
    k *= 10;
  }
}

/** The record's first base in coordinates, and the name to show for them (the chromosome, or 'position'). */
export function coordinatesOf(recordName: string): { first: number; name: string } {
  const r = parseRegion(recordName);
  return r.end !== undefined ? { first: r.start, name: recordName.split(':')[0]! } : { first: 1, name: 'position' };
}

/**
 * Ticks for the visible bases, at multiples of a step wide enough for the longest label (`charPx` per character
 * plus a gap): labels never overlap, however far in or out the view is.
 */
export function rulerTicks(view: TrackView, L: number, first: number, charPx = CHAR_PX): Tick[] {
  const { first: p0, last: p1 } = visibleRange(view, L);
  if (p1 <= p0) return [];
  const widest = fmt(first + p1 - 1).length * charPx + LABEL_GAP;
  const step = niceStep(widest * view.bpPerPixel);
  const out: Tick[] = [];
  for (let c = Math.ceil((first + p0) / step) * step; c <= first + p1 - 1; c += step) {
    const base = c - first;
    out.push({ coordinate: c, base, x: xOf(view, base) + 0.5 / view.bpPerPixel, label: fmt(c) });
  }
  return out;
}

export function drawRuler(ctx: CanvasRenderingContext2D, view: TrackView, L: number, recordName: string, band: Band) {
  const { first, name } = coordinatesOf(recordName);
  const { first: p0, last: p1 } = visibleRange(view, L);
  drawLabel(ctx, band, name, `${fmt(first + p0)}-${fmt(first + p1 - 1)} (${fmt(p1 - p0)} bp)`);
  const base = band.top + band.height - 4;
  ctx.fillStyle = '#444';
  ctx.fillRect(LABEL_WIDTH, base, view.width - LABEL_WIDTH, 1);
  ctx.font = `${FONT_PX}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const ticks = rulerTicks(view, L, first);
  inPlot(ctx, view.width, band, () => {
    for (const t of ticks) {
      ctx.fillRect(Math.round(t.x), base - 6, 1, 6);
      // a label the plot's edge would cut is left out; its tick stays
      const half = (t.label.length * CHAR_PX) / 2;
      if (t.x - half >= LABEL_WIDTH && t.x + half <= view.width) ctx.fillText(t.label, t.x, base - 9);
    }
  });
  return ticks;
}
