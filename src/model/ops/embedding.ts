// Token embedding as one-hot times the table: gather is ~60x slower on wasm (`npm run bench:kernels`), and the
// product is exact (one term per row).

import * as tf from '@tensorflow/tfjs-core';

/** ids [B, T] -> [B, T, D] rows of table [V, D]. */
export function embedRows(ids: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor3D {
  const [B, T] = ids.shape;
  const [V, D] = table.shape;
  // int32 one-hot then cast: tfjs-wasm's oneHot with dtype float32 writes int bit patterns (tfjs 4.22)
  const hot = tf.cast(tf.oneHot(tf.reshape(ids, [-1]), V), 'float32');
  return tf.reshape(tf.matMul(hot, table), [B, T, D]);
}
