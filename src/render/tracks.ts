// Draws the per-base tracks (surprise, entropy, probability stack, sequence, attention from the
// focus) on one canvas; view = which bases are visible. No React here. Zoomed out past one base per
// pixel, each pixel column shows its bases' mean (attention: their largest value; sequence: the
// commonest base).

import { BASE_COLORS, N_COLOR } from './colors';

export interface TrackData {
  sequence: string;
  softMasked?: Uint8Array;
  logprobs: Float32Array; // [L, 4] natural log
  observedBits: Float32Array;
  entropyBits: Float32Array;
  focus: number | null;
  /** Positions of the variants in the table, marked on the sequence track. */
  variantPositions?: number[];
  /** Attention from the focus base to every key in [attnStart, attnStart + attnRow.length). */
  attnRow?: { start: number; values: Float32Array };
}

export interface TrackView {
  start: number; // first visible base (may be fractional)
  bpPerPixel: number;
  width: number; // CSS pixels
}

export const SURPRISE_MAX_BITS = 8;
export const TRACK_LAYOUT = [
  { key: 'surprise', label: 'log2 P(observed base)', height: 70 },
  { key: 'entropy', label: 'entropy (bits)', height: 40 },
  { key: 'stack', label: 'P(A, C, G, T)', height: 70 },
  { key: 'sequence', label: 'sequence', height: 18 },
  { key: 'attention', label: 'attention from focus', height: 30 },
] as const;
export const LABEL_WIDTH = 150;
const GAP = 6;

export function tracksHeight(): number {
  return TRACK_LAYOUT.reduce((h, t) => h + t.height + GAP, 0);
}

/** Which base is under x (CSS pixels in the canvas), or null. */
export function baseAt(x: number, view: TrackView, length: number): number | null {
  if (x < LABEL_WIDTH) return null;
  const p = Math.floor(view.start + (x - LABEL_WIDTH) * view.bpPerPixel);
  return p >= 0 && p < length ? p : null;
}

/** A drawn column: bases [p0, p1) at x, w pixels wide. One base per column when zoomed in; one pixel per
 *  column (igv.js style) when a pixel holds several bases, so the cost follows the width, not the length. */
export interface Column {
  p0: number;
  p1: number;
  x: number;
  w: number;
}

export function columns(view: TrackView, first: number, last: number, plotW: number): Column[] {
  const pxPerBase = 1 / view.bpPerPixel;
  const xOf = (p: number) => LABEL_WIDTH + (p - view.start) * pxPerBase;
  const out: Column[] = [];
  if (view.bpPerPixel <= 1) {
    const barW = Math.max(1, pxPerBase - (pxPerBase > 4 ? 1 : 0));
    for (let p = first; p < last; p++) out.push({ p0: p, p1: p + 1, x: xOf(p), w: barW });
    return out;
  }
  for (let c = 0; c < plotW; c++) {
    const p0 = Math.max(first, Math.floor(view.start + c * view.bpPerPixel));
    const p1 = Math.min(last, Math.floor(view.start + (c + 1) * view.bpPerPixel));
    if (p1 > p0) out.push({ p0, p1, x: LABEL_WIDTH + c, w: 1 });
  }
  return out;
}

