// A dilated conv over positions then an activation: training/model.py's ConvMixer (tanh GELU) and GPN's
// Conv1d(padding='same') + nn.GELU(). Centred for a masked model, left-padded for a causal one.

import * as tf from '@tensorflow/tfjs-core';

export interface ConvParams {
  /** [1, K, Din, Dout]: conv2d's layout, so a conv is one fused op with its bias and padding. */
  filter: tf.Tensor4D;
  bias: tf.Tensor;
  kernel: number;
  dilation: number;
  causal: boolean;
  /** Applied to the conv's output: gelu (tanh form) for training/model.py, geluErf for GPN. */
  act: (y: tf.Tensor) => tf.Tensor;
}

/**
 * x [B, T, D] -> [B, T, D]. `past` (causal, one row continuing a recorded one): the recorded normalised
 * input [T, D] and the position x starts at; the conv reads the last `span` recorded positions before it.
 * `pad` (masked, a cut-out of a row): zero rows before and after x in place of the centred span / 2 each
 * side, so [B, T + pad[0] + pad[1] - span, D] come out (0 where x's edge is inside the row: only outputs
 * whose inputs x holds).
 */
export function dilatedConv(
  x: tf.Tensor3D,
  p: ConvParams,
  past?: { input: tf.Tensor2D; from: number },
  pad?: [number, number],
): tf.Tensor {
  const [B, T, D] = x.shape;
  const span = p.dilation * (p.kernel - 1);
  const lo = past ? Math.max(0, past.from - span) : 0;
  const history = past && past.from > lo ? tf.slice(past.input, [lo, 0], [past.from - lo, D]) : undefined; // [seen, D]
  const seen = history?.shape[0] ?? 0;
  // centred as PyTorch's padding='same': the odd one out of an odd span (even kernel, odd dilation) on the right
  const left = p.causal ? span - seen : Math.floor(span / 2);
  const input = history ? tf.concat([history, tf.reshape(x, [T, D])], 0) : x;
  const y = tf.fused.conv2d({
    x: tf.reshape(input, [B, 1, seen + T, D]) as tf.Tensor4D,
    filter: p.filter,
    strides: 1,
    pad: [[0, 0], [0, 0], pad ?? [left, p.causal ? 0 : span - left], [0, 0]],
    dilations: [1, p.dilation],
    bias: p.bias,
  }); // [B, 1, T, D] ([B, 1, T + pad[0] + pad[1] - span, D] with pad)
  return p.act(tf.reshape(y, [B, y.shape[2], -1]));
}
