// A network model's raw logits for one row of ids in its own vocabulary, read back as typed arrays (the `logits`
// analysis), with ids past the head's width refused by name rather than left to the gather kernel.
import * as tf from '@tensorflow/tfjs-core';
import type { SequenceModel } from './sequenceModel';

/** The head's width per model, found from one pass of id 0 the first time it is asked. */
const vocabOf = new WeakMap<SequenceModel, number>();

async function logitsOf(model: SequenceModel, ids: Int32Array): Promise<{ logits: Float32Array; vocab: number }> {
  const input = tf.tensor2d(ids, [1, ids.length], 'int32');
  const out = await model.logitsOfIdsAsync(input);
  input.dispose();
  try {
    return { logits: (await out.data()) as Float32Array, vocab: out.shape[2] };
  } finally {
    out.dispose();
  }
}

export async function rawLogitsOf(
  model: SequenceModel,
  ids: Int32Array,
): Promise<{ logits: Float32Array; vocab: number }> {
  let vocab = vocabOf.get(model);
  if (vocab === undefined) {
    vocab = (await logitsOf(model, new Int32Array(1))).vocab;
    vocabOf.set(model, vocab);
  }
  const bad = ids.find((id) => id >= vocab);
  if (bad !== undefined) throw new Error(`token id ${bad} is outside the model's vocabulary of ${vocab} ids`);
  return logitsOf(model, ids);
}
