// A causal depthwise convolution over positions, as one tfjs op: y[b, t, c] = sum_i w[i, c] x[b, t - (K-1) + i, c]
// (PyTorch's Conv1d with groups = channels and K - 1 zeros on the left). Hyena's short conv uses it, and
// so does its long convolution on short inputs, where XNNPACK's (or the GPU's) O(T^2) kernel beats the FFT.

import * as tf from '@tensorflow/tfjs-core';

/** x [B, T, C], filter [1, K, C, 1] (depthwiseConv2d's layout) -> [B, T, C]. */
export function causalDepthwise(x: tf.Tensor3D, filter: tf.Tensor4D): tf.Tensor3D {
  const [B, T, C] = x.shape,
    K = filter.shape[1];
  const padded = tf.pad(tf.reshape(x, [B, 1, T, C]), [
    [0, 0],
    [0, 0],
    [K - 1, 0],
    [0, 0],
  ]) as tf.Tensor4D; // [B, 1, T + K - 1, C]
  return tf.reshape(tf.depthwiseConv2d(padded, filter, 1, 'valid'), [B, T, C]) as tf.Tensor3D;
}

/** The long filter h [>= T, D] as a causal depthwise filter over T lags: [1, T, D, 1], lag T - 1 first. */
export function longFilter(h: tf.Tensor2D, T: number): tf.Tensor4D {
  const D = h.shape[1];
  return tf.reshape(tf.reverse(tf.slice(h, [0, 0], [T, D]), 0), [1, T, D, 1]) as tf.Tensor4D;
}
