// Test helper: the published fixture folders of shared/reference-models read as a page or Node loads them, with
// their config.json or weight file replaced, and what loadModel makes of them (a named refusal, or logits).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logitsOf } from '../cli/logits';
import { referenceModelsDir } from '../node/referenceModels';
import { ModelFormatError } from './formatError';
import { loadModel } from './loadModel';
import { modelFolder } from './memorySource';
import type { SequenceModel } from './sequenceModel';

export const FIXTURES = {
  'hyenadna-hf': 'model.safetensors',
  'hyenadna-original': 'weights.ckpt',
  'caduceus-ps': 'model.safetensors',
  'gpn-convnet': 'pytorch_model.bin',
} as const;
export type Fixture = keyof typeof FIXTURES;

export const read = (name: string, file: string) =>
  new Uint8Array(readFileSync(join(referenceModelsDir(), name, file)));
const ab = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;
const folder = (name: Fixture, config: Uint8Array, weights: Uint8Array) =>
  modelFolder(
    [
      { path: `${name}/config.json`, bytes: ab(config) },
      { path: `${name}/${FIXTURES[name]}`, bytes: ab(weights) },
    ],
    name,
  );
/** The fixture inputs the logits are compared on: the 1- and 37-token ones (the longest adds time, not paths). */
const inputs = (name: string) =>
  (JSON.parse(new TextDecoder().decode(read(name, 'reference.json'))) as { inputs: { token_ids: number[] }[] }).inputs
    .slice(0, 2)
    .map((i) => i.token_ids);

export type Outcome = { refused: ModelFormatError } | { logits: number[][][] };
export async function outcome(name: Fixture, config: Uint8Array, weights: Uint8Array): Promise<Outcome> {
  let model: SequenceModel;
  try {
    model = (await loadModel(folder(name, config, weights))) as unknown as SequenceModel;
  } catch (e) {
    if (e instanceof ModelFormatError) return { refused: e };
    throw e; // any other exception fails the property
  }
  try {
    return { logits: await logitsOf(model, inputs(name)) };
  } finally {
    model.dispose();
  }
}
export const same = (a: number[][][], b: number[][][]) =>
  a.every((r, i) => r.every((row, t) => row.every((v, k) => Object.is(v, b[i]![t]![k]))));

/** A safetensors file's header and the bytes after it. */
export function splitSafetensors(file: Uint8Array) {
  const n = Number(new DataView(file.buffer, file.byteOffset).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + n))) as Record<string, unknown>;
  return { header, data: file.subarray(8 + n), dataStart: 8 + n };
}
export function joinSafetensors(header: Record<string, unknown>, data: Uint8Array): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8);
  out.set(data, 8 + text.length);
  return out;
}
