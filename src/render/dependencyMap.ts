// Draws a nucleotide dependency map (row: substituted position i, column: position read j) as a viridis
// heatmap over a square window of the matrix, linear or log colour; cells not computed are grey. Also the
// focused row as a track aligned with the per-base tracks. No React here.

import type { ColorScale } from './colorScale';
import { scalePosition } from './colorScale';
import { viridis } from './colors';
import type { MapWindow } from './mapWindow';
import { drawMatrix, outlineRow } from './matrixRaster';
import { columns, LABEL_WIDTH, type TrackView } from './tracks';

/** The window `win` of the n x n map on a px x px square, coloured on `scale`; the focused row outlined. */
export function drawDependencyMap(
  ctx: CanvasRenderingContext2D,
  values: Float32Array,
  n: number,
  win: MapWindow,
  px: number,
  scale: ColorScale,
  focusRow: number | null,
): void {
  drawMatrix(ctx, px, n, win, (i, j) => {
    const v = values[i * n + j]!;
    return Number.isNaN(v) ? NaN : scalePosition(v, scale);
  });
  outlineRow(ctx, px, win, focusRow);
}

/** A robust top of the colour scale: the 99th percentile of the computed off-diagonal values. */
export function dependencyScale(values: Float32Array, n: number): number {
  const a: number[] = [];
  const step = Math.max(1, Math.floor((n * n) / 200_000)); // a sample is enough for a percentile
  for (let c = 0; c < n * n; c += step) if (c % (n + 1) !== 0 && Number.isFinite(values[c]!)) a.push(values[c]!);
  a.sort((x, y) => x - y);
  return a.length ? Math.max(1e-6, a[Math.floor(0.99 * (a.length - 1))]!) : 1;
}

export const ROW_TRACK_HEIGHT = 40;

/**
 * Row `row` of the map (dependencies of every position on the focused one) as a track: map column c is
 * sequence position start + c, drawn with the per-base tracks' view so the two line up.
 */
export function drawRowTrack(
  ctx: CanvasRenderingContext2D,
  map: { start: number; values: Float32Array; n: number },
  row: number | null,
  view: TrackView,
  vmax: number,
  L: number,
): void {
  const plotW = view.width - LABEL_WIDTH,
    h = ROW_TRACK_HEIGHT;
  ctx.clearRect(0, 0, view.width, h);
  ctx.fillStyle = '#f6f6f6';
  ctx.fillRect(LABEL_WIDTH, 0, plotW, h);
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = '#222';
  ctx.fillText(
    row === null ? 'dependency (focus a base in the map)' : `dependency on ${map.start + row + 1}`,
    4,
    h / 2,
  );
  if (row === null) return;
  const first = Math.max(0, Math.floor(view.start));
  const last = Math.min(L, Math.ceil(view.start + plotW * view.bpPerPixel));
  for (const c of columns(view, first, last, plotW)) {
    let v = -1; // the largest value in the column
    for (let p = Math.max(c.p0, map.start); p < Math.min(c.p1, map.start + map.n); p++) {
      const e = map.values[row * map.n + (p - map.start)]!;
      if (Number.isFinite(e)) v = Math.max(v, e);
    }
    if (v < 0) continue;
    const f = Math.min(1, v / vmax);
    const [r, g, b] = viridis(f);
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fillRect(c.x, h - f * h, c.w, Math.max(1, f * h));
  }
}
