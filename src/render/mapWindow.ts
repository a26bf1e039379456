// The part of a square n x n matrix a map shows (rows [r0, r0 + span), columns [c0, c0 + span)) on a square of
// `size` pixels, and the maths of zooming and panning it; the attention and dependency maps share it. No React.

export interface MapWindow {
  r0: number;
  c0: number;
  span: number;
}

export interface MapCell {
  row: number;
  col: number;
}

export const wholeMap = (n: number): MapWindow => ({ r0: 0, c0: 0, span: n });

/** The (row, column) of the matrix under pixel (x, y) of the map, or null outside it. */
export function cellAt(x: number, y: number, win: MapWindow, size: number): MapCell | null {
  if (x < 0 || y < 0 || x >= size || y >= size) return null;
  return { row: win.r0 + Math.floor((y * win.span) / size), col: win.c0 + Math.floor((x * win.span) / size) };
}

/** The smallest span a zoom reaches: minSpan cells, or the whole map when it is smaller. */
const floorSpan = (n: number, minSpan: number) => Math.min(minSpan, n);

/**
 * The window after zooming by `factor` (< 1: in) around pixel (x, y): the cell under the pointer stays under
 * it (unless the map's edge stops the window); the span stays within [minSpan, n] and the window inside the map.
 */
export function zoomAround(
  win: MapWindow,
  n: number,
  x: number,
  y: number,
  size: number,
  factor: number,
  minSpan: number,
): MapWindow {
  // at least one cell a step, so that a trackpad's small steps zoom too
  const raw = Math.round(win.span * factor);
  const stepped = factor < 1 ? Math.min(win.span - 1, raw) : factor > 1 ? Math.max(win.span + 1, raw) : win.span;
  const span = Math.max(floorSpan(n, minSpan), Math.min(n, stepped));
  const at = (o: number, px: number) =>
    Math.max(0, Math.min(n - span, o + Math.floor((px * win.span) / size) - Math.floor((px * span) / size)));
  return { r0: at(win.r0, y), c0: at(win.c0, x), span };
}

/** A window of `span` cells (kept within [minSpan, n]) centred on `at`, or on the present window's centre. */
export function zoomTo(win: MapWindow, n: number, span: number, minSpan: number, at?: MapCell): MapWindow {
  const sp = Math.max(floorSpan(n, minSpan), Math.min(n, Math.round(span)));
  const centre = at ?? { row: win.r0 + win.span / 2, col: win.c0 + win.span / 2 };
  const clamp = (v: number) => Math.max(0, Math.min(n - sp, Math.round(v - sp / 2)));
  return { r0: clamp(centre.row), c0: clamp(centre.col), span: sp };
}

/** The window `from` dragged by (dx, dy) pixels: the matrix follows the pointer, the window stays inside the map. */
export function panBy(from: MapWindow, n: number, dx: number, dy: number, size: number): MapWindow {
  const k = from.span / size;
  const clamp = (v: number) => Math.max(0, Math.min(n - from.span, Math.round(v)));
  return { r0: clamp(from.r0 - dy * k), c0: clamp(from.c0 - dx * k), span: from.span };
}

/** The window moved the least that shows `cell` (a keyboard cursor leaving the window takes the window along). */
export function showCell(win: MapWindow, cell: MapCell): MapWindow {
  const follow = (o: number, v: number) => (v < o ? v : v >= o + win.span ? v - win.span + 1 : o);
  return { r0: follow(win.r0, cell.row), c0: follow(win.c0, cell.col), span: win.span };
}

/** Whether `cell` lies inside the window. */
export const inWindow = (win: MapWindow, cell: MapCell): boolean =>
  cell.row >= win.r0 && cell.row < win.r0 + win.span && cell.col >= win.c0 && cell.col < win.c0 + win.span;
