// A Hyena block (HyenaMixer in training/model.py) with the in-house pre-norm and feed-forward: in_proj to three
// streams, a short causal depthwise conv, v * x1 convolved with the implicit long filter (plus its skip term),
// gated by x0, out_proj. The long convolution: up to the backend's directLongConvMax, one depthwise conv on the
// backend; past it, by FFT on typed arrays (ops/longConv.ts): tfjs has no FFT kernel on wasm, its cpu FFT is
// float32 and O(n^2) off powers of two, and a WebGPU FFT program would cost more to write than the read-back
// it saves. So a long pass reads back once per Hyena block.

import * as tf from '@tensorflow/tfjs-core';
import { speedRules } from '../../backend';
import type { Block, Stream } from '../../network';
import { causalDepthwise, longFilter } from '../../ops/causalDepthwise';
import { linear } from '../../ops/linear';
import { causalLongConv } from '../../ops/longConv';
import type { WeightStore } from '../../weightStore';
import { preNormBlock } from '../hybrid/blocks';
import type { HyenaFilters } from './filters';

/** How the long convolution runs: tests swap in the direct sum, or force either path. */
export interface LongConvChoice {
  longConv: typeof causalLongConv;
  /** Inputs up to this length use the depthwise conv on the backend; null: the backend's rule. */
  directMaxLen: number | null;
}

export class HyenaBlock implements Block {
  readonly kind = 'hyena';
  private readonly shortFilter: tf.Tensor4D;

  constructor(private readonly w: WeightStore, private readonly i: number, private readonly eps: number,
    private readonly filters: HyenaFilters, private readonly choice: LongConvChoice) {
    const sw = w.get(`blocks.${i}.mixer.short_conv.weight`); // [K, 1, 3D]
    this.shortFilter = w.keep(tf.reshape(sw, [1, sw.shape[0]!, sw.shape[2]!, 1]));
  }

  forward(s: Stream): Stream {
    const m = `blocks.${this.i}.mixer`;
    const fc = (x: tf.Tensor, name: string) => linear(x, this.w.get(`${name}.weight`) as tf.Tensor2D, this.w.get(`${name}.bias`));
    return {
      x: preNormBlock(this.w, this.i, this.eps, s.x, (h) => {
        const [B, T, D] = h.shape;
        const u = tf.add(causalDepthwise(fc(h, `${m}.in_proj`) as tf.Tensor3D, this.shortFilter), this.w.get(`${m}.short_conv.bias`)) as tf.Tensor3D; // [B, T, 3D]
        const part = (k: number) => tf.slice(u, [0, 0, k * D], [B, T, D]);
        const gated = tf.mul(part(2), part(1)) as tf.Tensor3D; // v * x1
        const filter = this.filters.forLength(this.i, T);
        let y: tf.Tensor3D;
        if (T <= (this.choice.directMaxLen ?? speedRules().directLongConvMax)) {
          y = tf.add(causalDepthwise(gated, longFilter(filter.hTensor, T)), tf.mul(gated, this.w.get(`${m}.filter.bias`))) as tf.Tensor3D;
        } else {
          y = tf.tensor3d(this.choice.longConv(gated.dataSync() as Float32Array, filter.h, B, T, D, filter.skip), [B, T, D]);
        }
        return fc(tf.mul(y, part(0)), `${m}.out_proj`);
      }),
    };
  }
}
