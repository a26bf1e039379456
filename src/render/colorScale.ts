// A map's colour scale (linear from 0, or logarithmic over a few decades below the top), the ticks of its colour
// bar, and the viridis look-up the rasters use. No React here.

import { viridis } from './colors';

/** The log scale spans this many decades below its top (smaller values share its darkest colour). */
export const LOG_DECADES = 3;

export interface ColorScale {
  log: boolean;
  /** The value at the top of the scale (brightest); larger values saturate. */
  vmax: number;
}

/** Colour position in [0, 1] of a value on the scale (NaN stays NaN: a cell not computed). */
export function scalePosition(v: number, s: ColorScale): number {
  if (!s.log) return Math.min(1, Math.max(0, v / s.vmax));
  const lo = s.vmax * 10 ** -LOG_DECADES;
  return Math.min(1, (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / LOG_DECADES);
}

export interface ScaleTick {
  value: number;
  /** Its place on the bar, 0 (bottom) to 1 (top). */
  pos: number;
}

/** The smallest of 1, 2, 5 x 10^k at least `x`. */
export function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-9)) return m * p;
  return 10 * p;
}

/**
 * Ticks of a colour bar `length` pixels long with at least `minGap` pixels between them: round values (1, 2, 5 x
 * 10^k on a linear scale; powers of ten, then their 2x and 5x, on a log scale) from the bottom of the scale to
 * its top.
 */
export function scaleTicks(s: ColorScale, length: number, minGap: number): ScaleTick[] {
  const fits = Math.max(1, Math.floor(length / minGap));
  const ticks: ScaleTick[] = [];
  if (!s.log) {
    const step = niceStep(s.vmax / fits);
    for (let k = 0; k * step <= s.vmax * (1 + 1e-9); k++) ticks.push({ value: k * step, pos: (k * step) / s.vmax });
    return ticks;
  }
  const lo = s.vmax * 10 ** -LOG_DECADES;
  // powers of ten first; their 2x and 5x only where a decade is long enough for three labels
  const perDecade = length / LOG_DECADES;
  const mantissas = perDecade >= 3 * minGap ? [1, 2, 5] : [1];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(s.vmax)); e++)
    for (const m of mantissas) {
      const value = m * 10 ** e;
      if (value >= lo * (1 - 1e-9) && value <= s.vmax * (1 + 1e-9)) ticks.push({ value, pos: scalePosition(value, s) });
    }
  return ticks;
}

/** A value as a tick label: short, without float noise (0.30000000000000004 -> 0.3). */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const r = Number(v.toPrecision(3));
  return Math.abs(r) >= 1e4 || Math.abs(r) < 1e-3 ? r.toExponential().replace('e+', 'e') : String(r);
}

/** viridis at 256 levels as r, g, b bytes: a raster reads colours from here instead of computing them per pixel. */
export const VIRIDIS_LUT: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) lut.set(viridis(i / 255), i * 3);
  return lut;
})();
