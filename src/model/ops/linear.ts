// A linear layer (nn.Linear) on [B, T, Din], with the weight stored [Din, Dout] (training/weights_io.py); the bias
// is optional (Mamba's projections have none).

import * as tf from '@tensorflow/tfjs-core';

export function linear(x: tf.Tensor, weight: tf.Tensor2D, bias?: tf.Tensor): tf.Tensor {
  const [B, T, Din] = x.shape as [number, number, number];
  const y = tf.fused.matMul({ a: tf.reshape(x, [B * T, Din]), b: weight, bias }); // [B*T, Dout]
  return tf.reshape(y, [B, T, weight.shape[1]]);
}