/** Mean of f over the finite values in [p0, p1), or NaN when none is finite. */
function mean(c: Column, f: (p: number) => number): number {
  let s = 0,
    n = 0;
  for (let p = c.p0; p < c.p1; p++) {
    const v = f(p);
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** The commonest base token (0-3, or -1 for N) in [p0, p1). */
function commonest(seq: string, c: Column): number {
  const n = [0, 0, 0, 0, 0];
  for (let p = c.p0; p < c.p1; p++) n['ACGT'.indexOf(seq[p]!) + 1]!++;
  return n.indexOf(Math.max(...n)) - 1;
}

export function drawTracks(ctx: CanvasRenderingContext2D, d: TrackData, view: TrackView): void {
  const L = d.sequence.length;
  const plotW = view.width - LABEL_WIDTH;
  const pxPerBase = 1 / view.bpPerPixel;
  const first = Math.max(0, Math.floor(view.start));
  const last = Math.min(L, Math.ceil(view.start + plotW * view.bpPerPixel));
  const xOf = (p: number) => LABEL_WIDTH + (p - view.start) * pxPerBase;
  const cols = columns(view, first, last, plotW);
  const attnMax = d.attnRow ? d.attnRow.values.reduce((m, t) => Math.max(m, t), 0) || 1 : 1;
  ctx.clearRect(0, 0, view.width, tracksHeight());
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  let y = 0;
  for (const track of TRACK_LAYOUT) {
    const h = track.height;
    ctx.fillStyle = '#f6f6f6';
    ctx.fillRect(LABEL_WIDTH, y, plotW, h);
    ctx.fillStyle = '#222';
    ctx.textAlign = 'left';
    ctx.fillText(track.label, 4, y + h / 2);
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_WIDTH, y, plotW, h);
    ctx.clip();
    for (const c of cols) {
      const { x, w } = c;
      const tok = commonest(d.sequence, c);
      switch (track.key) {
        case 'surprise': {
          const bits = mean(c, (p) => d.observedBits[p]!);
          if (!Number.isFinite(bits)) {
            ctx.fillStyle = N_COLOR;
            ctx.fillRect(x, y, w, 3);
            break;
          }
          ctx.fillStyle = BASE_COLORS[tok] ?? N_COLOR;
          ctx.fillRect(x, y, w, (Math.min(-bits, SURPRISE_MAX_BITS) / SURPRISE_MAX_BITS) * h);
          break;
        }
        case 'entropy': {
          const e = mean(c, (p) => d.entropyBits[p]!);
          ctx.fillStyle = '#555';
          ctx.fillRect(x, y + h - (e / 2) * h, w, (e / 2) * h);
          break;
        }
        case 'stack': {
          let acc = y + h;
          for (let b = 0; b < 4; b++) {
            const ph = mean(c, (p) => Math.exp(d.logprobs[p * 4 + b]!)) * h;
            ctx.fillStyle = BASE_COLORS[b]!;
            ctx.fillRect(x, acc - ph, w, ph);
            if (pxPerBase >= 12 && ph >= 11) {
              ctx.fillStyle = '#fff';
              ctx.textAlign = 'center';
              ctx.fillText('ACGT'[b]!, x + pxPerBase / 2, acc - ph / 2);
            }
            acc -= ph;
          }
          break;
        }
        case 'sequence': {
          ctx.fillStyle = BASE_COLORS[tok] ?? N_COLOR;
          if (pxPerBase >= 8) {
            ctx.textAlign = 'center';
            const ch = d.softMasked?.[c.p0] ? d.sequence[c.p0]!.toLowerCase() : d.sequence[c.p0]!;
            ctx.fillText(ch, x + pxPerBase / 2, y + h / 2);
          } else {
            ctx.fillRect(x, y + 4, w, h - 8);
          }
          break;
        }
        case 'attention': {
          const a = d.attnRow;
          if (!a) break;
          let v = -1; // the largest attention in the column
          for (let p = c.p0; p < c.p1; p++) v = Math.max(v, a.values[p - a.start] ?? -1);
          if (v < 0) break;
          ctx.fillStyle = '#6a3d9a';
          ctx.fillRect(x, y + h - (v / attnMax) * h, w, (v / attnMax) * h);
          break;
        }
      }
    }
    if (track.key === 'sequence') {
      ctx.fillStyle = '#000';
      for (const p of d.variantPositions ?? []) {
        if (p < first || p >= last) continue;
        const cx = xOf(p) + Math.max(pxPerBase, 1) / 2;
        ctx.beginPath();
        ctx.moveTo(cx - 4, y - 5);
        ctx.lineTo(cx + 4, y - 5);
        ctx.lineTo(cx, y + 1);
        ctx.fill();
      }
    }
    if (d.focus !== null && d.focus >= first && d.focus < last) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 1;
      ctx.strokeRect(xOf(d.focus) + 0.5, y + 0.5, Math.max(1, pxPerBase) - 1, h - 1);
    }
    ctx.restore();
    y += h + GAP;
  }
}
