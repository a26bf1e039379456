// Draws an attention matrix (query rows x key columns) as a viridis heatmap, scaled per row max
// when asked, with the focus row outlined. No React here.

import { viridis } from './colors';

export interface HeatmapView {
  size: number; // CSS pixels, square
  /** Colour by probability / (max of its row) instead of raw probability. */
  rowNormalized: boolean;
}

export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  probs: Float32Array,
  n: number,
  focusRow: number | null,
  view: HeatmapView,
): void {
  const px = Math.max(1, Math.floor(view.size)); // one image pixel per canvas pixel, nearest sample
  const img = ctx.createImageData(px, px);
  const rowMax = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < n; j++) m = Math.max(m, probs[i * n + j]!);
    rowMax[i] = m || 1;
  }
  for (let y = 0; y < px; y++) {
    const i = Math.min(n - 1, Math.floor((y * n) / px));
    for (let x = 0; x < px; x++) {
      const j = Math.min(n - 1, Math.floor((x * n) / px));
      const v = probs[i * n + j]!;
      const [r, g, b] = viridis(view.rowNormalized ? v / rowMax[i]! : Math.sqrt(v));
      const o = (y * px + x) * 4;
      img.data[o] = r;
      img.data[o + 1] = g;
      img.data[o + 2] = b;
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  if (focusRow !== null && focusRow >= 0 && focusRow < n) {
    const y0 = (focusRow * px) / n;
    ctx.strokeStyle = '#ff2d55';
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, Math.floor(y0) + 0.5, px - 1, Math.max(1, px / n));
  }
}

/** The (query, key) cell under a point of the heatmap. */
export function cellAt(x: number, y: number, n: number, size: number): { row: number; col: number } | null {
  if (x < 0 || y < 0 || x >= size || y >= size) return null;
  return { row: Math.floor((y * n) / size), col: Math.floor((x * n) / size) };
}
