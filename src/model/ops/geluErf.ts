// GELU, exact erf form: nn.GELU() (GPN's ConvNet). gelu.ts holds the tanh approximation training/model.py uses.

import * as tf from '@tensorflow/tfjs-core';

export function geluErf(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}
