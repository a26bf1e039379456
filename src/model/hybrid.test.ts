import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { goldenCheck, validateGolden } from './check/goldenCheck';
import { fileSource } from '../node/fileSource';
import { modelDirs, useNodeBackend } from '../node/nodeRuntime';
import type { SequenceModel } from './sequenceModel';
import { loadModel } from './loadModel';

const dirs = modelDirs().filter((d) => existsSync(join(d, 'golden.json')));

describe.each(['cpu', 'wasm'] as const)('golden parity on %s', (backend) => {
  it('has models to check, including the training smoke test export in CI', () => {
    expect(dirs.length).toBeGreaterThan(0);
    // training/smoke.sh's exports: mlm, mlm-long (read at twice its training window), clm, cnn, hyena
    if (process.env.CI)
      expect(
        dirs
          .filter((d) => basename(d).startsWith('smoke-'))
          .map((d) => basename(d))
          .sort(),
      ).toEqual(['smoke-clm', 'smoke-cnn', 'smoke-hyena', 'smoke-mlm', 'smoke-mlm-long']);
  });

  for (const dir of dirs) {
    it(`${basename(dir)} reproduces PyTorch log-probabilities and attention within 1e-4`, async () => {
      await useNodeBackend(backend);
      const atStart = tf.memory().numTensors;
      const model = await loadModel(fileSource(dir));
      const golden = validateGolden(JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')), 'golden.json');
      expect(golden.cases.length).toBeGreaterThanOrEqual(3);
      expect(golden.cases.some((c) => c.tokens.includes(4))).toBe(true); // one contains N
      expect(golden.cases.some((c) => c.tokens.length === model.context)).toBe(true);
      const report = await goldenCheck(model, golden);
      expect(report.maxLogprobError).toBeLessThan(1e-4);
      expect(report.maxAttentionError).toBeLessThan(1e-4);
      // the check is not vacuous: a perturbed input moves the outputs well past the tolerance
      const c = golden.cases[0]!;
      const shifted = { ...golden, cases: [{ ...c, tokens: c.tokens.map((t) => (t + 1) % 4) }] };
      expect((await goldenCheck(model, shifted)).maxLogprobError).toBeGreaterThan(1e-3);
      model.dispose();
      expect(tf.memory().numTensors).toBe(atStart); // weights and resident ALiBi biases all freed
    }, 900_000); // a Hyena model's 16,384-base case: ~2 min of CPU on the pure-JS cpu backend, over 400 s of wall time on this loaded machine
  }
});

describe('one read per forward pass', () => {
  // Tensor.data/dataSync are the reads that become GPU-to-CPU syncs on WebGPU (its kernels never read back)
  it('reads log-probabilities and attention back with a single data() call', async () => {
    await useNodeBackend('wasm');
    const dir = dirs.find((d) => JSON.parse(readFileSync(join(d, 'model.json'), 'utf8')).architecture.n_attn > 0)!;
    const model = await loadModel(fileSource(dir));
    const proto = tf.Tensor.prototype;
    const [data, dataSync, arraySync] = [proto.data, proto.dataSync, proto.arraySync];
    let reads = 0;
    proto.data = function (this: tf.Tensor) {
      reads++;
      return data.call(this);
    } as typeof proto.data;
    proto.dataSync = function (this: tf.Tensor) {
      reads++;
      return dataSync.call(this);
    } as typeof proto.dataSync;
    proto.arraySync = function (this: tf.Tensor) {
      reads++;
      return arraySync.call(this);
    } as typeof proto.arraySync;
    try {
      const T = 64;
      const tokens = Int32Array.from({ length: 2 * T }, (_, i) => (i * 7) % 4);
      const out = await model.forward(tokens, 2, { layer: model.nAttentionLayers - 1, heads: [0, 1] });
      expect(reads).toBe(1);
      expect(out.logprobs.length).toBe(2 * T * 4);
      expect(out.attention!.length).toBe(2 * 2 * T * T);
      // every attention row is a distribution, so the split between the two outputs is in the right place
      for (let r = 0; r < 2 * 2 * T; r++)
        expect(out.attention!.subarray(r * T, (r + 1) * T).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      reads = 0;
      await model.forward(tokens, 2);
      expect(reads).toBe(1);
    } finally {
      Object.assign(proto, { data, dataSync, arraySync });
      model.dispose();
    }
  });
});

describe('batched forward passes', () => {
  // forward() runs a batch row by row on wasm and cpu, in one pass on GPU backends: both are checked here
  it('give every row what it gets alone (log-probabilities and attention maps), row by row or in one pass', async () => {
    await useNodeBackend('wasm');
    for (const dir of dirs
      .filter((d) => JSON.parse(readFileSync(join(d, 'model.json'), 'utf8')).architecture.n_attn > 0)
      .slice(0, 2)) {
      const model = await loadModel(fileSource(dir));
      const T = 48,
        B = 3;
      const tokens = Int32Array.from({ length: B * T }, (_, i) => (i * 5 + (i >> 2) + (i >> 5)) % 4);
      const heads = [0, model.nHeads - 1];
      const all = await model.forward(tokens, B, { layer: 0, heads });
      const onePass = tf.tidy(() => {
        const o = (model as unknown as SequenceModel).forwardTensors(tf.tensor2d(tokens, [B, T], 'int32'), {
          attn: { layer: 0, heads },
        });
        return { logprobs: o.logprobs.dataSync(), attention: o.attention!.dataSync() };
      });
      expect(Math.max(...onePass.logprobs.map((v, i) => Math.abs(v - all.logprobs[i]!)))).toBeLessThan(1e-5);
      expect(Math.max(...onePass.attention.map((v, i) => Math.abs(v - all.attention![i]!)))).toBeLessThan(1e-6);
      for (let b = 0; b < B; b++) {
        const one = await model.forward(tokens.subarray(b * T, (b + 1) * T), 1, { layer: 0, heads });
        const lp = all.logprobs.subarray(b * T * 4, (b + 1) * T * 4);
        expect(Math.max(...lp.map((v, i) => Math.abs(v - one.logprobs[i]!)))).toBeLessThan(1e-5);
        const at = all.attention!.subarray(b * heads.length * T * T, (b + 1) * heads.length * T * T);
        expect(Math.max(...at.map((v, i) => Math.abs(v - one.attention![i]!)))).toBeLessThan(1e-6);
      }
      model.dispose();
    }
  });
});

describe('prefix reuse for a causal model', () => {
  it('gives each row sharing a prefix with the reference what a full pass gives it', async () => {
    await useNodeBackend('wasm');
    const causal = dirs.filter((d) => {
      const meta = JSON.parse(readFileSync(join(d, 'model.json'), 'utf8'));
      return meta.objective === 'clm' && meta.architecture.type === 'hybrid-conv-alibi'; // the Hyena model has no prefix reuse
    });
    expect(causal.length).toBeGreaterThan(0);
    for (const dir of causal) {
      const model = await loadModel(fileSource(dir));
      if (model.reuse.kind !== 'prefix') throw new Error('a causal hybrid declares prefix reuse');
      const T = 96;
      const ref = Int32Array.from({ length: T }, (_, i) => (i * 7 + (i >> 3)) % 4);
      // first change at the start, inside the widest conv's reach of the start (span 64), mid-row, at the end
      const froms = [0, 1, 5, 40, 70, T - 2, T - 1];
      const alts = froms.map((from) => {
        const tokens = ref.slice();
        tokens[from] = (tokens[from]! + 1) % 4;
        if (from + 3 < T) tokens[from + 3] = 4; // an N further on
        return { from, tokens };
      });
      const full = (await model.forward(ref, 1)).logprobs; // also makes the resident ALiBi biases for T
      const atStart = tf.memory().numTensors;
      const shared = await model.reuse.forwardShared(ref, alts);
      expect(tf.memory().numTensors).toBe(atStart); // the reference's kept state is freed
      const maxDiff = (a: Float32Array, b: Float32Array) => {
        expect(a.length).toBe(b.length);
        return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
      };
      expect(maxDiff(shared.ref, full)).toBeLessThan(1e-5);
      for (const [i, { from, tokens }] of alts.entries()) {
        const alone = (await model.forward(tokens, 1)).logprobs;
        expect(maxDiff(shared.alts[i]!, alone.subarray(from * 4))).toBeLessThan(1e-5);
        // not vacuous: after the change the rows are not the reference's
        if (from < T - 1)
          expect(maxDiff(shared.alts[i]!.subarray(4), full.subarray((from + 1) * 4))).toBeGreaterThan(1e-3);
      }
      model.dispose();
    }
  });
});
