// Draws the compare view: log2 P(observed) of model A and of model B on one axis (stacked), and their
// difference A - B (above the midline where A finds the base more likely). No React here; the view is
// the per-base tracks' (render/tracks.ts), so the two panels line up.

import { BASE_COLORS, N_COLOR } from './colors';
import { LABEL_WIDTH, SURPRISE_MAX_BITS, type TrackView } from './tracks';

export interface CompareData {
  sequence: string;
  a: Float32Array; // log2 P(observed), model A
  b: Float32Array; // model B
  diff: Float32Array; // a - b
  labels: [string, string];
  focus: number | null;
}

const ROW = 60,
  GAP = 6;
/** The difference track spans +-DIFF_MAX_BITS. */
export const DIFF_MAX_BITS = 4;
export const compareHeight = (): number => 3 * (ROW + GAP);

/** Mean of the finite values of f over [p0, p1), NaN when none. */
function meanOver(f: Float32Array, p0: number, p1: number): number {
  let s = 0,
    n = 0;
  for (let p = p0; p < p1; p++) {
    const v = f[p]!;
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

export function drawCompareTracks(ctx: CanvasRenderingContext2D, d: CompareData, view: TrackView): void {
  const L = d.sequence.length,
    plotW = view.width - LABEL_WIDTH;
  const first = Math.max(0, Math.floor(view.start));
  const last = Math.min(L, Math.ceil(view.start + plotW * view.bpPerPixel));
  const pxPerBase = 1 / view.bpPerPixel;
  const cols: { p0: number; p1: number; x: number; w: number }[] = [];
  if (view.bpPerPixel <= 1)
    for (let p = first; p < last; p++)
      cols.push({
        p0: p,
        p1: p + 1,
        x: LABEL_WIDTH + (p - view.start) * pxPerBase,
        w: Math.max(1, pxPerBase - (pxPerBase > 4 ? 1 : 0)),
      });
  else
    for (let c = 0; c < plotW; c++) {
      const p0 = Math.max(first, Math.floor(view.start + c * view.bpPerPixel)),
        p1 = Math.min(last, Math.floor(view.start + (c + 1) * view.bpPerPixel));
      if (p1 > p0) cols.push({ p0, p1, x: LABEL_WIDTH + c, w: 1 });
    }
  ctx.clearRect(0, 0, view.width, compareHeight());
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const rows = [
    { label: `A: ${d.labels[0]}`, values: d.a },
    { label: `B: ${d.labels[1]}`, values: d.b },
    { label: 'A − B (bits)', values: d.diff },
  ];
  rows.forEach((row, r) => {
    const y = r * (ROW + GAP);
    ctx.fillStyle = '#f6f6f6';
    ctx.fillRect(LABEL_WIDTH, y, plotW, ROW);
    ctx.fillStyle = '#222';
    ctx.textAlign = 'left';
    ctx.fillText(row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label, 4, y + ROW / 2);
    for (const c of cols) {
      const v = meanOver(row.values, c.p0, c.p1);
      if (!Number.isFinite(v)) {
        ctx.fillStyle = N_COLOR;
        ctx.fillRect(c.x, y, c.w, 3);
        continue;
      }
      if (r < 2) {
        // bars hang from 0 bits down to log2 P, as the surprise track
        ctx.fillStyle = BASE_COLORS['ACGT'.indexOf(d.sequence[c.p0]!)] ?? N_COLOR;
        ctx.fillRect(c.x, y, c.w, (Math.min(-v, SURPRISE_MAX_BITS) / SURPRISE_MAX_BITS) * ROW);
      } else {
        const h = (Math.max(-DIFF_MAX_BITS, Math.min(DIFF_MAX_BITS, v)) / DIFF_MAX_BITS) * (ROW / 2);
        ctx.fillStyle = v >= 0 ? '#1a5fb4' : '#c01c28';
        ctx.fillRect(c.x, y + ROW / 2 - Math.max(h, 0), c.w, Math.abs(h));
      }
    }
    if (r === 2) {
      ctx.fillStyle = '#999';
      ctx.fillRect(LABEL_WIDTH, y + ROW / 2, plotW, 1);
    }
    if (d.focus !== null && d.focus >= first && d.focus < last) {
      ctx.strokeStyle = '#000';
      ctx.strokeRect(
        LABEL_WIDTH + (d.focus - view.start) * pxPerBase + 0.5,
        y + 0.5,
        Math.max(1, pxPerBase) - 1,
        ROW - 1,
      );
    }
  });
}
