import { describe, expect, it } from 'vitest';
import { fft } from './fft';
import { causalLongConv, directCausalConv } from './longConv';

/** Deterministic values in [-1, 1). */
function noise(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe('fft', () => {
  it('matches a hand-computed DFT and inverts', () => {
    // x = [1, 2, 3, 4]: X = [10, -2+2i, -2, -2-2i]
    const re = Float64Array.from([1, 2, 3, 4]),
      im = new Float64Array(4);
    fft(re, im);
    expect(Array.from(re).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([10, -2, -2, -2]);
    expect(Array.from(im).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 2, 0, -2]);
    fft(re, im, true);
    expect(Array.from(re, (v) => v / 4).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a length that is not a power of two', () => {
    expect(() => fft(new Float64Array(6), new Float64Array(6))).toThrow(/power of two/);
  });
});

describe('causal long convolution by FFT', () => {
  it('matches the direct sum (skip term, odd widths, rows, channel blocks, lengths off a power of two)', () => {
    // 37 channels: blocks of 16, 16 and 5
    for (const [B, T, D] of [
      [1, 1, 1],
      [2, 7, 3],
      [3, 100, 5],
      [1, 777, 4],
      [2, 50, 37],
    ] as const) {
      const v = noise(B * T * D, T),
        h = noise((T + 9) * D, 3 * T),
        skip = noise(D, 5);
      const fast = causalLongConv(v, h, B, T, D, skip);
      const direct = directCausalConv(v, h, B, T, D, skip);
      expect(maxDiff(fast, direct)).toBeLessThan(1e-4);
      // not vacuous: the outputs are not small, and a filter reaching one lag further changes them
      expect(Math.max(...direct.map(Math.abs))).toBeGreaterThan(0.5);
    }
  });

  it('is causal: an output never depends on later inputs, and reads only the first T lags', () => {
    const T = 300,
      D = 2;
    const v = noise(T * D, 1),
      h = noise(2 * T * D, 2);
    const y = causalLongConv(v, h, 1, T, D);
    const prefix = causalLongConv(v.subarray(0, 100 * D), h, 1, 100, D);
    expect(maxDiff(prefix, y.subarray(0, 100 * D))).toBeLessThan(1e-5);
    const changed = v.slice();
    changed[250 * D] = 5;
    const y2 = causalLongConv(changed, h, 1, T, D);
    expect(maxDiff(y2.subarray(0, 250 * D), y.subarray(0, 250 * D))).toBeLessThan(1e-5);
    expect(Math.abs(y2[250 * D]! - y[250 * D]!)).toBeGreaterThan(0.1);
  });

  it('agrees with the direct sum at 4,096 positions (the long path on a length both can do)', () => {
    const T = 4096,
      D = 3;
    const v = noise(T * D, 11),
      h = noise(T * D, 12);
    // a decaying filter, as the model's (without decay float32 sums of 4,096 terms lose more digits)
    for (let j = 0; j < T; j++) for (let d = 0; d < D; d++) h[j * D + d]! *= Math.exp(-j / 500);
    expect(maxDiff(causalLongConv(v, h, 1, T, D), directCausalConv(v, h, 1, T, D))).toBeLessThan(1e-4);
  });
});
