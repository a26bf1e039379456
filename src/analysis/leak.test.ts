// No tensor leaks: tf.memory().numTensors is back at its baseline after 100 analyses of each kind.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { expect, inject, it } from 'vitest';
import { mustSkip } from '../node/prerequisites';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { attentionMap } from './attentionMap';
import { likelihoodScan } from './likelihoodScan';
import { saturationMutagenesis } from './mutagenesis';
import { scoreVariants } from './variantEffect';

const skip = mustSkip(inject('prerequisites'), 'src/analysis/leak.test.ts (runs on the smoke exports)', {
  smoke: ['smoke-mlm', 'smoke-clm'],
});

it.skipIf(skip)('leaves no tensors behind after 100 analyses', async () => {
  await useNodeBackend('wasm');
  for (const id of ['smoke-mlm', 'smoke-clm']) {
    const atStart = tf.memory().numTensors;
    const model = await loadModel(fileSource(join(REPO_ROOT, '.cache', id)));
    const seq = 'ACGTTGCAAGGCTTAACCGGTATCGATCGGATCCATGCAAGTCTTGACGGTACCATGGCAATN'.repeat(2);
    const tokens = encode(seq);
    const method = model.objective === 'mlm' ? 'masked' : 'dll';
    // the baseline is taken after one round of each kind, once the model has made its resident ALiBi
    // bias tensors for the window lengths these analyses use
    let before = 0;
    for (let i = 0; i < 104; i++) {
      if (i === 4) before = tf.memory().numTensors;
      switch (i % 4) {
        case 0:
          await likelihoodScan(model, tokens);
          break;
        case 1:
          await attentionMap(model, tokens, 0, [0, 1], i);
          break;
        case 2:
          await scoreVariants(model, seq, [{ pos: i, ref: seq[i]!, alt: seq[i] === 'A' ? 'C' : 'A' }], {
            method,
            window: 31,
            bothStrands: true,
          });
          break;
        default:
          await saturationMutagenesis(model, seq, 10, 14, { method, window: 31 });
      }
    }
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    expect(tf.memory().numTensors).toBe(atStart); // weights and cached biases all freed
  }
});
