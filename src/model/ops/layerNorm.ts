// Layer norm over the last axis (nn.LayerNorm).

import * as tf from '@tensorflow/tfjs-core';

export function layerNorm(x: tf.Tensor, gain: tf.Tensor, bias: tf.Tensor, eps: number): tf.Tensor {
  // by hand rather than tf.moments, which adds a float32-to-float32 cast (a full copy on wasm)
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const xn = tf.mul(centred, tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), eps)));
  return tf.add(tf.mul(xn, gain), bias);
}
