// npm run logits: a model's raw logits for token ids in its own vocabulary, every position and every vocabulary
// column, run as the family's official code runs it (no special tokens added). The input is shaped like the
// reference fixtures' reference.json: {"inputs": [{"token_ids": [...]}, ...]}.
//
//   npm run logits -- --model DIR --input FILE.json [--backend wasm|cpu] > OUT.json
//
// Prints {"outputs": [{"logits": [[...V numbers], ...one row per position]}, ...]}. Exit 1 with one line for
// a model or input that cannot be read.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { loadModel } from '../model/loadModel';
import { SequenceModel } from '../model/sequenceModel';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';
import { runWhenMain } from '../node/runWhenMain';

/** Token-id rows from a reference.json-shaped file; throws naming what is wrong. */
export function readInputs(text: string, where: string): number[][] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  const inputs = (json as { inputs?: unknown } | null)?.inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) throw new Error(`${where} has no "inputs" list`);
  return inputs.map((inp, i) => {
    const ids = (inp as { token_ids?: unknown } | null)?.token_ids;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((t) => Number.isInteger(t) && t >= 0)) {
      throw new Error(`${where}: inputs[${i}].token_ids must be a non-empty list of token ids (integers >= 0)`);
    }
    return ids as number[];
  });
}

/** Logits [T][V] of each row of ids, for a network model; ids past the vocabulary are refused by name. */
export async function logitsOf(model: SequenceModel, rows: number[][]): Promise<number[][][]> {
  const out: number[][][] = [];
  for (const ids of rows) {
    const t = tf.tidy(() => model.logitsOfIds(tf.tensor2d(ids, [1, ids.length], 'int32')));
    const [, T, V] = t.shape;
    const flat = (await t.data()) as Float32Array;
    t.dispose();
    const bad = ids.find((id) => id >= V!);
    if (bad !== undefined) throw new Error(`token id ${bad} is outside the model's vocabulary of ${V} ids`);
    out.push(Array.from({ length: T! }, (_, r) => Array.from(flat.subarray(r * V!, (r + 1) * V!))));
  }
  return out;
}

export async function cli(argv: string[], print: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { model: { type: 'string' }, input: { type: 'string' }, backend: { type: 'string', default: 'wasm' } },
  });
  if (!values.model || !values.input)
    throw new Error('usage: npm run logits -- --model DIR --input FILE.json [--backend wasm|cpu]');
  if (values.backend !== 'wasm' && values.backend !== 'cpu')
    throw new Error(`--backend must be wasm or cpu, not ${values.backend}`);
  await useNodeBackend(values.backend);
  const rows = readInputs(readFileSync(values.input, 'utf8'), values.input);
  const model = await loadModel(fileSource(resolve(values.model)));
  try {
    if (!(model instanceof SequenceModel))
      throw new Error(`${values.model} is a ${model.meta.family} model: it has no logits`);
    print(JSON.stringify({ outputs: (await logitsOf(model, rows)).map((logits) => ({ logits })) }));
    return 0;
  } finally {
    model.dispose();
  }
}

runWhenMain(import.meta.url, cli);
