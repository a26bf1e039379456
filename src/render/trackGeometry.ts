// Where bases land on the track canvases: the view (first base, bases per pixel, width), the label column on the
// left that every track panel shares so their plots line up, and the drawn columns (one per base zoomed in, one
// per pixel zoomed out, igv.js style, so the cost follows the width and not the length).

export interface TrackView {
  start: number; // first visible base (may be fractional)
  bpPerPixel: number;
  width: number; // CSS pixels
}

/** Width of the label column (track names, units, y-axes); the plots start right of it. */
export const LABEL_WIDTH = 150;

/** The x of base p's left edge. */
export const xOf = (view: TrackView, p: number): number => LABEL_WIDTH + (p - view.start) / view.bpPerPixel;

/** The visible bases [first, last) of a sequence of length L, and the plot width. */
export function visibleRange(view: TrackView, L: number): { first: number; last: number; plotW: number } {
  const plotW = view.width - LABEL_WIDTH;
  return {
    first: Math.max(0, Math.floor(view.start)),
    last: Math.min(L, Math.ceil(view.start + plotW * view.bpPerPixel)),
    plotW,
  };
}

/** Which base is under x (CSS pixels in the canvas), or null. */
export function baseAt(x: number, view: TrackView, length: number): number | null {
  if (x < LABEL_WIDTH) return null;
  const p = Math.floor(view.start + (x - LABEL_WIDTH) * view.bpPerPixel);
  return p >= 0 && p < length ? p : null;
}

/** A drawn column: bases [p0, p1) at x, w pixels wide. */
export interface Column {
  p0: number;
  p1: number;
  x: number;
  w: number;
}

export function columns(view: TrackView, first: number, last: number, plotW: number): Column[] {
  const pxPerBase = 1 / view.bpPerPixel;
  const out: Column[] = [];
  if (view.bpPerPixel <= 1) {
    const barW = Math.max(1, pxPerBase - (pxPerBase > 4 ? 1 : 0));
    for (let p = first; p < last; p++) out.push({ p0: p, p1: p + 1, x: xOf(view, p), w: barW });
    return out;
  }
  for (let c = 0; c < plotW; c++) {
    const p0 = Math.max(first, Math.floor(view.start + c * view.bpPerPixel));
    const p1 = Math.min(last, Math.floor(view.start + (c + 1) * view.bpPerPixel));
    if (p1 > p0) out.push({ p0, p1, x: LABEL_WIDTH + c, w: 1 });
  }
  return out;
}

/** Mean of f over the finite values in [p0, p1), or NaN when none is finite. */
export function columnMean(c: Column, f: (p: number) => number): number {
  let s = 0,
    n = 0;
  for (let p = c.p0; p < c.p1; p++) {
    const v = f(p);
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}
