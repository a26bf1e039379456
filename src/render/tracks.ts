// Draws the per-base tracks (surprise, entropy, probability stack, sequence, attention from the
// focus) on one canvas; view = which bases are visible. No React here.

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

export function drawTracks(ctx: CanvasRenderingContext2D, d: TrackData, view: TrackView): void {
  const L = d.sequence.length;
  const plotW = view.width - LABEL_WIDTH;
  const pxPerBase = 1 / view.bpPerPixel;
  const first = Math.max(0, Math.floor(view.start));
  const last = Math.min(L, Math.ceil(view.start + plotW * view.bpPerPixel));
  const xOf = (p: number) => LABEL_WIDTH + (p - view.start) * pxPerBase;
  const barW = Math.max(1, pxPerBase - (pxPerBase > 4 ? 1 : 0));
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
    for (let p = first; p < last; p++) {
      const x = xOf(p);
      const tok = 'ACGT'.indexOf(d.sequence[p]!);
      switch (track.key) {
        case 'surprise': {
          const bits = d.observedBits[p]!;
          if (!Number.isFinite(bits)) { ctx.fillStyle = N_COLOR; ctx.fillRect(x, y, barW, 3); break; }
          ctx.fillStyle = BASE_COLORS[tok] ?? N_COLOR;
          ctx.fillRect(x, y, barW, (Math.min(-bits, SURPRISE_MAX_BITS) / SURPRISE_MAX_BITS) * h);
          break;
        }
        case 'entropy': {
          const e = d.entropyBits[p]!;
          ctx.fillStyle = '#555';
          ctx.fillRect(x, y + h - (e / 2) * h, barW, (e / 2) * h);
          break;
        }
        case 'stack': {
          let acc = y + h;
          for (let b = 0; b < 4; b++) {
            const ph = Math.exp(d.logprobs[p * 4 + b]!) * h;
            ctx.fillStyle = BASE_COLORS[b]!;
            ctx.fillRect(x, acc - ph, barW, ph);
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
          if (pxPerBase >= 8) {
            ctx.fillStyle = BASE_COLORS[tok] ?? N_COLOR;
            ctx.textAlign = 'center';
            const ch = d.softMasked?.[p] ? d.sequence[p]!.toLowerCase() : d.sequence[p]!;
            ctx.fillText(ch, x + pxPerBase / 2, y + h / 2);
          } else {
            ctx.fillStyle = BASE_COLORS[tok] ?? N_COLOR;
            ctx.fillRect(x, y + 4, barW, h - 8);
          }
          break;
        }
        case 'attention': {
          const a = d.attnRow;
          if (!a) break;
          const v = a.values[p - a.start];
          if (v === undefined) break;
          const max = a.values.reduce((m, t) => Math.max(m, t), 0) || 1;
          ctx.fillStyle = '#6a3d9a';
          ctx.fillRect(x, y + h - (v / max) * h, barW, (v / max) * h);
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
        ctx.moveTo(cx - 4, y - 5); ctx.lineTo(cx + 4, y - 5); ctx.lineTo(cx, y + 1);
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
