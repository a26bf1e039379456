import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { goldenCheck, type GoldenFile } from '../analysis/goldenCheck';
import { fileSource } from '../cli/fileSource';
import { modelDirs, useNodeBackend } from '../cli/nodeRuntime';
import { loadModel } from './loadModel';

const dirs = modelDirs().filter((d) => existsSync(join(d, 'golden.json')));

describe.each(['cpu', 'wasm'] as const)('golden parity on %s', (backend) => {
  it('has models to check, including the training smoke test export in CI', () => {
    expect(dirs.length).toBeGreaterThan(0);
    if (process.env.CI) expect(dirs.filter((d) => basename(d).startsWith('smoke-')).length).toBe(3);
  });

  for (const dir of dirs) {
    it(`${basename(dir)} reproduces PyTorch log-probabilities and attention within 1e-4`, async () => {
      await useNodeBackend(backend);
      const model = await loadModel(fileSource(dir));
      const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as GoldenFile;
      expect(golden.cases.length).toBeGreaterThanOrEqual(3);
      expect(golden.cases.some((c) => c.tokens.includes(4))).toBe(true); // one contains N
      expect(golden.cases.some((c) => c.tokens.length === model.context)).toBe(true);
      const before = tf.memory().numTensors;
      const report = await goldenCheck(model, golden);
      expect(tf.memory().numTensors).toBe(before);
      expect(report.maxLogprobError).toBeLessThan(1e-4);
      expect(report.maxAttentionError).toBeLessThan(1e-4);
      // the check is not vacuous: a perturbed input moves the outputs well past the tolerance
      const c = golden.cases[0]!;
      const shifted = { ...golden, cases: [{ ...c, tokens: c.tokens.map((t) => (t + 1) % 4) }] };
      expect((await goldenCheck(model, shifted)).maxLogprobError).toBeGreaterThan(1e-3);
      model.dispose();
    });
  }
});
