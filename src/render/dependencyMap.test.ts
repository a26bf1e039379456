// Wheel zoom on the dependency map: the window it leads to, worked out by hand.
import { describe, expect, it } from 'vitest';
import { depCellAt, zoomAround } from './dependencyMap';

const view = (v: { r0: number; c0: number; span: number }) => ({ ...v, px: 480, log: false, vmax: 1 });

describe('zoomAround', () => {
  it('keeps the cell under the pointer under it', () => {
    // 256 cells on 480 px; the pointer at (300, 90) is on column floor(300 * 256 / 480) = 160, row 48
    const before = { r0: 0, c0: 0, span: 256 };
    const after = zoomAround(before, 256, 300, 90, 480, 0.5, 16);
    // 128 cells: the pointer covers cell floor(300 * 128 / 480) = 80 of the window, so c0 = 160 - 80; rows 48 - 24
    expect(after).toEqual({ r0: 24, c0: 80, span: 128 });
    expect(depCellAt(300, 90, view(after), 480)).toEqual(depCellAt(300, 90, view(before), 480));
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
  });

  it('moves at least one cell for a small step, and not at all for none', () => {
    expect(zoomAround({ r0: 0, c0: 0, span: 100 }, 256, 0, 0, 480, 0.999, 16).span).toBe(99);
    expect(zoomAround({ r0: 0, c0: 0, span: 100 }, 256, 0, 0, 480, 1.001, 16).span).toBe(101);
    expect(zoomAround({ r0: 3, c0: 5, span: 100 }, 256, 10, 10, 480, 1, 16)).toEqual({ r0: 3, c0: 5, span: 100 });
  });
});
