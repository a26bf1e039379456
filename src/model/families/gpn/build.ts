// GPN's ConvNet as a Network (ConvNetForMaskedLM in gpn/legacy.py): a one-hot embedding padded to hidden_size,
// n_layers blocks of x + LayerNorm(GELU(Conv1d(x))) then x + LayerNorm(GELU(Linear(x))), no final norm, and
// the MLM head Linear -> GELU -> LayerNorm -> Linear(vocab). Every GELU is the exact erf form (nn.GELU()).

import * as tf from '@tensorflow/tfjs-core';
import type { NamedTensors } from '../../family';
import type { Block, Network, Stream } from '../../network';
import { dilatedConv, type ConvParams } from '../../ops/conv';
import { geluErf } from '../../ops/geluErf';
import { layerNorm } from '../../ops/layerNorm';
import { linear } from '../../ops/linear';
import type { GpnConfig } from './config';

/** nn.LayerNorm's default: the official code passes none. */
const LN_EPS = 1e-5;

/**
 * PyTorch's [out, in, K] (or [out, in]) -> [K, in, out] ([in, out]): the axes reversed in JS before upload, so
 * the backend never holds both layouts: a freed copy still grows the wasm heap for good (src/cli/benchGpn.ts,
 * gpn-brassicales's size: RSS after build 772 MB with tf.transpose, 644 MB this way).
 */
function reverseAxes(data: Float32Array, shape: readonly number[]): Float32Array {
  const [O, I, K = 1] = shape as [number, number, number?];
  const out = new Float32Array(data.length);
  for (let o = 0; o < O; o++) {
    for (let i = 0; i < I; i++) for (let k = 0; k < K; k++) out[(k * I + i) * O + o] = data[(o * I + i) * K + k]!;
  }
  return out;
}

export function buildGpn(c: GpnConfig, weights: NamedTensors): Network {
  const resident: tf.Tensor[] = [];
  const read = (name: string): { shape: number[]; data: Float32Array } => {
    const w = weights.get(name);
    if (!w || !(w.data instanceof Float32Array)) throw new Error(`GPN: no float32 weight ${name} was resolved`);
    return { shape: w.shape, data: w.data };
  };
  const upload = (data: Float32Array, shape: number[]) => {
    const t = tf.tensor(data, shape, 'float32');
    resident.push(t);
    return t;
  };
  const vector = (name: string) => {
    const { data, shape } = read(name);
    return upload(data, shape);
  };
  // nn.Linear's [out, in] -> linear()'s [in, out]
  const matrix = (name: string) => {
    const { data, shape } = read(name);
    return upload(reverseAxes(data, shape), [shape[1]!, shape[0]!]) as tf.Tensor2D;
  };
  const D = c.hiddenSize,
    K = c.kernelSize;

  const blocks: Block[] = c.dilations.map((dilation, i) => {
    const p = `model.encoder.${i}`;
    const conv: ConvParams = {
      // Conv1d [out, in, K] -> conv2d's [1, K, in, out]
      filter: upload(reverseAxes(read(`${p}.conv.1.weight`).data, [D, D, K]), [1, K, D, D]) as tf.Tensor4D,
      bias: vector(`${p}.conv.1.bias`),
      kernel: K,
      dilation,
      causal: false,
      act: geluErf,
    };
    const [convG, convB] = [vector(`${p}.conv.4.weight`), vector(`${p}.conv.4.bias`)];
    const [ffnW, ffnB] = [matrix(`${p}.ffn.0.weight`), vector(`${p}.ffn.0.bias`)];
    const [ffnG, ffnBeta] = [vector(`${p}.ffn.2.weight`), vector(`${p}.ffn.2.bias`)];
    return {
      kind: 'conv',
      forward(s: Stream): Stream {
        // a tidy of its own: a pass keeps one [B, T, D] per block, not all its intermediates (gpn-brassicales's
        // size on wasm, src/cli/benchGpn.ts: peak RSS 1.5 GB without, 1.0 GB with)
        return {
          x: tf.tidy(() => {
            const y = tf.add(s.x, layerNorm(dilatedConv(s.x, conv), convG, convB, LN_EPS)); // [B, T, D]
            return tf.add(y, layerNorm(geluErf(linear(y, ffnW, ffnB)), ffnG, ffnBeta, LN_EPS)) as tf.Tensor3D;
          }),
        };
      },
    };
  });

  const [denseW, denseB] = [matrix('cls.decoder.0.weight'), vector('cls.decoder.0.bias')];
  const [headG, headB] = [vector('cls.decoder.2.weight'), vector('cls.decoder.2.bias')];
  const [outW, outB] = [matrix('cls.decoder.3.weight'), vector('cls.decoder.3.bias')];

  return {
    embed(ids: tf.Tensor2D): Stream {
      // one_hot(ids, hidden_size): int32 one-hot then cast, as tfjs-wasm's float32 oneHot writes int bit patterns
      return { x: tf.cast(tf.oneHot(ids, D), 'float32') as tf.Tensor3D }; // [B, T, D]
    },
    blocks,
    norm: (s: Stream) => s.x,
    head(h: tf.Tensor3D): tf.Tensor3D {
      const z = layerNorm(geluErf(linear(h, denseW, denseB)), headG, headB, LN_EPS);
      return linear(z, outW, outB) as tf.Tensor3D; // [B, T, V]
    },
    dispose(): void {
      for (const t of resident.splice(0)) t.dispose();
    },
  };
}
