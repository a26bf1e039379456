// GELU, tanh approximation: F.gelu(approximate="tanh") in training/model.py.

import * as tf from '@tensorflow/tfjs-core';

const GELU_2C = 2 * Math.sqrt(2 / Math.PI);
const GELU_2C_CUBIC = GELU_2C * 0.044715;

export function gelu(x: tf.Tensor): tf.Tensor {
  // written x * sigmoid(x (2c + 2c 0.044715 x^2)) because 0.5 (1 + tanh(z)) = sigmoid(2z): six elementwise
  // ops, and no pow (slow on wasm)
  return tf.mul(x, tf.sigmoid(tf.mul(x, tf.add(tf.mul(tf.square(x), GELU_2C_CUBIC), GELU_2C))));
}
