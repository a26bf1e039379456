// The GC and CpG tracks on a canvas, with the per-base tracks' view so they line up: GC fraction (0-1, 50% line)
// and CpG observed/expected (0-1.5, 0.6 line), y-axes labelled, CpG islands as bars underneath.

import type { GcResult } from '../analysis/descriptors/gc';
import { columns, LABEL_WIDTH, type TrackView } from './tracks';

const ROW = 56,
  GAP = 10,
  BAR = 8;
export const GC_TRACK_HEIGHT = 2 * ROW + GAP + BAR + 6;

/** One line plot in [top, top + ROW) scaled to [0, vmax], its axis and a reference line at `mark`. */
function plot(
  ctx: CanvasRenderingContext2D,
  values: Float32Array,
  view: TrackView,
  top: number,
  vmax: number,
  mark: number,
  label: string,
  colour: string,
) {
  const plotW = view.width - LABEL_WIDTH;
  const y = (v: number) => top + ROW - (Math.min(v, vmax) / vmax) * ROW;
  ctx.fillStyle = '#222';
  ctx.font = '12px sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(label, 4, top + 14);
  ctx.textAlign = 'right';
  ctx.font = '10px sans-serif';
  for (const t of [0, mark, vmax]) ctx.fillText(String(t), LABEL_WIDTH - 6, y(t) + 3);
  ctx.strokeStyle = '#bbb';
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(LABEL_WIDTH, y(mark));
  ctx.lineTo(view.width, y(mark));
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.strokeStyle = '#888';
  ctx.beginPath();
  ctx.moveTo(LABEL_WIDTH, top);
  ctx.lineTo(LABEL_WIDTH, top + ROW);
  ctx.stroke();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let pen = false;
  const first = Math.max(0, Math.floor(view.start)),
    last = Math.min(values.length, Math.ceil(view.start + plotW * view.bpPerPixel));
  for (const col of columns(view, first, last, plotW)) {
    let s = 0,
      k = 0;
    for (let p = col.p0; p < col.p1; p++)
      if (Number.isFinite(values[p]!)) {
        s += values[p]!;
        k++;
      }
    if (!k) {
      pen = false;
      continue;
    }
    const x = col.x + col.w / 2;
    if (pen) ctx.lineTo(x, y(s / k));
    else ctx.moveTo(x, y(s / k));
    pen = true;
  }
  ctx.stroke();
  ctx.lineWidth = 1;
}

export function drawGcTracks(ctx: CanvasRenderingContext2D, r: GcResult, view: TrackView): void {
  ctx.clearRect(0, 0, view.width, GC_TRACK_HEIGHT);
  plot(ctx, r.gc, view, 0, 1, 0.5, 'GC fraction', '#0072B2');
  plot(ctx, r.cpgRatio, view, ROW + GAP, 1.5, 0.6, 'CpG obs/exp', '#D55E00');
  const top = 2 * ROW + GAP + 4,
    x = (p: number) => LABEL_WIDTH + (p - view.start) / view.bpPerPixel;
  ctx.fillStyle = '#222';
  ctx.font = '12px sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText('CpG islands', 4, top + BAR);
  ctx.fillStyle = '#009E73';
  for (const [a, b] of r.islands) {
    const x0 = Math.max(LABEL_WIDTH, x(a)),
      x1 = Math.min(view.width, x(b));
    if (x1 > x0) ctx.fillRect(x0, top, Math.max(1, x1 - x0), BAR);
  }
}
