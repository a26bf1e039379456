// Draws a saturation mutagenesis matrix: one column per position, one row per base (A, C, G, T),
// coloured by score on a diverging scale; reference cells show the base in grey. No React here.

import { diverging } from './colors';

export const MUT_LABEL_WIDTH = 24;
export const MUT_ROW_HEIGHT = 22;

export interface MutagenesisView {
  width: number; // CSS pixels
  /** |score| that maps to the end of the colour scale. */
  scale: number;
}

export function drawMutagenesis(
  ctx: CanvasRenderingContext2D,
  scores: Float32Array,
  seq: string,
  start: number,
  view: MutagenesisView,
): void {
  const n = scores.length / 4;
  const cw = (view.width - MUT_LABEL_WIDTH) / n;
  ctx.clearRect(0, 0, view.width, 4 * MUT_ROW_HEIGHT);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let b = 0; b < 4; b++) {
    ctx.fillStyle = '#222';
    ctx.fillText('ACGT'[b]!, MUT_LABEL_WIDTH / 2, b * MUT_ROW_HEIGHT + MUT_ROW_HEIGHT / 2);
    for (let i = 0; i < n; i++) {
      const x = MUT_LABEL_WIDTH + i * cw;
      const v = scores[i * 4 + b]!;
      if (Number.isNaN(v)) {
        ctx.fillStyle = seq[start + i] === 'ACGT'[b] ? '#bbb' : '#eee';
        ctx.fillRect(x, b * MUT_ROW_HEIGHT, Math.max(cw, 1), MUT_ROW_HEIGHT - 1);
        if (cw >= 10 && seq[start + i] === 'ACGT'[b]) {
          ctx.fillStyle = '#000';
          ctx.fillText('ACGT'[b]!, x + cw / 2, b * MUT_ROW_HEIGHT + MUT_ROW_HEIGHT / 2);
        }
        continue;
      }
      const [r, g, bl] = diverging(v / view.scale);
      ctx.fillStyle = `rgb(${r},${g},${bl})`;
      ctx.fillRect(x, b * MUT_ROW_HEIGHT, Math.max(cw, 1), MUT_ROW_HEIGHT - 1);
    }
  }
}

/** (position offset, base) under a point, or null. */
export function mutCellAt(x: number, y: number, n: number, width: number): { i: number; base: number } | null {
  if (x < MUT_LABEL_WIDTH || y < 0 || y >= 4 * MUT_ROW_HEIGHT) return null;
  const i = Math.floor(((x - MUT_LABEL_WIDTH) * n) / (width - MUT_LABEL_WIDTH));
  return i >= 0 && i < n ? { i, base: Math.floor(y / MUT_ROW_HEIGHT) } : null;
}

/** A robust colour range: the 98th percentile of |score|. */
export function scoreScale(scores: Float32Array): number {
  const a = Array.from(scores)
    .filter(Number.isFinite)
    .map(Math.abs)
    .sort((x, y) => x - y);
  return a.length ? Math.max(1e-3, a[Math.floor(0.98 * (a.length - 1))]!) : 1;
}
