// The Hyena implicit filter (HyenaFilter in training/model.py): an MLP with sine activations over
// positional features of the lag, times a fixed exponential decay window. It depends only on the lag, so
// the runtime computes it once for every lag the model reads (max_len) and slices it per input length.

import * as tf from '@tensorflow/tfjs-core';
import { linear } from './linear';

export interface FilterConfig {
  d_model: number;
  filter_bands: number;
  max_len: number;
  decay_lags: [number, number];
}

export interface FilterWeights {
  /** fc0..fc2: [in, out] and [out]; act0..act2: [out] frequencies (one per fc); out: [filter_order, D], no bias. */
  fc: { w: tf.Tensor2D; b: tf.Tensor }[];
  freq: tf.Tensor[];
  out: tf.Tensor2D;
}

/** [T, 1 + 2 * bands] features of lags 0..T-1 (filter_features in model.py), computed in float64. */
export function filterFeatures(c: FilterConfig, T: number): Float32Array {
  const nb = c.filter_bands,
    w = 1 + 2 * nb;
  const periods = Array.from({ length: nb }, (_, b) => 4 * (c.max_len / 4) ** (b / (nb - 1)));
  const z = new Float32Array(T * w);
  for (let j = 0; j < T; j++) {
    z[j * w] = j / c.max_len;
    periods.forEach((p, b) => {
      const ang = (2 * Math.PI * j) / p;
      z[j * w + 1 + b] = Math.cos(ang);
      z[j * w + 1 + nb + b] = Math.sin(ang);
    });
  }
  return z;
}

/** [T, D] window exp(-lag ln(100) / lag_d), lag_d geometric from decay_lags[0] to [1] (decay_window). */
export function decayWindow(c: FilterConfig, T: number): Float32Array {
  const [lo, hi] = c.decay_lags,
    D = c.d_model;
  const rate = Array.from({ length: D }, (_, d) => Math.log(100) / (lo * (hi / lo) ** (d / (D - 1))));
  const win = new Float32Array(T * D);
  for (let j = 0; j < T; j++) for (let d = 0; d < D; d++) win[j * D + d] = Math.exp(-j * rate[d]!);
  return win;
}

/**
 * The filter MLP before any window: features [1, T, width] -> sin(freq_i * fc_i(.)) per layer -> out, [T, D].
 * HyenaDNA's filter (families/hyenadna) is the same MLP over features read from its checkpoint.
 */
export function sineMlp(features: tf.Tensor3D, p: FilterWeights): tf.Tensor2D {
  const T = features.shape[1];
  let h: tf.Tensor = features;
  p.fc.forEach((fc, i) => {
    h = tf.sin(tf.mul(linear(h, fc.w, fc.b), p.freq[i]!));
  }); // [1, T, order]
  return tf.matMul(tf.reshape(h, [T, -1]), p.out) as tf.Tensor2D; // [T, D]
}

/** The filter h [T, D] as a tensor (call inside tf.tidy). */
export function implicitFilter(c: FilterConfig, p: FilterWeights, T: number): tf.Tensor2D {
  const width = 1 + 2 * c.filter_bands;
  const out = sineMlp(tf.tensor3d(filterFeatures(c, T), [1, T, width]), p);
  return tf.mul(out, tf.tensor2d(decayWindow(c, T), [T, c.d_model])) as tf.Tensor2D;
}
