// Draws a nucleotide dependency map (row: substituted position i, column: position read j) as a viridis
// heatmap over a square window of the matrix, linear or log colour; cells not computed are grey. Also the
// focused row as a track aligned with the per-base tracks. No React here.

import { viridis } from './colors';
import { columns, LABEL_WIDTH, type TrackView } from './tracks';

/** The window shown: rows [r0, r0 + span) and columns [c0, c0 + span) of the n x n map, on px canvas pixels. */
export interface DepMapView {
  r0: number;
  c0: number;
  span: number;
  px: number;
  log: boolean;
  vmax: number;
}

/** The log scale spans this many decades below vmax (smaller values share its darkest colour). */
export const LOG_DECADES = 3;
const NAN_RGB = [200, 200, 200] as const;

/** Colour position in [0, 1] of a value on the scale. */
export function scalePosition(v: number, vmax: number, log: boolean): number {
  if (!log) return v / vmax;
  const lo = vmax * 10 ** -LOG_DECADES;
  return (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / LOG_DECADES;
}

export function drawDependencyMap(
  ctx: CanvasRenderingContext2D,
  values: Float32Array,
  n: number,
  view: DepMapView,
  focusRow: number | null,
): void {
  const px = Math.max(1, Math.floor(view.px));
  const img = ctx.createImageData(px, px);
  for (let y = 0; y < px; y++) {
    const i = Math.min(n - 1, view.r0 + Math.floor((y * view.span) / px));
    for (let x = 0; x < px; x++) {
      const j = Math.min(n - 1, view.c0 + Math.floor((x * view.span) / px));
      const v = values[i * n + j]!;
      const [r, g, b] = Number.isNaN(v) ? NAN_RGB : viridis(scalePosition(v, view.vmax, view.log));
      const o = (y * px + x) * 4;
      img.data[o] = r;
      img.data[o + 1] = g;
      img.data[o + 2] = b;
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  if (focusRow !== null && focusRow >= view.r0 && focusRow < view.r0 + view.span) {
    ctx.strokeStyle = '#ff2d55';
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, Math.floor(((focusRow - view.r0) * px) / view.span) + 0.5, px - 1, Math.max(1, px / view.span));
  }
}

/** The (row, column) of the map under a point of a canvas `size` CSS pixels square. */
export function depCellAt(x: number, y: number, view: DepMapView, size: number): { row: number; col: number } | null {
  if (x < 0 || y < 0 || x >= size || y >= size) return null;
  return { row: view.r0 + Math.floor((y * view.span) / size), col: view.c0 + Math.floor((x * view.span) / size) };
}

/**
 * The window after zooming by `factor` (< 1: in) around pixel (x, y): the cell under the pointer stays under
 * it (unless the map's edge stops the window); the span stays within [minSpan, n] and the window inside the map.
 */
export function zoomAround(
  view: { r0: number; c0: number; span: number },
  n: number,
  x: number,
  y: number,
  size: number,
  factor: number,
  minSpan: number,
): { r0: number; c0: number; span: number } {
  // at least one cell a step, so that a trackpad's small steps zoom too
  const raw = Math.round(view.span * factor);
  const stepped = factor < 1 ? Math.min(view.span - 1, raw) : factor > 1 ? Math.max(view.span + 1, raw) : view.span;
  const span = Math.max(Math.min(minSpan, n), Math.min(n, stepped));
  const at = (o: number, px: number) =>
    Math.max(0, Math.min(n - span, o + Math.floor((px * view.span) / size) - Math.floor((px * span) / size)));
  return { r0: at(view.r0, y), c0: at(view.c0, x), span };
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
