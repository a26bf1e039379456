// Variants on the tracks as lollipops: a stem at the variant's base, its head as high as |score| on the axis and
// coloured by the score (orange-brown: less likely than the reference, purple: more likely; the table's scale);
// a variant not scored yet is a grey head at the foot.

import { diverging } from './colors';
import { drawLabel, drawYAxis, scaleY, type Band } from './trackAxis';
import { LABEL_WIDTH, xOf, type TrackView } from './trackGeometry';

export const VARIANT_HEIGHT = 48;

export interface TrackVariant {
  /** 0-based base of the record. */
  index: number;
  label: string;
  score: number | null;
}

const rgb = (c: [number, number, number]) => `rgb(${c.join(',')})`;

/** The axis top: the largest |score| rounded up to 1, 2 or 5 x 10^k (at least 0.01), so the scale reads plainly. */
export function variantScale(vs: TrackVariant[]): number {
  const top = Math.max(0.01, ...vs.map((v) => (v.score === null || !Number.isFinite(v.score) ? 0 : Math.abs(v.score))));
  const k = 10 ** Math.floor(Math.log10(top));
  return [1, 2, 5, 10].map((m) => m * k).find((s) => s >= top * (1 - 1e-12))!;
}

function disc(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  ctx.beginPath();
  for (let i = 0; i <= 12; i++) {
    const a = (i / 12) * 2 * Math.PI;
    if (i === 0) ctx.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
    else ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  ctx.fill();
}

export function drawVariants(
  ctx: CanvasRenderingContext2D,
  vs: TrackVariant[],
  method: string,
  view: TrackView,
  band: Band,
): void {
  const vmax = variantScale(vs);
  const y = scaleY({ top: band.top + 6, height: band.height - 8 }, 0, vmax);
  drawYAxis(
    ctx,
    band,
    view.width,
    [0, vmax].map((v) => ({ value: v, label: v.toPrecision(2) })),
    y,
  );
  drawLabel(ctx, band, 'variants', `|score|, ${method}`);
  // the colour scale, -vmax to +vmax, under the name
  for (let i = 0; i < 60; i++) {
    ctx.fillStyle = rgb(diverging((i / 59) * 2 - 1));
    ctx.fillRect(4 + i, band.top + 30, 1, 7);
  }
  ctx.fillStyle = '#555';
  ctx.font = '8px sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(`−${vmax.toPrecision(2)}  0  +${vmax.toPrecision(2)}`, 4, band.top + 38);
  let labelEnd = -Infinity; // a label is written where it does not run into the one before
  for (const v of [...vs].sort((a, b) => a.index - b.index)) {
    const x = xOf(view, v.index) + 0.5 / view.bpPerPixel;
    if (x < LABEL_WIDTH || x > view.width) continue;
    const scored = v.score !== null && Number.isFinite(v.score);
    const hy = scored ? y(Math.abs(v.score!)) : band.top + band.height - 6;
    ctx.fillStyle = '#444';
    ctx.fillRect(Math.round(x), hy, 1, band.top + band.height - hy);
    disc(ctx, x, hy, 5);
    ctx.fillStyle = scored ? rgb(diverging(v.score! / vmax)) : '#aaa';
    disc(ctx, x, hy, 4);
    if (x + 7 > labelEnd + 4) {
      ctx.fillStyle = '#222';
      ctx.font = '9px sans-serif';
      ctx.textBaseline = 'middle';
      ctx.fillText(v.label, x + 7, Math.max(band.top + 5, hy));
      labelEnd = x + 7 + v.label.length * 5.5;
    }
  }
}
