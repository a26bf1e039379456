// dilatedConv against a direct float64 sum with PyTorch's padding='same' rule (left = floor(d (K - 1) / 2)).

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../node/nodeRuntime';
import { dilatedConv } from './conv';

/** Deterministic values in [-1, 1). */
const noise = (n: number, seed: number) =>
  Float64Array.from({ length: n }, (_, i) => (Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43758.5453) % 1);

/** x [T, Din], w [K, Din, Dout], b [Dout] -> [T, Dout]: out[t] = b + sum_k w[k] x[t - left + k d], zeros outside. */
function sameConv(
  x: Float64Array,
  w: Float64Array,
  b: Float64Array,
  T: number,
  Din: number,
  Dout: number,
  K: number,
  d: number,
  left: number,
): Float64Array {
  const out = new Float64Array(T * Dout);
  for (let t = 0; t < T; t++) {
    for (let o = 0; o < Dout; o++) {
      let s = b[o]!;
      for (let k = 0; k < K; k++) {
        const src = t - left + k * d;
        if (src < 0 || src >= T) continue;
        for (let i = 0; i < Din; i++) s += w[(k * Din + i) * Dout + o]! * x[src * Din + i]!;
      }
      out[t * Dout + o] = s;
    }
  }
  return out;
}

describe.each(['cpu', 'wasm'] as const)('dilatedConv on %s', (backend) => {
  const cases = [
    [2, 1],
    [3, 2],
    [4, 1],
    [4, 3],
    [9, 2],
    [9, 4],
  ];
  it.each(cases)('kernel %i, dilation %i: PyTorch "same" padding', async (K, d) => {
    await useNodeBackend(backend);
    const Din = 3,
      Dout = 4;
    for (const T of [1, 5, 23]) {
      const x = noise(T * Din, T),
        w = noise(K * Din * Dout, K + 10 * d),
        b = noise(Dout, 99);
      const span = d * (K - 1);
      const want = sameConv(x, w, b, T, Din, Dout, K, d, Math.floor(span / 2));
      const got = tf.tidy(
        () =>
          dilatedConv(tf.tensor3d(Float32Array.from(x), [1, T, Din]), {
            filter: tf.tensor4d(Float32Array.from(w), [1, K, Din, Dout]),
            bias: tf.tensor1d(Float32Array.from(b)),
            kernel: K,
            dilation: d,
            causal: false,
            act: (y) => y,
          }).dataSync() as Float32Array,
      );
      expect(got.length).toBe(T * Dout);
      const maxDiff = (ref: Float64Array) => got.reduce((m, v, i) => Math.max(m, Math.abs(v - ref[i]!)), 0);
      expect(maxDiff(want)).toBeLessThan(1e-5);
      // not vacuous: for an odd span, the extra zero on the left instead moves the outputs
      const other = sameConv(x, w, b, T, Din, Dout, K, d, Math.ceil(span / 2));
      if (span % 2 === 1 && T > 1) expect(maxDiff(other)).toBeGreaterThan(1e-2);
    }
  });
});
