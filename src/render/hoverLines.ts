// The map cell under the pointer, shown on the per-base tracks: a band at its row's position and a dashed one at
// its column's, each named (query / key, substituted / read), drawn over the tracks with their view. No React here.

import { LABEL_WIDTH, type TrackView } from './tracks';

export interface HoverPair {
  /** Sequence positions (0-based) of the cell's row and column. */
  row: number;
  col: number;
  /** What the row and column positions are ("query", "key"). */
  names: [string, string];
}

const ROW_COLOR = 'rgba(204, 0, 102, 0.85)';
const COL_COLOR = 'rgba(0, 0, 0, 0.85)';

/** The left edge and width, in CSS pixels, of base p on the tracks; null when it is out of view. */
export function baseSpan(p: number, view: TrackView): { x: number; w: number } | null {
  const x = LABEL_WIDTH + (p - view.start) / view.bpPerPixel;
  const w = 1 / view.bpPerPixel;
  if (x + w < LABEL_WIDTH || x > view.width) return null;
  return { x, w };
}

/** Clears a width x height overlay and draws the pair's two bands (one when row and column are the same base). */
export function drawHoverLines(
  ctx: CanvasRenderingContext2D,
  view: TrackView,
  height: number,
  pair: HoverPair | null,
): void {
  ctx.clearRect(0, 0, view.width, height);
  if (!pair) return;
  const marks =
    pair.row === pair.col
      ? [{ p: pair.row, color: ROW_COLOR, name: `${pair.names[0]} = ${pair.names[1]}` }]
      : [
          { p: pair.row, color: ROW_COLOR, name: pair.names[0] },
          { p: pair.col, color: COL_COLOR, name: pair.names[1] },
        ];
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  for (const [k, m] of marks.entries()) {
    const at = baseSpan(m.p, view);
    if (!at) continue;
    const w = Math.max(2, at.w),
      x = at.x + at.w / 2 - w / 2;
    ctx.fillStyle = m.color;
    ctx.globalAlpha = at.w >= 4 ? 0.35 : 1; // a wide band is see-through, so the bases under it still read
    // the column's band is dashed: it differs from the row's, and from the focus line, without colour
    if (k === 0) ctx.fillRect(x, 0, w, height);
    else for (let y = 0; y < height; y += 8) ctx.fillRect(x, y, w, Math.min(5, height - y));
    ctx.globalAlpha = 1;
    const text = `${m.name} ${(m.p + 1).toLocaleString('en-US')}`;
    const tw = ctx.measureText(text).width + 6;
    // the label on the side with room, the second one lower so that two near bands do not hide each other
    const left = x + w + tw > view.width;
    const lx = left ? x - tw : x + w,
      ly = 2 + k * 15;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.fillRect(lx, ly, tw, 14);
    ctx.fillStyle = m.color;
    ctx.textAlign = 'left';
    ctx.fillText(text, lx + 3, ly + 1);
  }
}
