// The raster both maps draw: each canvas pixel takes the viridis colour of the matrix cell under it (nearest
// cell, so cells keep sharp edges at any zoom), cells without a value grey; and the focused row's outline.

import { VIRIDIS_LUT } from './colorScale';
import type { MapWindow } from './mapWindow';

const NAN_RGB = [200, 200, 200] as const;

/**
 * Fill a px x px square with the window `win` of an n x n matrix; `position(i, j)` is cell (i, j)'s place on
 * the colour scale in [0, 1], NaN for a cell not computed.
 */
export function drawMatrix(
  ctx: CanvasRenderingContext2D,
  px: number,
  n: number,
  win: MapWindow,
  position: (i: number, j: number) => number,
): void {
  const side = Math.max(1, Math.floor(px));
  const img = ctx.createImageData(side, side);
  const cols = new Int32Array(side);
  for (let x = 0; x < side; x++) cols[x] = Math.min(n - 1, win.c0 + Math.floor((x * win.span) / side));
  const row = new Uint8ClampedArray(side * 4);
  let last = -1;
  for (let y = 0; y < side; y++) {
    const i = Math.min(n - 1, win.r0 + Math.floor((y * win.span) / side));
    if (i !== last) {
      // pixel rows of the same matrix row are the same: colour each once
      for (let x = 0; x < side; x++) {
        const t = position(i, cols[x]!);
        const o = x * 4;
        if (Number.isNaN(t)) row.set(NAN_RGB, o);
        else {
          const k = Math.round(Math.min(1, Math.max(0, t)) * 255) * 3;
          row[o] = VIRIDIS_LUT[k]!;
          row[o + 1] = VIRIDIS_LUT[k + 1]!;
          row[o + 2] = VIRIDIS_LUT[k + 2]!;
        }
        row[o + 3] = 255;
      }
      last = i;
    }
    img.data.set(row, y * side * 4);
  }
  ctx.putImageData(img, 0, 0);
}

/** Outline matrix row `row` when the window shows it. */
export function outlineRow(ctx: CanvasRenderingContext2D, px: number, win: MapWindow, row: number | null): void {
  if (row === null || row < win.r0 || row >= win.r0 + win.span) return;
  ctx.strokeStyle = '#ff2d55';
  ctx.lineWidth = Math.max(1, Math.round(px / 480));
  const h = Math.max(1, px / win.span);
  ctx.strokeRect(0.5, Math.floor(((row - win.r0) * px) / win.span) + 0.5, px - 1, h);
}
