// RMS norm over the last axis (Mamba's RMSNorm, rms_norm_ref in mamba_ssm): x / sqrt(mean(x^2) + eps) * gain,
// no centring and no bias.

import * as tf from '@tensorflow/tfjs-core';

export function rmsNorm(x: tf.Tensor, gain: tf.Tensor, eps: number): tf.Tensor {
  return tf.mul(tf.mul(x, tf.rsqrt(tf.add(tf.mean(tf.square(x), -1, true), eps))), gain);
}
