// HyenaDNA against its official code: the -hf fixture's logits (HyenaDNAForCausalLM, float32 PyTorch on CPU,
// shared/reference-models) on tfjs cpu and wasm, every row and all 16 columns within 3e-5 absolute; then that
// the check has teeth, that a pass reads l_max tokens, and that the network frees what it holds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../node/nodeRuntime';
import { readReference, referenceModelsDir } from '../../../node/referenceModels';
import type { NamedTensors } from '../../family';
import { resolveWeights } from '../../formats/resolveWeights';
import { readSafetensors } from '../../formats/safetensors';
import { hiddenStatesAsync, logits, type Network } from '../../network';
import type { HyenaDNAConfig } from './config';
import { hyenaDNA } from './index';
import { buildHyenaDNA } from './network';

/** shared/reference-models/README.md: a correct float32 implementation agrees within this. */
const TOLERANCE = 3e-5;

function loadHf() {
  const dir = join(referenceModelsDir(), 'hyenadna-hf');
  const config = hyenaDNA.readConfig(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')), 'config.json');
  const raw = readSafetensors(new Uint8Array(readFileSync(join(dir, 'model.safetensors'))), 'model.safetensors');
  const weights = resolveWeights(hyenaDNA.weights(config), raw, 'model.safetensors');
  return { config, raw, weights, cases: readReference('hyenadna-hf').cases };
}
const fixture = loadHf();
const longest = fixture.cases[2]!;

/** Logits [T, V] of one row of model ids. */
function run(net: Network, ids: readonly number[]): Float32Array {
  const out = tf.tidy(() => logits(net, tf.tensor2d([...ids], [1, ids.length], 'int32')));
  try {
    return out.dataSync() as Float32Array;
  } finally {
    out.dispose();
  }
}

/** The same through the awaited read-backs (hiddenStatesAsync: SequenceModel's path for this family). */
async function runAsync(net: Network, ids: readonly number[]): Promise<Float32Array> {
  const input = tf.tensor2d([...ids], [1, ids.length], 'int32');
  const h = await hiddenStatesAsync(net, input);
  const out = tf.tidy(() => net.head(h));
  try {
    return (await out.data()) as Float32Array;
  } finally {
    tf.dispose([input, h, out]);
  }
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe.each(['cpu', 'wasm'] as const)('HyenaDNA -hf fixture on %s', (backend) => {
  it('reproduces every logit of every reference input within 3e-5, and frees every tensor it made', async () => {
    await useNodeBackend(backend);
    const start = tf.memory().numTensors;
    const net = hyenaDNA.build(fixture.config, fixture.weights);
    for (const c of fixture.cases) {
      const got = run(net, c.tokenIds);
      expect([c.tokenIds.length, got.length / c.tokenIds.length]).toEqual(c.shape); // [L, 16]
      const err = maxDiff(got, c.logits);
      console.log(`HyenaDNA-hf ${backend}, ${c.tokenIds.length} tokens: max abs error ${err.toExponential(2)}`);
      expect(err).toBeLessThan(TOLERANCE);
    }
    net.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it("the one-depthwise-conv path (WebGPU's for short inputs) gives the same logits as the FFT path", async () => {
    await useNodeBackend(backend);
    const net = buildHyenaDNA(fixture.config, fixture.weights, { directMaxLen: Infinity });
    for (const c of fixture.cases) expect(maxDiff(run(net, c.tokenIds), c.logits)).toBeLessThan(TOLERANCE);
    net.dispose();
  });

  it("a long input's path (position-wise stages in chunks, of 100 here) gives the same logits", async () => {
    await useNodeBackend(backend);
    const start = tf.memory().numTensors;
    const net = buildHyenaDNA(fixture.config, fixture.weights, { positionChunk: 100 });
    expect(maxDiff(run(net, longest.tokenIds), longest.logits)).toBeLessThan(TOLERANCE); // 1,024 tokens: 11 chunks
    net.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('the awaited path gives the same logits whole and in chunks, and frees what it made', async () => {
    await useNodeBackend(backend);
    const start = tf.memory().numTensors;
    for (const positionChunk of [undefined, 100]) {
      const net = buildHyenaDNA(fixture.config, fixture.weights, { positionChunk });
      for (const c of fixture.cases) expect(maxDiff(await runAsync(net, c.tokenIds), c.logits)).toBeLessThan(TOLERANCE);
      net.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('HyenaDNA fixture check is not vacuous', () => {
  /** The longest input's max abs error with a changed config, weights or input. */
  async function errorWith(patch: Partial<HyenaDNAConfig>, mutate?: (w: NamedTensors) => void, ids = longest.tokenIds) {
    await useNodeBackend('wasm');
    const config = { ...fixture.config, ...patch };
    // fresh copies; a tied head reads the embedding, so the file's own head goes (a tied pair must be one tensor)
    const raw = patch.tiedHead ? new Map([...fixture.raw].filter(([k]) => k !== 'lm_head.weight')) : fixture.raw;
    const weights = resolveWeights(hyenaDNA.weights(config), raw, 'model.safetensors');
    mutate?.(weights);
    const net = hyenaDNA.build(config, weights);
    try {
      return maxDiff(run(net, ids), longest.logits);
    } finally {
      net.dispose();
    }
  }

  // each moves the logits more than 1e-3, 30x the tolerance
  it.each([
    [
      "one of layer 1's 64 Sin frequencies x 1.01",
      {},
      (w: NamedTensors) => {
        (w.get('layers.1.mixer.filter_fn.implicit_filter.1.freq')!.data as Float32Array)[5]! *= 1.01;
      },
    ],
    ["the training repo's modulation shift 0.0 instead of the ports' 0.05", { shift: 0 }, undefined],
    ['the word embeddings as the head (the -hf lm_head is its own tensor)', { tiedHead: true }, undefined],
    ["the blocks' LayerNorm eps 1e-6 instead of 1e-5", { blockEps: 1e-6 }, undefined],
  ] as const)('%s', async (_, patch, mutate) => {
    expect(await errorWith(patch, mutate)).toBeGreaterThan(1e-3);
  });

  it('input shifted one position (a start token before the bases, as a [CLS]-wrapped call would do)', async () => {
    expect(await errorWith({}, undefined, [0, ...longest.tokenIds.slice(0, -1)])).toBeGreaterThan(1e-3);
  });
});

describe('HyenaDNA input lengths', () => {
  it('reads l_max = 1,026 tokens in one pass, its first 1,024 rows the reference (causal); not 1,027', async () => {
    await useNodeBackend('wasm');
    const start = tf.memory().numTensors;
    const net = hyenaDNA.build(fixture.config, fixture.weights);
    const ids = [...longest.tokenIds, 7, 8];
    expect(hyenaDNA.facts(fixture.config).context).toBe(1026);
    const got = run(net, ids);
    expect(got.length).toBe(1026 * 16);
    expect(maxDiff(got.subarray(0, 1024 * 16), longest.logits)).toBeLessThan(TOLERANCE);
    expect(() => run(net, [...ids, 9])).toThrow(/reads at most 1026 tokens in one pass/);
    net.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it("a model with medium-160k's l_max reads 160,002 bases in one pass (narrow random weights)", async () => {
    await useNodeBackend('wasm');
    const json = { model_type: 'hyenadna', d_model: 8, n_layer: 1, d_inner: 16, vocab_size: 12, max_seq_len: 160_002 };
    const config = hyenaDNA.readConfig({ ...json, emb_dim: 5, filter_order: 16 }, 'synthetic');
    let seed = 7;
    const noise = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32 - 0.5;
    };
    const weights: NamedTensors = new Map(
      hyenaDNA.weights(config).map((e) => {
        const n = e.shape.reduce((a, b) => a * b, 1);
        const t = e.name.endsWith('pos_emb.t'); // lags 0..1, as the checkpoints hold them
        const data = Float32Array.from({ length: n }, (_, j) => (t ? j / (n - 1) : noise()));
        return [e.name, { shape: [...e.shape], data }];
      }),
    );
    const net = hyenaDNA.build(config, weights);
    const ids = Array.from({ length: 160_002 }, (_, i) => 7 + ((i * 7 + (i >> 5)) % 4));
    const long = run(net, ids);
    expect(long.every(Number.isFinite)).toBe(true);
    const head = run(net, ids.slice(0, 3000));
    expect(maxDiff(long.subarray(0, 3000 * 16), head)).toBeLessThan(1e-5);
    // not vacuous: rows past the short pass see more bases (the filter reaches back over all of them)
    expect(maxDiff(long.subarray(3000 * 16, 3001 * 16), head.subarray(2999 * 16))).toBeGreaterThan(1e-4);
    net.dispose();
  }, 300_000);
});
