// The per-base value tracks, drawn as bar charts (igv.js's wig style) on a y-axis: log2 P(observed base) (0 at
// the top, bars hanging down to -8 bits), entropy (0-2 bits) and attention from the focused base (0 to its
// largest weight). Zoomed out, a column shows its bases' mean (attention: the largest).

import { BASE_COLORS, N_COLOR } from './colors';
import { drawLabel, drawYAxis, scaleY, type Band } from './trackAxis';
import { columnMean, columns, LABEL_WIDTH, visibleRange, type Column, type TrackView } from './trackGeometry';

export const SURPRISE_MAX_BITS = 8;

/** The commonest base token (0-3, or -1 for N) in [p0, p1). */
function commonest(seq: string, c: Column): number {
  const n = [0, 0, 0, 0, 0];
  for (let p = c.p0; p < c.p1; p++) n['ACGT'.indexOf(seq[p]!) + 1]!++;
  return n.indexOf(Math.max(...n)) - 1;
}

export function drawSurprise(
  ctx: CanvasRenderingContext2D,
  d: { sequence: string; observedBits: Float32Array },
  view: TrackView,
  band: Band,
): void {
  const y = scaleY(band, -SURPRISE_MAX_BITS, 0);
  const ticks = [0, -2, -4, -6, -8].map((v) => ({ value: v, label: String(v) }));
  drawYAxis(ctx, band, view.width, ticks, y);
  drawLabel(ctx, band, 'log2 P(observed)', 'bits; 0 = certain');
  const { first, last, plotW } = visibleRange(view, d.sequence.length);
  for (const c of columns(view, first, last, plotW)) {
    const bits = columnMean(c, (p) => d.observedBits[p]!);
    if (!Number.isFinite(bits)) {
      ctx.fillStyle = N_COLOR; // no prediction (N, or a causal model's first base)
      ctx.fillRect(c.x, band.top, c.w, 3);
      continue;
    }
    ctx.fillStyle = BASE_COLORS[commonest(d.sequence, c)] ?? N_COLOR;
    ctx.fillRect(c.x, band.top, c.w, y(bits) - band.top);
  }
}

export function drawEntropy(
  ctx: CanvasRenderingContext2D,
  d: { sequence: string; entropyBits: Float32Array },
  view: TrackView,
  band: Band,
): void {
  const y = scaleY(band, 0, 2);
  drawYAxis(
    ctx,
    band,
    view.width,
    [0, 1, 2].map((v) => ({ value: v, label: String(v) })),
    y,
  );
  drawLabel(ctx, band, 'entropy', 'bits; 2 = no idea');
  const { first, last, plotW } = visibleRange(view, d.sequence.length);
  ctx.fillStyle = '#555';
  for (const c of columns(view, first, last, plotW)) {
    const e = columnMean(c, (p) => d.entropyBits[p]!);
    if (Number.isFinite(e)) ctx.fillRect(c.x, y(e), c.w, band.top + band.height - y(e));
  }
}

export function drawAttention(
  ctx: CanvasRenderingContext2D,
  d: { sequence: string; attnRow?: { start: number; values: Float32Array }; focus: number | null },
  view: TrackView,
  band: Band,
  note: string,
): void {
  const a = d.attnRow;
  const vmax = (a && a.values.reduce((m, t) => Math.max(m, t), 0)) || 1;
  const y = scaleY(band, 0, vmax);
  drawYAxis(
    ctx,
    band,
    view.width,
    [
      { value: 0, label: '0' },
      { value: vmax, label: vmax.toPrecision(2) },
    ],
    y,
  );
  drawLabel(ctx, band, 'attention', d.focus === null ? 'from the focused base' : `from base ${d.focus + 1}`);
  if (!a) {
    ctx.fillStyle = '#777';
    ctx.font = 'italic 11px sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(note, LABEL_WIDTH + 6, band.top + band.height / 2);
    return;
  }
  const { first, last, plotW } = visibleRange(view, d.sequence.length);
  ctx.fillStyle = '#6a3d9a';
  for (const c of columns(view, first, last, plotW)) {
    let v = -1; // the largest attention in the column
    for (let p = c.p0; p < c.p1; p++) v = Math.max(v, a.values[p - a.start] ?? -1);
    if (v >= 0) ctx.fillRect(c.x, y(v), c.w, band.top + band.height - y(v));
  }
}
