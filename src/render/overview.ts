// The overview strip above the tracks: the whole record at once (its log2 P(observed) per pixel, its features),
// with a box around the bases the tracks show, as igv.js marks the view on its chromosome ideogram.

import type { SequenceFeature } from '../genome/features';
import { drawLabel } from './trackAxis';
import { columnMean, LABEL_WIDTH } from './trackGeometry';

export const OVERVIEW_HEIGHT = 34;

/** The overview's x of base p, and back. */
export const overviewX = (p: number, L: number, width: number) => LABEL_WIDTH + (p / L) * (width - LABEL_WIDTH);
export const overviewBase = (x: number, L: number, width: number) =>
  Math.max(0, Math.min(L - 1, Math.floor(((x - LABEL_WIDTH) / (width - LABEL_WIDTH)) * L)));

export function drawOverview(
  ctx: CanvasRenderingContext2D,
  d: { observedBits: Float32Array; features: SequenceFeature[] },
  window: { first: number; last: number },
  width: number,
): void {
  const L = d.observedBits.length,
    plotW = width - LABEL_WIDTH,
    h = OVERVIEW_HEIGHT;
  ctx.clearRect(0, 0, width, h);
  drawLabel(ctx, { top: 0, height: h }, 'whole record', `${L.toLocaleString('en-US')} bp`);
  ctx.fillStyle = '#eee';
  ctx.fillRect(LABEL_WIDTH, 2, plotW, h - 10);
  ctx.fillStyle = '#999';
  for (let c = 0; c < plotW; c++) {
    const p0 = Math.floor((c / plotW) * L),
      p1 = Math.max(p0 + 1, Math.floor(((c + 1) / plotW) * L));
    const bits = columnMean({ p0, p1, x: 0, w: 1 }, (p) => d.observedBits[p]!);
    if (Number.isFinite(bits)) {
      const bh = (Math.min(-bits, 8) / 8) * (h - 10);
      ctx.fillRect(LABEL_WIDTH + c, 2, 1, bh);
    }
  }
  ctx.fillStyle = '#2a5bb0';
  for (const f of d.features) {
    const x0 = overviewX(f.start, L, width);
    ctx.fillRect(x0, h - 7, Math.max(1, overviewX(f.end, L, width) - x0), 4);
  }
  const x0 = overviewX(window.first, L, width),
    x1 = overviewX(window.last, L, width);
  ctx.fillStyle = 'rgba(204,0,0,0.12)';
  ctx.fillRect(x0, 0, Math.max(2, x1 - x0), h);
  ctx.fillStyle = '#c00';
  for (const [x, y, w, hh] of [
    [x0, 0, Math.max(2, x1 - x0), 2],
    [x0, h - 2, Math.max(2, x1 - x0), 2],
    [x0, 0, 2, h],
    [Math.max(x0, x1 - 2), 0, 2, h],
  ] as const)
    ctx.fillRect(x, y, w, hh);
}
