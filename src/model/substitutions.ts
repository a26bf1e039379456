// Unmasked passes of many single-base substitutions of one row (dependency maps), reusing the reference's
// conv-stack output: a substitution at position p changes the conv blocks' output only within their reach R
// of p, so each substitution runs the conv blocks on the 4R + 1 bases around p (enough for the 2R + 1 it
// changes to be exact) and splices them into the reference's output; the attention blocks, which see
// every position, run in full. The reference's conv output stays resident between calls, until dispose().

import * as tf from '@tensorflow/tfjs-core';

export interface SubstitutionModel {
  /** Bases each side that one input position reaches through the conv blocks. */
  readonly convReach: number;
  /** tokens [1, T] -> conv-stack output [1, T, D]. */
  convStack(tokens: tf.Tensor2D): tf.Tensor3D;
  /** conv-stack output [1, T, D] -> log-probabilities [1, T, 4]. */
  attentionStack(x: tf.Tensor3D): tf.Tensor3D;
}

/** Substitutions of one reference row: its log-probabilities [T, 4], then those of any substitutions asked for. */
export interface SubstitutionSession {
  ref: Float32Array;
  /** Log-probabilities [T, 4] of each substitution (base `alt` at position `at`), read back once per call. */
  run(subs: { at: number; alt: number }[]): Promise<Float32Array[]>;
  /** Frees the reference's resident conv output. */
  dispose(): void;
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  try { return (await t.data()) as Float32Array; } finally { t.dispose(); }
}

/**
 * One reference pass; each run() then costs its substitutions only. Exact: the zero padding a window's conv
 * sees at its cut edges reaches at most R positions in, and the window leaves 2R bases each side of the site
 * (fewer only at the row's own ends, which pad alike).
 */
export async function startSubstitutions(model: SubstitutionModel, ref: Int32Array): Promise<SubstitutionSession> {
  const T = ref.length, R = model.convReach;
  const refConv = tf.tidy(() => model.convStack(tf.tensor2d(ref, [1, T], 'int32'))); // [1, T, D], resident
  let refLp: Float32Array;
  try {
    refLp = (await read(tf.tidy(() => tf.reshape(model.attentionStack(refConv), [-1])))).slice();
  } catch (e) {
    refConv.dispose();
    throw e;
  }
  return {
    ref: refLp,
    dispose: () => refConv.dispose(),
    async run(subs) {
      for (const s of subs) if (!(Number.isInteger(s.at) && s.at >= 0 && s.at < T && s.alt >= 0 && s.alt < 4)) throw new Error('each substitution needs 0 <= at < T and a base 0-3');
      if (subs.length === 0) return [];
      const flat = await read(tf.tidy(() => tf.concat(subs.map((s) => tf.tidy(() => {
        const a = Math.max(0, s.at - 2 * R), b = Math.min(T, s.at + 2 * R + 1); // the bases the conv blocks read
        const win = ref.slice(a, b);
        win[s.at - a] = s.alt;
        const local = model.convStack(tf.tensor2d(win, [1, b - a], 'int32')); // [1, b - a, D]
        const lo = Math.max(0, s.at - R), hi = Math.min(T, s.at + R + 1); // the outputs the change reaches
        const pieces = [tf.slice(local, [0, lo - a, 0], [1, hi - lo, -1])];
        if (lo > 0) pieces.unshift(tf.slice(refConv, [0, 0, 0], [1, lo, -1]));
        if (hi < T) pieces.push(tf.slice(refConv, [0, hi, 0], [1, T - hi, -1]));
        return tf.reshape(model.attentionStack(tf.concat(pieces, 1) as tf.Tensor3D), [-1]);
      })))));
      return subs.map((_, k) => flat.slice(k * T * 4, (k + 1) * T * 4));
    },
  };
}
