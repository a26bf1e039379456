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

/**
 * Positions per chunk of the position-wise stages of a long pass: everything but the long convolution acts per
 * position (the short conv reaches 2 back), so a pass of T positions holds the 4D-wide MLP activations of one
 * chunk, not of T (medium-160k's 160,000 bases overran the wasm heap's 4 GB: src/cli/benchScale.ts).
 */
export const POSITION_CHUNK = 16_384;

/** What a pass needs from outside the backend: a tensor's values, or this block's long filter for `lags` lags. */
type Need = { values: tf.Tensor } | { lags: number };
/** A block's pass: it yields what it needs and is handed those values (by dataSync, or awaited). */
type Pass = Generator<Need, tf.Tensor3D, Float32Array>;

const read = (n: { values: tf.Tensor }) => n.values.dataSync() as Float32Array;
const readAsync = async (n: { values: tf.Tensor }) => (await n.values.data()) as Float32Array;

export class HyenaDNABlock implements Block {
  readonly kind = 'hyena';

  /**
   * `directMaxLen`: inputs up to this length convolve with the long filter as one depthwise conv on the
   * backend (no read-back); longer ones by FFT on typed arrays. `chunk`: POSITION_CHUNK, smaller in tests.
   */
  constructor(
    private readonly w: BlockWeights,
    private readonly index: number,
    private readonly filters: FilterBank,
    private readonly eps: number,
    private readonly directMaxLen: () => number,
    private readonly chunk = POSITION_CHUNK,
  ) {}

  /** stream -> stream, its read-backs by dataSync. */
  forward(s: Stream): Stream {
    const pass = this.pass(s.x);
    try {
      let r = pass.next();
      while (!r.done) r = pass.next('lags' in r.value ? this.filters.filter(this.index, r.value.lags) : read(r.value));
      return { x: r.value };
    } finally {
      pass.return(undefined as never); // a read that threw: the pass's own finally blocks free what it holds
    }
  }

  /** The same block, its read-backs awaited (a GPU backend stalls on a synchronous read); frees what it makes. */
  async forwardAsync(s: Stream): Promise<Stream> {
    const pass = this.pass(s.x);
    try {
      let r = pass.next();
      while (!r.done) {
        const need = r.value;
        r = pass.next('lags' in need ? await this.filters.filterAsync(this.index, need.lags) : await readAsync(need));
      }
      return { x: r.value };
    } finally {
      pass.return(undefined as never);
    }
  }

  /** The block's pass, written once for both ways of reading back. */
  private pass(x: tf.Tensor3D): Pass {
    return x.shape[1] > this.chunk ? this.chunked(x) : this.whole(x);
  }

  /** norm1 -> in_proj -> short conv -> x0 and the gated v * x1, for positions [from, from + size) of x. */
  private mix(x: tf.Tensor3D, from: number, size: number): [tf.Tensor3D, tf.Tensor3D] {
    return tf.tidy(() => {
      const [B, , D] = x.shape,
        back = Math.min(from, 2); // the short conv reads 2 positions back
      const xs = tf.slice(x, [0, from - back, 0], [B, size + back, D]);
      const projected = dense(layerNorm(xs, this.w.norm1.g, this.w.norm1.b, this.eps), this.w.inProj) as tf.Tensor3D;
      const u = tf.add(causalDepthwise(projected, this.w.shortFilter), this.w.shortBias); // [B, back + size, 3D]
      const part = (k: number) => tf.slice(u, [0, back, k * D], [B, size, D]) as tf.Tensor3D;
      return [part(0), tf.mul(part(2), part(1)) as tf.Tensor3D]; // x0, v * x1
    });
  }

  /** x + out_proj(y * x0), then + MLP(norm2(.)), for the positions x, y and x0 hold. */
  private finish(x: tf.Tensor3D, y: tf.Tensor3D, x0: tf.Tensor3D): tf.Tensor3D {
    return tf.tidy(() => {
      const r = tf.add(x, dense(tf.mul(y, x0), this.w.outProj));
      const n = layerNorm(r, this.w.norm2.g, this.w.norm2.b, this.eps);
      return tf.add(r, dense(gelu(dense(n, this.w.fc1)), this.w.fc2)) as tf.Tensor3D;
    });
  }

  /** Each stage in its own tidy, so a long pass holds one block's activations, not every block's. */
  private *whole(x: tf.Tensor3D): Pass {
    const [x0, gated] = this.mix(x, 0, x.shape[1]);
    let y: tf.Tensor3D | undefined;
    try {
      y = yield* this.longConv(gated);
    } finally {
      gated.dispose();
      if (!y) x0.dispose();
    }
    const out = this.finish(x, y, x0);
    tf.dispose([x0, y]);
    return out;
  }

  /** The same in chunks of positions: the gated signal gathered on the CPU for the FFT convolution. */
  private *chunked(x: tf.Tensor3D): Pass {
    const [B, T, D] = x.shape,
      starts = Array.from({ length: Math.ceil(T / this.chunk) }, (_, i) => i * this.chunk);
    const gated = new Float32Array(B * T * D),
      x0s: tf.Tensor3D[] = [];
    /** Positions [from, from + size) of each sequence: all [B, T, D] <-> part [B, size, D]. */
    const copyRows = (all: Float32Array, part: Float32Array, from: number, size: number, toAll: boolean) => {
      for (let b = 0, n = size * D; b < B; b++) {
        const at = (b * T + from) * D;
        if (toAll) all.set(part.subarray(b * n, (b + 1) * n), at);
        else part.set(all.subarray(at, at + n), b * n);
      }
    };
    try {
      for (const from of starts) {
        const size = Math.min(this.chunk, T - from),
          [x0, g] = this.mix(x, from, size);
        x0s.push(x0);
        try {
          copyRows(gated, yield { values: g }, from, size, true);
        } finally {
          g.dispose();
        }
      }
      const y = causalLongConv(gated, yield { lags: T }, B, T, D, this.w.skipValues);
      const outs = starts.map((from, i) =>
        tf.tidy(() => {
          const size = x0s[i]!.shape[1],
            part = new Float32Array(B * size * D);
          copyRows(y, part, from, size, false);
          const yc = tf.tensor3d(part, [B, size, D]);
          return this.finish(tf.slice(x, [0, from, 0], [B, size, D]), yc, x0s[i]!);
        }),
      );
      const out = tf.concat(outs, 1) as tf.Tensor3D;
      tf.dispose(outs);
      return out;
    } finally {
      tf.dispose(x0s);
    }
  }

  /** y = causal conv of the gated signal with this block's filter + skip * gated, [B, T, D]. */
  private *longConv(gated: tf.Tensor3D): Generator<Need, tf.Tensor3D, Float32Array> {
    const [B, T, D] = gated.shape;
    const k = yield { lags: T };
    if (T <= this.directMaxLen()) {
      return tf.tidy(() => {
        const taps = longFilter(tf.tensor2d(k.subarray(0, T * D), [T, D]), T);
        return tf.add(causalDepthwise(gated, taps), tf.mul(gated, this.w.skip)) as tf.Tensor3D;
      });
    }
    const v = yield { values: gated };
    return tf.tensor3d(causalLongConv(v, k, B, T, D, this.w.skipValues), [B, T, D]);
  }
}
