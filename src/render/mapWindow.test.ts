// Zoom and pan of the maps' window: the windows they lead to, worked out by hand.
import { describe, expect, it } from 'vitest';
import { cellAt, inWindow, panBy, showCell, zoomAround, zoomTo } from './mapWindow';

describe('zoomAround', () => {
  it('keeps the cell under the pointer under it', () => {
    // 256 cells on 480 px; the pointer at (300, 90) is on column floor(300 * 256 / 480) = 160, row 48
    const before = { r0: 0, c0: 0, span: 256 };
    const after = zoomAround(before, 256, 300, 90, 480, 0.5, 16);
    // 128 cells: the pointer covers cell floor(300 * 128 / 480) = 80 of the window, so c0 = 160 - 80; rows 48 - 24
    expect(after).toEqual({ r0: 24, c0: 80, span: 128 });
    expect(cellAt(300, 90, after, 480)).toEqual(cellAt(300, 90, before, 480));
    expect(cellAt(300, 90, before, 480)).toEqual({ row: 48, col: 160 });
  });

  it('stops at the smallest span and the whole map, and keeps the window inside the map', () => {
    expect(zoomAround({ r0: 0, c0: 0, span: 20 }, 256, 0, 0, 480, 0.1, 16).span).toBe(16);
    expect(zoomAround({ r0: 100, c0: 100, span: 128 }, 256, 240, 240, 480, 4, 16)).toEqual({ r0: 0, c0: 0, span: 256 });
    // near the far corner, zooming out would push the window past the map's edge: it stops at n - span
    expect(zoomAround({ r0: 192, c0: 192, span: 64 }, 256, 470, 470, 480, 2, 16)).toEqual({
      r0: 128,
      c0: 128,
      span: 128,
    });
    // a map smaller than the smallest span is shown whole
    expect(zoomAround({ r0: 0, c0: 0, span: 10 }, 10, 5, 5, 480, 0.5, 16)).toEqual({ r0: 0, c0: 0, span: 10 });
  });

  it('moves at least one cell for a small step, and not at all for none', () => {
    expect(zoomAround({ r0: 0, c0: 0, span: 100 }, 256, 0, 0, 480, 0.999, 16).span).toBe(99);
    expect(zoomAround({ r0: 0, c0: 0, span: 100 }, 256, 0, 0, 480, 1.001, 16).span).toBe(101);
    expect(zoomAround({ r0: 3, c0: 5, span: 100 }, 256, 10, 10, 480, 1, 16)).toEqual({ r0: 3, c0: 5, span: 100 });
  });
});

describe('zoomTo, panBy, showCell', () => {
  it('zooms the buttons way: centred on the cursor cell, or on the window centre, inside the map', () => {
    // span 64 around cell (100, 40): r0 = round(100 - 32), c0 = round(40 - 32)
    expect(zoomTo({ r0: 0, c0: 0, span: 128 }, 256, 64, 16, { row: 100, col: 40 })).toEqual({
      r0: 68,
      c0: 8,
      span: 64,
    });
    // no cursor: the centre of rows 64-191 is 128, so r0 = 128 - 32 = 96
    expect(zoomTo({ r0: 64, c0: 64, span: 128 }, 256, 64, 16)).toEqual({ r0: 96, c0: 96, span: 64 });
    // near an edge the window stops at 0 and n - span; spans stay within [16, n]
    expect(zoomTo({ r0: 0, c0: 0, span: 32 }, 256, 8, 16, { row: 2, col: 255 })).toEqual({ r0: 0, c0: 240, span: 16 });
    expect(zoomTo({ r0: 10, c0: 10, span: 200 }, 256, 400, 16)).toEqual({ r0: 0, c0: 0, span: 256 });
  });

  it('pans with the pointer: dragging right by a quarter of the map shows a quarter of the window further left', () => {
    // 64 cells on 480 px: 120 px is 16 cells
    expect(panBy({ r0: 50, c0: 50, span: 64 }, 256, 120, -240, 480)).toEqual({ r0: 82, c0: 34, span: 64 });
    expect(panBy({ r0: 5, c0: 190, span: 64 }, 256, 480, -480, 480)).toEqual({ r0: 69, c0: 126, span: 64 });
    expect(panBy({ r0: 5, c0: 5, span: 64 }, 256, 480, 480, 480)).toEqual({ r0: 0, c0: 0, span: 64 });
  });

  it('moves the window the least that shows a cursor leaving it', () => {
    const win = { r0: 10, c0: 10, span: 16 };
    expect(showCell(win, { row: 12, col: 20 })).toEqual(win);
    expect(showCell(win, { row: 26, col: 9 })).toEqual({ r0: 11, c0: 9, span: 16 });
    expect(inWindow(win, { row: 25, col: 10 })).toBe(true);
    expect(inWindow(win, { row: 26, col: 10 })).toBe(false);
    expect(cellAt(480, 0, win, 480)).toBeNull();
  });
});
