// The two-layer feed-forward of the in-house blocks (training/model.py FFN): fc1, tanh-GELU, fc2.

import type * as tf from '@tensorflow/tfjs-core';
import type { WeightStore } from '../weightStore';
import { gelu } from './gelu';
import { linear } from './linear';

/** [B, T, D] -> [B, T, F] -> [B, T, D], weights `${prefix}.fc1.*` and `${prefix}.fc2.*` stored [in, out]. */
export function feedForward(x: tf.Tensor, w: WeightStore, prefix: string): tf.Tensor {
  const fc = (h: tf.Tensor, name: string) =>
    linear(h, w.get(`${prefix}.${name}.weight`) as tf.Tensor2D, w.get(`${prefix}.${name}.bias`));
  return fc(gelu(fc(x, 'fc1')), 'fc2');
}
