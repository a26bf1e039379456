import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import type { HyenaNetwork } from './families/hyena';
import type { SequenceModel } from './sequenceModel';
import { loadModel } from './loadModel';
import { directCausalConv } from './ops/longConv';

// training/smoke.sh's tiny Hyena export (kept in git for the e2e tests): filters up to 2,048 lags.
// Its golden parity (including a 2,048-base case) is checked with the other models in hybrid.test.ts.
const FIXTURE = join(REPO_ROOT, 'e2e/fixtures/smoke-hyena');

const tokens = (T: number, seed: number) =>
  Int32Array.from({ length: T }, (_, i) => (i * 7 + (i >> 3) * seed + (i >> 7)) % 5);
const maxDiff = (a: Float32Array, b: Float32Array) => {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
};

describe.each(['cpu', 'wasm'] as const)('Hyena long-input path on %s', (backend) => {
  it('a long pass by FFT (2,048 bases; 1,024 on the slower cpu backend) equals the direct convolution, and its first positions equal a short window', async () => {
    await useNodeBackend(backend);
    const atStart = tf.memory().numTensors;
    const model = (await loadModel(fileSource(FIXTURE))) as unknown as SequenceModel & { dispose(): void };
    const choice = (model.network as HyenaNetwork).longConv;
    expect(model.context).toBe(2048);
    const T = backend === 'cpu' ? 1024 : 2048,
      seq = tokens(T, 3);
    choice.directMaxLen = 0; // every length by FFT on typed arrays
    const long = (await model.forward(seq, 1)).logprobs;
    choice.longConv = directCausalConv; // the direct sum on typed arrays
    const direct = (await model.forward(seq, 1)).logprobs;
    expect(maxDiff(long, direct)).toBeLessThan(1e-4);
    choice.directMaxLen = Infinity; // one depthwise conv on the backend
    expect(maxDiff((await model.forward(seq, 1)).logprobs, direct)).toBeLessThan(1e-4);
    choice.directMaxLen = 0;
    // windowed reference: a causal model's positions < 300 see only bases < 300
    const window = (await model.forward(seq.subarray(0, 300), 1)).logprobs;
    expect(maxDiff(long.subarray(0, 300 * 4), window)).toBeLessThan(1e-4);
    // not vacuous: later positions differ from the window's last distribution, and a batch of two rows is two passes
    expect(maxDiff(long.subarray(300 * 4, 301 * 4), window.subarray(299 * 4))).toBeGreaterThan(1e-3);
    const other = tokens(T, 5);
    const both = (await model.forward(Int32Array.from([...seq, ...other]), 2)).logprobs;
    expect(maxDiff(both.subarray(0, T * 4), direct)).toBeLessThan(1e-4);
    expect(maxDiff(both.subarray(T * 4), (await model.forward(other, 1)).logprobs)).toBeLessThan(1e-4);
    await expect(model.forward(new Int32Array(model.context + 1), 1)).rejects.toThrow(
      /reads at most 2048 bases in one pass/,
    );
    model.dispose();
    expect(tf.memory().numTensors).toBe(atStart);
  }, 120_000);
});

describe('Hyena batches', () => {
  it('runs a batch past 32,768 tokens in groups, each row as it is alone', async () => {
    await useNodeBackend('wasm');
    const model = await loadModel(fileSource(FIXTURE));
    const T = 2048,
      B = 17; // 34,816 tokens: groups of 16 and 1
    const rows = Array.from({ length: B }, (_, b) => tokens(T, b + 1));
    const all = (await model.forward(Int32Array.from(rows.flatMap((r) => [...r])), B)).logprobs;
    for (const b of [0, 15, 16])
      expect(
        maxDiff(all.subarray(b * T * 4, (b + 1) * T * 4), (await model.forward(rows[b]!, 1)).logprobs),
      ).toBeLessThan(1e-5);
    model.dispose();
  }, 120_000);
});
