// Published folders as downloaded, through the one loader the page and every CLI command use: each fixture of
// shared/reference-models (the official code's logits) reproduced within 3e-5 by `npm run logits`'s engine on
// cpu and wasm, from each weight file it ships; and the runtime's view (log-probabilities over A, C, G, T of
// the runtime's own tokens, aligned to the base they predict) checked against the same logits.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { encode, MASK_ID } from '../genome/tokens';
import { logitsOf } from '../cli/logits';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';
import { referenceModelsDir } from '../node/referenceModels';
import { loadModel } from './loadModel';
import { modelFolder } from './memorySource';
import { SequenceModel } from './sequenceModel';
import type { ModelSource } from './source';

const TOLERANCE = 3e-5;
interface Reference {
  inputs: { sequence: string; token_ids: number[]; masked_positions?: number[] }[];
  outputs: { logits: number[][] }[];
}
const fixtures = readdirSync(referenceModelsDir())
  .filter((d) => !d.endsWith('.md'))
  .sort();
const reference = (name: string) =>
  JSON.parse(readFileSync(join(referenceModelsDir(), name, 'reference.json'), 'utf8')) as Reference;

/** The fixture's folder with only config.json and `weights` (a published folder ships one weight file). */
function only(name: string, weights: string): ModelSource {
  const dir = join(referenceModelsDir(), name);
  const file = (f: string) => {
    const b = readFileSync(join(dir, f));
    return { path: `${name}/${f}`, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
  };
  return modelFolder([file('config.json'), file(weights)], name);
}

const sources: [string, string, () => ModelSource][] = fixtures.flatMap((name) => {
  const files = readdirSync(join(referenceModelsDir(), name)).filter((f) => /\.(safetensors|bin|ckpt)$/.test(f));
  return files.map((f): [string, string, () => ModelSource] => [
    name,
    f,
    () => (files.length > 1 ? only(name, f) : fileSource(join(referenceModelsDir(), name))),
  ]);
});

describe.each(['cpu', 'wasm'] as const)('published folders on %s', (backend) => {
  it('covers every fixture and weight file: HyenaDNA (both layouts), Caduceus ph and ps, GPN (.bin and .safetensors)', () => {
    expect(sources.map(([n, f]) => `${n}/${f}`)).toEqual([
      'caduceus-ph/model.safetensors',
      'caduceus-ps/model.safetensors',
      'gpn-convnet/model.safetensors',
      'gpn-convnet/pytorch_model.bin',
      'hyenadna-hf/model.safetensors',
      'hyenadna-original/weights.ckpt',
    ]);
  });

  for (const [name, file, source] of sources) {
    it(`${name} from ${file} reproduces the official logits within 3e-5`, async () => {
      await useNodeBackend(backend);
      const start = tf.memory().numTensors;
      const model = await loadModel(source());
      expect(model).toBeInstanceOf(SequenceModel);
      const ref = reference(name);
      const got = await logitsOf(
        model as unknown as SequenceModel,
        ref.inputs.map((i) => i.token_ids),
      );
      ref.outputs.forEach((o, i) => {
        let err = 0;
        o.logits.forEach((row, t) =>
          row.forEach((v, k) => {
            err = Math.max(err, Math.abs(v - got[i]![t]![k]!));
          }),
        );
        expect(got[i]!.length).toBe(o.logits.length);
        expect(err).toBeLessThan(TOLERANCE);
      });
      model.dispose();
      expect(tf.memory().numTensors).toBe(start);
    }, 300_000);
  }

  for (const name of ['hyenadna-hf', 'caduceus-ps', 'gpn-convnet']) {
    it(`${name}: the runtime's log-probabilities are the official logits renormalised over A, C, G, T, at the base each predicts`, async () => {
      await useNodeBackend(backend);
      const model = (await loadModel(fileSource(join(referenceModelsDir(), name)))) as unknown as SequenceModel;
      const { inputs, outputs } = reference(name);
      const cols = model.facts.tokens.baseColumns;
      const inp = inputs[1]!,
        logits = outputs[1]!.logits; // 37 bases, one masked in the masked families
      const tokens = encode(inp.sequence);
      for (const p of inp.masked_positions ?? []) tokens[p] = MASK_ID;
      const lp = (await model.forward(tokens, 1)).logprobs;
      const next = model.facts.alignment === 'next-token';
      for (let t = 0; t < tokens.length; t++) {
        const row = next ? logits[t - 1] : logits[t];
        if (!row) {
          expect([...lp.subarray(0, 4)].every(Number.isNaN)).toBe(true);
          continue;
        } // base 0: no prediction
        const four = cols.map((c) => row[c]!),
          m = Math.max(...four);
        const lse = m + Math.log(four.reduce((a, v) => a + Math.exp(v - m), 0));
        four.forEach((v, b) => expect(Math.abs(lp[t * 4 + b]! - (v - lse))).toBeLessThan(TOLERANCE));
      }
      model.dispose();
    }, 300_000);
  }
});
