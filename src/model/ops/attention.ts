// The attention mixer (AttnMixer in training/model.py): multi-head attention with an additive bias (ALiBi).

import * as tf from '@tensorflow/tfjs-core';

export interface HeadWeights {
  /** Per head: [D, Dh] projections and [Dh] biases; the query's already scaled by 1/sqrt(Dh). */
  q: { w: tf.Tensor2D; b: tf.Tensor }[];
  k: { w: tf.Tensor2D; b: tf.Tensor }[];
  v: { w: tf.Tensor2D; b: tf.Tensor }[];
  /** Output projection [D, D] over the heads side by side. */
  out: { w: tf.Tensor2D; b: tf.Tensor };
}

/** Keys and values per head [T, Dh]: recorded from a reference pass, or read back to continue one. */
export interface KeyValueCache {
  record?: { keys: tf.Tensor2D[]; values: tf.Tensor2D[] };
  past?: { keys: tf.Tensor2D[]; values: tf.Tensor2D[]; from: number };
}

/**
 * x [B, T, D] -> [B, T, D] and, for the heads in wantHeads, probabilities [B, heads, T, T].
 *
 * Head by head from per-head weight slices (made at load), so no [B, T, H, Dh] transposes are needed:
 * out = concat_h(softmax(q_h k_h^T / sqrt(Dh) + bias_h) v_h) Wo. The projections run over all B*T rows at
 * once; the T x T products run per sequence on 2-D tensors, because tfjs-wasm's batched matMul is ~8x
 * slower than the same products in 2-D, and its matMul with transposeB ~6x slower than transpose + matMul
 * (`npm run bench:kernels`).
 */
export function multiHeadAttention(
  x: tf.Tensor,
  w: HeadWeights,
  bias: tf.Tensor2D[],
  wantHeads: number[] | null,
  cache?: KeyValueCache,
): [tf.Tensor, tf.Tensor4D | undefined] {
  const [B, T, D] = x.shape as [number, number, number];
  const H = w.q.length,
    Dh = D / H;
  const x2 = tf.reshape(x, [B * T, D]);
  const proj = (p: { w: tf.Tensor2D; b: tf.Tensor }) => tf.fused.matMul({ a: x2, b: p.w, bias: p.b }) as tf.Tensor2D; // [B*T, Dh]
  const heads: tf.Tensor2D[] = []; // per head [B*T, Dh]
  const probsOut: tf.Tensor2D[][] = []; // [wanted head][sequence] -> [T, T]
  for (let h = 0; h < H; h++) {
    const q = proj(w.q[h]!);
    let [k, v] = [proj(w.k[h]!), proj(w.v[h]!)];
    const past = cache?.past;
    if (past) {
      // one row continuing a recorded one: its keys and values before `from`, then its own
      k = tf.concat([tf.slice(past.keys[h]!, [0, 0], [past.from, Dh]), k], 0);
      v = tf.concat([tf.slice(past.values[h]!, [0, 0], [past.from, Dh]), v], 0);
    }
    if (cache?.record) {
      cache.record.keys.push(k);
      cache.record.values.push(v);
    }
    const want = wantHeads?.indexOf(h) ?? -1;
    const ctx: tf.Tensor2D[] = [];
    for (let b = 0; b < B; b++) {
      const rows = (t: tf.Tensor2D): tf.Tensor2D => (B === 1 ? t : tf.slice(t, [b * T, 0], [T, Dh]));
      const scores = tf.add(tf.matMul(rows(q), tf.transpose(rows(k))), bias[h]!); // [T, T] ([T, from + T] continuing)
      const probs = tf.softmax(scores) as tf.Tensor2D;
      if (want >= 0) (probsOut[want] ??= [])[b] = probs;
      ctx.push(tf.matMul(probs, rows(v))); // [T, Dh]
    }
    heads.push(B === 1 ? ctx[0]! : tf.concat(ctx, 0));
  }
  // heads side by side [B*T, D], then one output projection with its bias
  const out = tf.fused.matMul({ a: tf.concat(heads, 1), b: w.out.w, bias: w.out.b });
  // requested maps as [B, heads, T, T]
  const maps = probsOut.length
    ? (tf.stack(Array.from({ length: B }, (_, b) => tf.stack(probsOut.map((hb) => hb[b]!)))) as tf.Tensor4D)
    : undefined;
  return [tf.reshape(out, [B, T, D]), maps];
}
