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
import { feedForward } from '../../ops/feedForward';
import { layerNorm } from '../../ops/layerNorm';
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

  constructor(
    private readonly w: WeightStore,
    private readonly i: number,
    private readonly eps: number,
    private readonly filters: HyenaFilters,
    private readonly choice: LongConvChoice,
  ) {
    const sw = w.get(`blocks.${i}.mixer.short_conv.weight`); // [K, 1, 3D]
    this.shortFilter = w.keep(tf.reshape(sw, [1, sw.shape[0]!, sw.shape[2]!, 1]));
  }

  forward(s: Stream): Stream {
    return {
      x: tidyTensor(() => {
        const { x0, gated, T } = this.prepare(s.x);
        const direct = this.direct(gated, T);
        const f = direct ? null : this.filters.forLength(this.i, T);
        const y =
          direct ??
          tf.tensor3d(
            this.choice.longConv(gated.dataSync() as Float32Array, f!.h, ...dims(gated), f!.skip),
            gated.shape,
          );
        return this.finish(s.x, x0, y);
      }),
    };
  }

  async forwardAsync(s: Stream): Promise<Stream> {
    const T = s.x.shape[1];
    await this.filters.ensure(T);
    const { x0, gated } = tf.tidy(() => this.prepare(s.x));
    const f = this.filters.forLength(this.i, T);
    const y = this.isDirect(T)
      ? tidyTensor(() => this.direct(gated, T)!)
      : tf.tensor3d(
          this.choice.longConv((await gated.data()) as Float32Array, f.h, ...dims(gated), f.skip),
          gated.shape,
        );
    const x = tf.tidy(() => this.finish(s.x, x0, y));
    tf.dispose([x0, gated, y]);
    return { x };
  }

  /** norm1, in_proj, the short conv: x0 and the gated stream v * x1, each [B, T, D]. */
  private prepare(x: tf.Tensor3D): { x0: tf.Tensor3D; gated: tf.Tensor3D; T: number } {
    const m = `blocks.${this.i}.mixer`,
      [B, T, D] = x.shape;
    const h = layerNorm(
      x,
      this.w.get(`blocks.${this.i}.norm1.weight`),
      this.w.get(`blocks.${this.i}.norm1.bias`),
      this.eps,
    );
    const u = tf.add(
      causalDepthwise(this.fc(h, `${m}.in_proj`) as tf.Tensor3D, this.shortFilter),
      this.w.get(`${m}.short_conv.bias`),
    ) as tf.Tensor3D; // [B, T, 3D]
    const part = (k: number) => tf.slice(u, [0, 0, k * D], [B, T, D]) as tf.Tensor3D;
    return { x0: part(0), gated: tf.mul(part(2), part(1)) as tf.Tensor3D, T };
  }

  /** The long convolution as one depthwise conv on the backend, for inputs short enough; else null (the FFT path). */
  private isDirect(T: number): boolean {
    return T <= (this.choice.directMaxLen ?? speedRules().directLongConvMax);
  }

  private direct(gated: tf.Tensor3D, T: number): tf.Tensor3D | null {
    if (!this.isDirect(T)) return null;
    const filter = this.filters.forLength(this.i, T);
    return tf.add(
      causalDepthwise(gated, longFilter(filter.hTensor, T)),
      tf.mul(gated, this.w.get(`blocks.${this.i}.mixer.filter.bias`)),
    ) as tf.Tensor3D;
  }

  /** out_proj(y * x0) added to x, then the feed-forward with its pre-norm. */
  private finish(x: tf.Tensor3D, x0: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor3D {
    const p = `blocks.${this.i}`;
    const r = tf.add(x, this.fc(tf.mul(y, x0), `${p}.mixer.out_proj`)) as tf.Tensor3D;
    return tf.add(
      r,
      feedForward(
        layerNorm(r, this.w.get(`${p}.norm2.weight`), this.w.get(`${p}.norm2.bias`), this.eps),
        this.w,
        `${p}.ffn`,
      ),
    ) as tf.Tensor3D;
  }

  private fc(x: tf.Tensor, name: string): tf.Tensor {
    return linear(x, this.w.get(`${name}.weight`) as tf.Tensor2D, this.w.get(`${name}.bias`));
  }
}

const dims = (t: tf.Tensor3D): [number, number, number] => t.shape;
const tidyTensor = (f: () => tf.Tensor3D): tf.Tensor3D => tf.tidy(f);
