// Runs a tensor model on typed arrays: rows per pass as backend.ts's speed rules say, and a single read-back per
// call. Tensors never escape.

import * as tf from '@tensorflow/tfjs-core';
import { speedRules } from './backend';
import type { AttentionRequest, PrefixPass, PrefixState } from './network';

export interface TensorModel {
  readonly causal: boolean;
  readonly hasAttention: boolean;
  /** tokens [B, T] -> log-probabilities [B, T', 4] (T' = T - from when continuing) and attention maps. */
  forwardTensors(
    tokens: tf.Tensor2D,
    opts?: { attn?: AttentionRequest; prefix?: PrefixPass },
  ): { logprobs: tf.Tensor3D; attention?: tf.Tensor4D };
  /** A network whose blocks read back (network.ts): the same, awaiting them; the caller frees the outputs. */
  readonly readsBack: boolean;
  forwardTensorsAsync(
    tokens: tf.Tensor2D,
    opts?: { attn?: AttentionRequest },
  ): Promise<{ logprobs: tf.Tensor3D; attention?: tf.Tensor4D }>;
}

/**
 * tokens [B, T] row-major -> log-probabilities [B, T, 4] (and attention [B, heads, T, T]). Both come back in
 * one read: on WebGPU each read is a GPU-to-CPU sync, so a pass makes exactly one (besides those its blocks await).
 */
export async function runForward(
  model: TensorModel,
  tokens: Int32Array,
  batch: number,
  attn?: AttentionRequest,
): Promise<{ logprobs: Float32Array; attention?: Float32Array }> {
  const T = tokens.length / batch;
  if (!Number.isInteger(T) || T < 1) throw new Error(`forward: ${tokens.length} tokens do not make ${batch} rows`);
  const rows = speedRules().rowsPerPass(T, batch, model.hasAttention);
  const nLogprobs = batch * T * 4;
  const logprobs: tf.Tensor[] = [],
    maps: tf.Tensor[] = [];
  let out: tf.Tensor | null = null;
  try {
    for (let r = 0; r < batch; r += rows) {
      const n = Math.min(rows, batch - r);
      const rowsOf = () => tf.tensor2d(tokens.subarray(r * T, (r + n) * T), [n, T], 'int32');
      // a tidy per group frees its intermediates before the next group runs
      const o = model.readsBack
        ? await model.forwardTensorsAsync(rowsOf(), { attn }) // frees its input
        : (tf.tidy(
            () => model.forwardTensors(rowsOf(), { attn }) as unknown as tf.TensorContainerObject,
          ) as unknown as { logprobs: tf.Tensor3D; attention?: tf.Tensor4D });
      logprobs.push(tf.tidy(() => tf.reshape(o.logprobs, [-1])));
      if (o.attention) maps.push(tf.tidy(() => tf.reshape(o.attention!, [-1])));
      tf.dispose([o.logprobs, ...(o.attention ? [o.attention] : [])]);
    }
    // [B, T, 4] then [B, heads, T, T], both row-major, so per-group pieces concatenate in order
    const parts = [...logprobs, ...maps];
    out = parts.length === 1 ? parts[0]! : tf.concat(parts);
    const flat = (await out.data()) as Float32Array;
    return flat.length === nLogprobs
      ? { logprobs: flat }
      : { logprobs: flat.subarray(0, nLogprobs), attention: flat.subarray(nLogprobs) };
  } finally {
    tf.dispose([...logprobs, ...maps, ...(out ? [out] : [])]);
  }
}

/**
 * Causal models: log-probabilities of a reference row [T, 4] and, for each alternative row equal to it
 * before `from`, of positions [from, T) ([T - from, 4]), computing only what differs. Up to `from` every
 * layer's state is the reference's: its conv inputs and attention keys and values are kept from the
 * reference pass and each alternative runs from `from` + 1 (the distribution at `from` itself is the
 * reference's). One read, as in runForward.
 */
export async function runShared(
  model: TensorModel,
  ref: Int32Array,
  alts: { from: number; tokens: Int32Array }[],
): Promise<{ ref: Float32Array; alts: Float32Array[] }> {
  const T = ref.length;
  if (!model.causal) throw new Error('forwardShared needs a causal model');
  for (const a of alts)
    if (a.tokens.length !== T || !(a.from >= 0 && a.from <= T))
      throw new Error('each alternative row must match the reference in length, with 0 <= from <= T');
  const fresh = alts.map((a) => Math.max(0, T - a.from - 1)); // positions each alternative computes
  const out = tf.tidy(() => {
    const state: PrefixState = { convIn: [], keys: [], values: [] };
    const parts = [
      tf.reshape(model.forwardTensors(tf.tensor2d(ref, [1, T], 'int32'), { prefix: { record: state } }).logprobs, [-1]),
    ];
    alts.forEach((a, i) => {
      if (!fresh[i]) return;
      const prefix = { continuation: { state, from: a.from + 1 } };
      parts.push(
        tf.tidy(() =>
          tf.reshape(model.forwardTensors(tf.tensor2d(a.tokens, [1, T], 'int32'), { prefix }).logprobs, [-1]),
        ),
      );
    });
    return parts.length === 1 ? parts[0]! : tf.concat(parts);
  });
  try {
    const flat = (await out.data()) as Float32Array;
    const refLp = flat.slice(0, T * 4);
    let offset = T * 4;
    const altLps = alts.map((a, i) => {
      const lp = new Float32Array((T - a.from) * 4);
      if (a.from < T) lp.set(refLp.subarray(a.from * 4, a.from * 4 + 4));
      lp.set(flat.subarray(offset, offset + fresh[i]! * 4), Math.min(4, lp.length));
      offset += fresh[i]! * 4;
      return lp;
    });
    return { ref: refLp, alts: altLps };
  } finally {
    out.dispose();
  }
}
