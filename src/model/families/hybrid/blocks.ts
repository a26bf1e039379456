// The hybrid's two block kinds (training/model.py Block): pre-norm, x + mix(norm1(x)), then + ffn(norm2(.)).
// Conv blocks are local (a substitution reruns only the rows it reaches); attention blocks report their maps.
// Both keep what prefix reuse needs: a conv block its normalised input, an attention block its keys and values.

import * as tf from '@tensorflow/tfjs-core';
import type { Block, LocalBlock, PassContext, Stream } from '../../network';
import { multiHeadAttention, type HeadWeights } from '../../ops/attention';
import { dilatedConv, type ConvParams } from '../../ops/conv';
import { feedForward } from '../../ops/feedForward';
import { gelu } from '../../ops/gelu';
import { layerNorm } from '../../ops/layerNorm';
import type { WeightStore } from '../../weightStore';
import type { AlibiCache } from './alibiCache';

/** Block i of the in-house models: x + mix(norm1(x)), then + ffn(norm2(.)). [B, T, D] -> [B, T, D]. */
export function preNormBlock(
  w: WeightStore,
  i: number,
  eps: number,
  x: tf.Tensor3D,
  mix: (h: tf.Tensor3D) => tf.Tensor,
): tf.Tensor3D {
  const p = `blocks.${i}`;
  const norm = (t: tf.Tensor, n: string) => layerNorm(t, w.get(`${p}.${n}.weight`), w.get(`${p}.${n}.bias`), eps);
  const y = tf.add(x, mix(norm(x, 'norm1') as tf.Tensor3D)) as tf.Tensor3D;
  return tf.add(y, feedForward(norm(y, 'norm2'), w, `${p}.ffn`)) as tf.Tensor3D;
}

export class ConvBlock implements LocalBlock {
  readonly kind = 'conv';
  readonly reach: number;
  private readonly conv: ConvParams;

  /** Block `i` of the network, the `k`-th conv block (its slot in a recorded prefix). */
  constructor(
    private readonly w: WeightStore,
    private readonly i: number,
    private readonly k: number,
    kernel: number,
    dilation: number,
    causal: boolean,
    private readonly eps: number,
  ) {
    const filter = w.get(`blocks.${i}.mixer.conv.weight`); // [K, D, D]
    this.conv = {
      filter: w.keep(tf.reshape(filter, [1, ...(filter.shape as [number, number, number])]) as tf.Tensor4D),
      bias: w.get(`blocks.${i}.mixer.conv.bias`),
      kernel,
      dilation,
      causal,
      act: gelu,
    };
    this.reach = (dilation * (kernel - 1)) / 2;
  }

  forward(s: Stream, ctx: PassContext): Stream {
    const p = ctx.prefix;
    return {
      x: preNormBlock(this.w, this.i, this.eps, s.x, (h) => {
        if (p && 'record' in p) p.record.convIn.push(tf.reshape(h, [ctx.length, h.shape[2]]));
        const past =
          p && 'continuation' in p
            ? { input: p.continuation.state.convIn[this.k]!, from: p.continuation.from }
            : undefined;
        return dilatedConv(h, this.conv, past); // [B, T, D]
      }),
    };
  }

  forwardPadded(x: tf.Tensor3D, pad: [number, number]): tf.Tensor3D {
    const p = `blocks.${this.i}`,
      r = this.reach;
    const mixed = dilatedConv(
      layerNorm(x, this.w.get(`${p}.norm1.weight`), this.w.get(`${p}.norm1.bias`), this.eps) as tf.Tensor3D,
      this.conv,
      undefined,
      pad,
    ); // [1, m, D]
    const y = tf.add(tf.slice(x, [0, r - pad[0], 0], [-1, mixed.shape[1]!, -1]), mixed) as tf.Tensor3D;
    return tf.add(
      y,
      feedForward(
        layerNorm(y, this.w.get(`${p}.norm2.weight`), this.w.get(`${p}.norm2.bias`), this.eps),
        this.w,
        `${p}.ffn`,
      ),
    ) as tf.Tensor3D;
  }
}

export class AttentionBlock implements Block {
  readonly kind = 'attention';
  private readonly heads: HeadWeights;

  /** Block `i` of the network, the `a`-th attention block (the layer an attention request names). */
  constructor(
    private readonly w: WeightStore,
    private readonly i: number,
    private readonly a: number,
    nHeads: number,
    private readonly eps: number,
    private readonly bias: AlibiCache,
  ) {
    this.heads = splitHeads(w, `blocks.${i}.mixer`, nHeads);
  }

  forward(s: Stream, ctx: PassContext): Stream {
    const p = ctx.prefix;
    const from = p && 'continuation' in p ? p.continuation.from : 0;
    // a continuation's queries are rows [from, T) of the full [T, T] bias
    const bias = this.bias
      .get(ctx.length)
      .map((b) => (from > 0 ? tf.slice(b, [from, 0], [ctx.length - from, ctx.length]) : b)); // H x [T, T]
    const want = ctx.attn?.layer === this.a ? ctx.attn.heads : null;
    return {
      x: preNormBlock(this.w, this.i, this.eps, s.x, (h) => {
        const [y, maps] = multiHeadAttention(h, this.heads, bias, want, {
          record:
            p && 'record' in p
              ? { keys: (p.record.keys[this.a] = []), values: (p.record.values[this.a] = []) }
              : undefined,
          past:
            p && 'continuation' in p
              ? { keys: p.continuation.state.keys[this.a]!, values: p.continuation.state.values[this.a]!, from }
              : undefined,
        }); // [B, T, D], [B, heads, T, T]
        if (maps) ctx.attention = maps;
        return y;
      }),
    };
  }
}

/** Per-head slices of the attention's input projection: qkv [D, 3D] -> q/k/v per head [D, Dh]. */
function splitHeads(w: WeightStore, prefix: string, H: number): HeadWeights {
  const qkv = w.get(`${prefix}.qkv.weight`),
    qkvB = w.get(`${prefix}.qkv.bias`);
  const D = qkv.shape[0]!,
    Dh = D / H;
  const [q, k, v] = [0, 1, 2].map((j) =>
    Array.from({ length: H }, (_, h) => {
      const col = j * D + h * Dh;
      // 1/sqrt(Dh) folded into the query projection: one [T, T] multiply less per head
      const scale = j === 0 ? 1 / Math.sqrt(Dh) : 1;
      return {
        w: w.keep(tf.tidy(() => tf.mul(tf.slice(qkv, [0, col], [D, Dh]), scale))) as tf.Tensor2D,
        b: w.keep(tf.tidy(() => tf.mul(tf.slice(qkvB, [col], [Dh]), scale))),
      };
    }),
  ) as [HeadWeights['q'], HeadWeights['k'], HeadWeights['v']];
  return { q, k, v, out: { w: w.get(`${prefix}.out.weight`) as tf.Tensor2D, b: w.get(`${prefix}.out.bias`) } };
}
