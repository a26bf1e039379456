import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../cli/fileSource';
import { modelDirs, useNodeBackend } from '../cli/nodeRuntime';
import { loadModel } from './loadModel';

interface GoldenCase {
  name: string;
  tokens: number[];
  logprobs: number[][];
  attention: { layer: number; head: number; rows: number[]; probs: number[][] }[];
}

const dirs = modelDirs();

describe.each(['cpu', 'wasm'] as const)('golden parity on %s', (backend) => {
  it('has models to check', () => {
    expect(dirs.length).toBeGreaterThan(0);
    if (process.env.CI) expect(dirs.some((d) => d.endsWith('smoke-model'))).toBe(true);
  });

  for (const dir of dirs) {
    it(`${basename(dir)} reproduces PyTorch log-probabilities (1e-4) and attention`, async () => {
      await useNodeBackend(backend);
      const model = await loadModel(fileSource(dir));
      const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as { cases: GoldenCase[] };
      expect(golden.cases.length).toBeGreaterThanOrEqual(3);
      expect(golden.cases.some((c) => c.tokens.includes(4))).toBe(true); // one contains N
      expect(golden.cases.some((c) => c.tokens.length === model.context)).toBe(true);
      const before = tf.memory().numTensors;
      for (const c of golden.cases) {
        const T = c.tokens.length;
        for (const a of c.attention) {
          const out = await model.forward(Int32Array.from(c.tokens), 1, { layer: a.layer, heads: [a.head] });
          let maxErr = 0;
          c.logprobs.forEach((row, i) => row.forEach((v, b) => { maxErr = Math.max(maxErr, Math.abs(out.logprobs[i * 4 + b]! - v)); }));
          expect(maxErr, `${c.name} logprobs`).toBeLessThan(1e-4);
          let attErr = 0;
          a.rows.forEach((r, k) => a.probs[k]!.forEach((v, j) => { attErr = Math.max(attErr, Math.abs(out.attention![r * T + j]! - v)); }));
          expect(attErr, `${c.name} attention L${a.layer}H${a.head}`).toBeLessThan(1e-4);
        }
      }
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    });
  }
});
