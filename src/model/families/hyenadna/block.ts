// One HyenaDNA block (prenorm): x + HyenaOperator(norm1(x)), then + MLP(norm2(.)) with fc1, tanh-GELU, fc2.
// HyenaOperator: in_proj to 3D, causal depthwise short conv (kernel 3), split into x0, x1, v; the gated
// v * x1 convolved with the block's long filter plus filter bias * (v * x1); out_proj(that * x0).
// Shapes: B batch, T tokens, D width.

import * as tf from '@tensorflow/tfjs-core';
import type { Block, Stream } from '../../network';
import { causalDepthwise, longFilter } from '../../ops/causalDepthwise';
import { gelu } from '../../ops/gelu';
import { layerNorm } from '../../ops/layerNorm';
import { linear } from '../../ops/linear';
import { causalLongConv } from '../../ops/longConv';
import type { FilterBank } from './filter';

/** A Linear layer as ops/linear.ts takes it: weight [in, out]. */
export interface Dense {
  w: tf.Tensor2D;
  b: tf.Tensor1D;
}

export interface BlockWeights {
  norm1: { g: tf.Tensor1D; b: tf.Tensor1D };
  inProj: Dense;
  /** short_filter as depthwiseConv2d's filter [1, 3, 3D, 1], and its bias [3D]. */
  shortFilter: tf.Tensor4D;
  shortBias: tf.Tensor1D;
  /** filter_fn.bias [D]: the long convolution's skip term, as a tensor and on the CPU. */
  skip: tf.Tensor1D;
  skipValues: Float32Array;
  outProj: Dense;
  norm2: { g: tf.Tensor1D; b: tf.Tensor1D };
  fc1: Dense;
  fc2: Dense;
}

const dense = (x: tf.Tensor, p: Dense) => linear(x, p.w, p.b);

export class HyenaDNABlock implements Block {
  readonly kind = 'hyena';

  /**
   * `directMaxLen`: inputs up to this length convolve with the long filter as one depthwise conv on the
   * backend (no read-back); longer ones by FFT on typed arrays.
   */
  constructor(
    private readonly w: BlockWeights,
    private readonly index: number,
    private readonly filters: FilterBank,
    private readonly eps: number,
    private readonly directMaxLen: () => number,
  ) {}

  /** Each stage in its own tidy, so a long pass holds one block's activations, not every block's. */
  forward(s: Stream): Stream {
    const [x0, gated] = this.prepare(s.x);
    let y: tf.Tensor3D;
    try {
      y = this.longConv(gated);
    } catch (e) {
      x0.dispose();
      throw e;
    } finally {
      gated.dispose();
    }
    return { x: this.finish(s.x, x0, y) };
  }

  /** The same block, the long convolution's read-back awaited (GPU backends stall on a synchronous read). */
  async forwardAsync(s: Stream): Promise<Stream> {
    const [B, T, D] = s.x.shape;
    await this.filters.ensure(T);
    const [x0, gated] = this.prepare(s.x);
    const y =
      T <= this.directMaxLen()
        ? this.longConv(gated)
        : tf.tensor3d(
            causalLongConv(
              (await gated.data()) as Float32Array,
              this.filters.filter(this.index, T),
              B,
              T,
              D,
              this.w.skipValues,
            ),
            [B, T, D],
          );
    gated.dispose();
    return { x: this.finish(s.x, x0, y) };
  }

  /** norm1, in_proj, the short conv: x0 and the gated v * x1, each [B, T, D], kept for the long convolution. */
  private prepare(x: tf.Tensor3D): [tf.Tensor3D, tf.Tensor3D] {
    const [B, T, D] = x.shape;
    return tf.tidy(() => {
      const h = layerNorm(x, this.w.norm1.g, this.w.norm1.b, this.eps);
      const projected = dense(h, this.w.inProj) as tf.Tensor3D; // [B, T, 3D]
      const u = tf.add(causalDepthwise(projected, this.w.shortFilter), this.w.shortBias);
      const part = (k: number) => tf.slice(u, [0, 0, k * D], [B, T, D]) as tf.Tensor3D;
      return [part(0), tf.mul(part(2), part(1)) as tf.Tensor3D]; // x0, v * x1
    });
  }

  /** x + out_proj(y * x0), then the MLP with its pre-norm; frees x0 and y. */
  private finish(x: tf.Tensor3D, x0: tf.Tensor3D, y: tf.Tensor3D): tf.Tensor3D {
    const out = tf.tidy(() => {
      const r = tf.add(x, dense(tf.mul(y, x0), this.w.outProj));
      const n = layerNorm(r, this.w.norm2.g, this.w.norm2.b, this.eps);
      return tf.add(r, dense(gelu(dense(n, this.w.fc1)), this.w.fc2)) as tf.Tensor3D;
    });
    x0.dispose();
    y.dispose();
    return out;
  }

  /** y = causal conv of the gated signal with this block's filter + skip * gated, [B, T, D]. */
  private longConv(gated: tf.Tensor3D): tf.Tensor3D {
    const [B, T, D] = gated.shape;
    const k = this.filters.filter(this.index, T);
    if (T <= this.directMaxLen()) {
      return tf.tidy(() => {
        const taps = longFilter(tf.tensor2d(k.subarray(0, T * D), [T, D]), T);
        return tf.add(causalDepthwise(gated, taps), tf.mul(gated, this.w.skip)) as tf.Tensor3D;
      });
    }
    const v = gated.dataSync() as Float32Array;
    return tf.tensor3d(causalLongConv(v, k, B, T, D, this.w.skipValues), [B, T, D]);
  }
}
