// The causal prefix cache: what a reference row's pass leaves behind so rows sharing its first positions
// compute only their later ones (a causal model's position t sees nothing at or after t).

import type * as tf from '@tensorflow/tfjs-core';

/** Per conv block the normalised input [T, D]; per attention block and head the keys and values [T, Dh]. */
export interface PrefixState {
  convIn: tf.Tensor2D[];
  keys: tf.Tensor2D[][];
  values: tf.Tensor2D[][];
}

/** Rows [from, T) of a row whose positions before `from` are those of the reference the state was recorded from. */
export interface Continuation {
  state: PrefixState;
  from: number;
}

export function emptyPrefixState(): PrefixState {
  return { convIn: [], keys: [], values: [] };
}
