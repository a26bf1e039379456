// ALiBi relative-position bias (Press et al.): head h adds -slope_h * |i - j| to its attention scores.

import * as tf from '@tensorflow/tfjs-core';

/** slope_h = 2^(-8 (h + 1) / H), as alibi_slopes in training/model.py. */
export function alibiSlopes(nHeads: number): number[] {
  return Array.from({ length: nHeads }, (_, h) => 2 ** ((-8 * (h + 1)) / nHeads));
}

/** Per head, a [T, T] additive bias: -slope * |i - j|, plus a large negative above the diagonal when causal. */
export function alibiBias(nHeads: number, T: number, causal: boolean): tf.Tensor2D[] {
  return alibiSlopes(nHeads).map((slope) => {
    const b = new Float32Array(T * T);
    for (let i = 0; i < T; i++)
      for (let j = 0; j < T; j++) b[i * T + j] = causal && j > i ? -1e9 : -slope * Math.abs(i - j);
    return tf.tensor2d(b, [T, T]);
  });
}
