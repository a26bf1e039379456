// Unmasked passes of many single-base substitutions of one row (dependency maps), reusing the reference's
// conv blocks: a substitution at position p changes conv block k's output only within R_k = r_1 + ... + r_k
// of p (r_k: how far block k's conv reads), so block k runs on those 2 R_k + 1 rows only, reading the
// reference's rows beyond them, and the last block's rows are spliced into the reference's conv output; the
// attention blocks, which see every position, run in full. The reference's block outputs stay resident
// between calls, until dispose().

import * as tf from '@tensorflow/tfjs-core';

export interface SubstitutionModel {
  /** Per conv block, how far (bases, each side) its conv reads. */
  readonly convReaches: readonly number[];
  /** tokens [1, n] -> the first block's input [1, n, D]. */
  embedTokens(tokens: tf.Tensor2D): tf.Tensor3D;
  /** Conv block i on input rows [1, n, D], its conv zero-padded by pad rows each side -> [1, n + pad[0] + pad[1] - 2 r_i, D]. */
  convBlock(i: number, x: tf.Tensor3D, pad: [number, number]): tf.Tensor3D;
  /** conv-stack output [1, T, D] -> log-probabilities [1, T, 4]. */
  attentionStack(x: tf.Tensor3D): tf.Tensor3D;
}

/** Substitutions of one reference row: its log-probabilities [T, 4], then those of any substitutions asked for. */
export interface SubstitutionSession {
  ref: Float32Array;
  /** Log-probabilities [T, 4] of each substitution (base `alt` at position `at`), read back once per call. */
  run(subs: { at: number; alt: number }[]): Promise<Float32Array[]>;
  /** Frees the reference's resident conv outputs. */
  dispose(): void;
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/** Rows [a, b) of x [1, T, D] with rows [lo, hi) replaced by mid [1, hi - lo, D] (a <= lo <= hi <= b). */
function splice(x: tf.Tensor3D, mid: tf.Tensor3D, a: number, lo: number, hi: number, b: number): tf.Tensor3D {
  const pieces = [mid];
  if (lo > a) pieces.unshift(tf.slice(x, [0, a, 0], [1, lo - a, -1]));
  if (b > hi) pieces.push(tf.slice(x, [0, hi, 0], [1, b - hi, -1]));
  return pieces.length === 1 ? mid : (tf.concat(pieces, 1) as tf.Tensor3D);
}

/**
 * Conv-stack output of ref with base alt at position at: [1, T, D]. Exact: block k's outputs beyond
 * [at - R_k, at + R_k] are the reference's, and those inside read block k's input over r_k more rows each
 * side, the changed rows from block k - 1 and the rest the reference's; the conv's zero padding stands only
 * where the row itself ends, as in the full pass.
 */
function substitutedConv(
  model: SubstitutionModel,
  ref: Int32Array,
  refOut: tf.Tensor3D[],
  at: number,
  alt: number,
): tf.Tensor3D {
  const T = ref.length;
  if (model.convReaches.length === 0) {
    // no conv blocks: the embedding goes to attention as it is
    const row = ref.slice();
    row[at] = alt;
    return model.embedTokens(tf.tensor2d(row, [1, T], 'int32'));
  }
  let lo = at,
    hi = at + 1; // rows of the current block's input that differ from the reference's
  let cur: tf.Tensor3D | null = null; // those rows, [1, hi - lo, D]; the embedding's is made with the window
  model.convReaches.forEach((r, k) => {
    const lo2 = Math.max(0, lo - r),
      hi2 = Math.min(T, hi + r); // the rows this block's output changes
    const a = Math.max(0, lo2 - r),
      b = Math.min(T, hi2 + r); // the input rows they read
    let x: tf.Tensor3D;
    if (cur) x = splice(refOut[k - 1]!, cur, a, lo, hi, b);
    else {
      const win = ref.slice(a, b);
      win[at - a] = alt;
      x = model.embedTokens(tf.tensor2d(win, [1, b - a], 'int32'));
    }
    cur = model.convBlock(k, x, [r - (lo2 - a), r - (b - hi2)]); // [1, hi2 - lo2, D]
    lo = lo2;
    hi = hi2;
  });
  return splice(refOut.at(-1)!, cur!, 0, lo, hi, T);
}

/**
 * The output of each conv block of a full row [1, T, D] (the embedding alone when there are none); the last is
 * the attention blocks' input. The caller disposes them.
 */
export function convOutputs(model: SubstitutionModel, tokens: Int32Array): tf.Tensor3D[] {
  return tf.tidy(() => {
    let x = model.embedTokens(tf.tensor2d(tokens, [1, tokens.length], 'int32'));
    return model.convReaches.length ? model.convReaches.map((r, k) => (x = model.convBlock(k, x, [r, r]))) : [x];
  });
}

/** One reference pass; each run() then costs its substitutions only. */
export async function startSubstitutions(model: SubstitutionModel, ref: Int32Array): Promise<SubstitutionSession> {
  const T = ref.length;
  const refOut = convOutputs(model, ref); // resident until dispose()
  const dispose = () => {
    for (const t of refOut) t.dispose();
  };
  let refLp: Float32Array;
  try {
    refLp = (await read(tf.tidy(() => tf.reshape(model.attentionStack(refOut.at(-1)!), [-1])))).slice();
  } catch (e) {
    dispose();
    throw e;
  }
  return {
    ref: refLp,
    dispose,
    async run(subs) {
      for (const s of subs)
        if (!(Number.isInteger(s.at) && s.at >= 0 && s.at < T && s.alt >= 0 && s.alt < 4))
          throw new Error('each substitution needs 0 <= at < T and a base 0-3');
      if (subs.length === 0) return [];
      const flat = await read(
        tf.tidy(() =>
          tf.concat(
            subs.map((s) =>
              tf.tidy(() => tf.reshape(model.attentionStack(substitutedConv(model, ref, refOut, s.at, s.alt)), [-1])),
            ),
          ),
        ),
      );
      return subs.map((_, k) => flat.slice(k * T * 4, (k + 1) * T * 4));
    },
  };
}
