// The `logits` analysis (what the page's WebGPU check calls) gives the official code's logits for the published
// fixtures through the async path a GPU backend needs, and refuses malformed rows and ids by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';
import { referenceModelsDir } from '../node/referenceModels';
import { logits } from './descriptors/logits';

const INPUT = { text: '', tokens: new Int32Array(0) };

describe('the logits analysis', () => {
  for (const name of ['hyenadna-hf', 'caduceus-ps', 'gpn-convnet']) {
    it(`${name}: every reference row's logits within 3e-5`, async () => {
      await useNodeBackend('cpu');
      const dir = join(referenceModelsDir(), name);
      const ref = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as {
        inputs: { token_ids: number[] }[];
        outputs: { logits: number[][] }[];
      };
      const model = await loadModel(fileSource(dir));
      const res = await logits.run(model, INPUT, { rows: ref.inputs.map((i) => i.token_ids) }, {});
      ref.outputs.forEach((o, i) => {
        expect(res.logits[i]!.length).toBe(o.logits.length * res.vocab);
        let err = 0;
        o.logits.forEach((row, t) =>
          row.forEach((v, k) => (err = Math.max(err, Math.abs(v - res.logits[i]![t * res.vocab + k]!)))),
        );
        expect(err).toBeLessThan(3e-5);
      });
      await expect(logits.run(model, INPUT, { rows: [[1, res.vocab]] }, {})).rejects.toThrow(
        `token id ${res.vocab} is outside the model's vocabulary of ${res.vocab} ids`,
      );
      await expect(logits.run(model, INPUT, { rows: [[1, -2]] }, {})).rejects.toThrow(
        'logits: rows[0] must be a non-empty list of token ids (integers >= 0)',
      );
      model.dispose();
    }, 120_000);
  }
});
