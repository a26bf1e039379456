// Colours an attention matrix (query rows x key columns): each row scaled to its own maximum, or the
// probabilities on one scale up to the matrix's largest; linear or log. Draws the main map and the overview's
// thumbnails. No React here.

import type { ColorScale } from './colorScale';
import { scalePosition } from './colorScale';
import type { MapWindow } from './mapWindow';
import { drawMatrix, outlineRow } from './matrixRaster';

export interface AttentionColour {
  /** Colour by probability / (max of its row) instead of by probability. */
  rowNormalized: boolean;
  log: boolean;
}

export interface AttentionColouring {
  scale: ColorScale;
  /** What the colour bar measures. */
  title: string;
  /** Cell (i, j)'s place on the scale, in [0, 1]. */
  position(i: number, j: number): number;
}

/** The colouring of an n x n attention matrix (row-major probabilities). */
export function attentionColouring(probs: Float32Array, n: number, c: AttentionColour): AttentionColouring {
  if (c.rowNormalized) {
    const rowMax = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (let j = 0; j < n; j++) m = Math.max(m, probs[i * n + j]!);
      rowMax[i] = m || 1;
    }
    const scale = { log: c.log, vmax: 1 };
    return {
      scale,
      title: "attention / its row's largest",
      position: (i, j) => scalePosition(probs[i * n + j]! / rowMax[i]!, scale),
    };
  }
  let top = 0;
  for (let k = 0; k < n * n; k++) top = Math.max(top, probs[k]!);
  const scale = { log: c.log, vmax: top || 1 };
  return { scale, title: 'attention probability', position: (i, j) => scalePosition(probs[i * n + j]!, scale) };
}

export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  n: number,
  win: MapWindow,
  px: number,
  colouring: AttentionColouring,
  focusRow: number | null,
): void {
  drawMatrix(ctx, px, n, win, colouring.position);
  outlineRow(ctx, px, win, focusRow);
}
