// Caduceus against the official code's logits (reference-models caduceus-ph / caduceus-ps, tolerance 3e-5), on
// tfjs cpu and wasm; RC equivariance of ps as its own property; refusals of configs that do not fit.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, useNodeBackend } from '../../../node/nodeRuntime';
import { resolveWeights } from '../../formats/resolveWeights';
import { readSafetensors } from '../../formats/safetensors';
import { ModelFormatError } from '../../manifest';
import { logits } from '../../network';
import type { CaduceusConfig } from './config';
import { caduceus } from './index';

const TOL = 3e-5;
const ROOT = [process.env.REFERENCE_MODELS, join(REPO_ROOT, '../shared/reference-models'), join(REPO_ROOT, '../../shared/reference-models')]
  .find((d): d is string => !!d && existsSync(d));

interface Reference { inputs: { token_ids: number[] }[]; outputs: { shape: [number, number]; logits: number[][] }[]; checks: Record<string, number> }

function fixture(name: 'caduceus-ph' | 'caduceus-ps') {
  if (!ROOT) throw new Error('reference-models not found: set REFERENCE_MODELS to the folder holding caduceus-ph/ and caduceus-ps/');
  const dir = join(ROOT, name);
  const json = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  const raw = readSafetensors(new Uint8Array(readFileSync(join(dir, 'model.safetensors'))), `${name}/model.safetensors`);
  const ref = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as Reference;
  return { json, raw, ref };
}

function load(name: 'caduceus-ph' | 'caduceus-ps', patch: (c: CaduceusConfig) => CaduceusConfig = (c) => c) {
  const { json, raw, ref } = fixture(name);
  const config = patch(caduceus.readConfig(json, `${name}/config.json`));
  const weights = resolveWeights(caduceus.weights(config), raw, `${name}/model.safetensors`);
  return { config, weights, ref, net: caduceus.build(config, weights) };
}

/** Logits [L, V] of one unbatched input. */
function run(net: ReturnType<typeof load>['net'], ids: readonly number[]): Float32Array {
  const out = tf.tidy(() => logits(net, tf.tensor2d(Int32Array.from(ids), [1, ids.length], 'int32')));
  const data = out.dataSync() as Float32Array;
  out.dispose();
  return data;
}

const maxDiff = (a: Float32Array, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe.each(['cpu', 'wasm'] as const)('Caduceus on %s', (backend) => {
  it.each(['caduceus-ph', 'caduceus-ps'] as const)('%s reproduces every logit of the official code within 3e-5, and frees what it made', async (name) => {
    await useNodeBackend(backend);
    const start = tf.memory().numTensors;
    const { net, ref } = load(name);
    const errors = ref.inputs.map((input, i) => {
      const out = ref.outputs[i]!;
      expect(out.shape).toEqual([input.token_ids.length, 16]);
      return maxDiff(run(net, input.token_ids), out.logits.flat());
    });
    console.log(`${name} on ${backend}: max abs error per input (lengths ${ref.inputs.map((x) => x.token_ids.length).join(', ')}): ${errors.map((e) => e.toExponential(2)).join(', ')}`);
    for (const e of errors) expect(e).toBeLessThan(TOL);
    net.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('Caduceus checks are not vacuous', () => {
  const longest = (ref: Reference) => ref.inputs.length - 1;

  it('a non-swapping ps path, or one perturbed weight, moves the logits far past the tolerance', async () => {
    await useNodeBackend('wasm');
    // RCPSAddNormWrapper's path (no swap): the official code's logits for it differ from the fused path's by
    // checks.nonfused_path_same_weights_max_abs_diff, which this path must reproduce
    const plain = load('caduceus-ps', (c) => ({ ...c, fusedAddNorm: false }));
    const unswapped = Math.max(...plain.ref.inputs.map((x, i) => maxDiff(run(plain.net, x.token_ids), plain.ref.outputs[i]!.logits.flat())));
    plain.net.dispose();
    const official = plain.ref.checks.nonfused_path_same_weights_max_abs_diff!;
    expect(Math.abs(unswapped - official)).toBeLessThan(2 * TOL);
    for (const [fixtureName, weight] of [['caduceus-ph', 'layers.1.mamba_rev.D'], ['caduceus-ps', 'layers.0.mamba_rev.D']] as const) {
      const { json, raw, ref } = fixture(fixtureName);
      const config = caduceus.readConfig(json, fixtureName);
      const weights = resolveWeights(caduceus.weights(config), raw, fixtureName);
      const data = weights.get(weight)!.data as Float32Array;
      data[5] = data[5]! + 0.05;
      const net = caduceus.build(config, weights);
      const moved = maxDiff(run(net, ref.inputs[longest(ref)]!.token_ids), ref.outputs[longest(ref)]!.logits.flat());
      net.dispose();
      console.log(`${fixtureName}: ${weight}[5] + 0.05 moves the logits by up to ${moved.toExponential(2)}; the unswapped ps path by ${unswapped.toFixed(3)}`);
      expect(moved).toBeGreaterThan(30 * TOL);
    }
  });

  it('ps is reverse-complement equivariant: logits(rc x)[t, v] = logits(x)[L-1-t, comp v]; ph is not', async () => {
    await useNodeBackend('wasm');
    for (const name of ['caduceus-ps', 'caduceus-ph'] as const) {
      const { net, ref, config } = load(name);
      const ids = ref.inputs[1]!.token_ids, L = ids.length, V = config.vocabSize, comp = config.complementMap;
      const rc = ids.map((_, t) => comp[ids[L - 1 - t]!]!);
      const a = run(net, ids), b = run(net, rc);
      const mirrored = Float32Array.from({ length: L * V }, (_, k) => a[(L - 1 - Math.floor(k / V)) * V + comp[k % V]!]!);
      const diff = maxDiff(b, mirrored);
      net.dispose();
      if (name === 'caduceus-ps') expect(diff).toBeLessThan(1e-5);
      else expect(diff).toBeGreaterThan(1e-2);
    }
  });
});

describe('Caduceus refuses what does not fit', () => {
  it('a config whose sizes do not match the weights, naming the key and both shapes', () => {
    const { json, raw } = fixture('caduceus-ps');
    const config = caduceus.readConfig({ ...json, d_model: 48 }, 'config.json');
    expect(() => resolveWeights(caduceus.weights(config), raw, 'model.safetensors')).toThrow(
      /model\.safetensors: key caduceus\.backbone\.embeddings\.word_embeddings\.embedding\.weight has shape \[16, 32\]; the config implies \[16, 48\]/);
    const ph = caduceus.readConfig(fixture('caduceus-ph').json, 'config.json');
    expect(() => resolveWeights(caduceus.weights({ ...ph, mamba: { ...ph.mamba, dState: 8 } }), fixture('caduceus-ph').raw, 'model.safetensors')).toThrow(
      /key caduceus\.backbone\.layers\.0\.mixer\.mamba_fwd\.x_proj\.weight has shape \[34, 64\]; the config implies \[18, 64\]/);
    expect(() => resolveWeights(caduceus.weights(ph), raw, 'model.safetensors')).toThrow(ModelFormatError); // ph table, ps file
  });

  it('a complement_map that disagrees with the int64 buffers the ps file stores', () => {
    const { json, raw } = fixture('caduceus-ps');
    const map = { ...(json.complement_map as Record<string, number>), 12: 13, 13: 12 }; // padding ids: still Caduceus's tokenizer
    const config = caduceus.readConfig({ ...json, complement_map: map }, 'config.json');
    const weights = resolveWeights(caduceus.weights(config), raw, 'model.safetensors');
    expect(() => caduceus.build(config, weights)).toThrow(/key caduceus\.backbone\.embeddings\.word_embeddings\.complement_map maps id 12 to 12, but config\.json's complement_map .* maps it to 13/);
  });

  it('config keys it cannot honour, naming key, expected and found', () => {
    const { json } = fixture('caduceus-ph');
    const read = (patch: Record<string, unknown>) => () => caduceus.readConfig({ ...json, ...patch }, 'config.json');
    expect(read({ model_type: 'mamba' })).toThrow(/config\.json: model_type must be "caduceus"; found "mamba"/);
    expect(read({ bidirectional_strategy: 'ew_multiply' })).toThrow(/bidirectional_strategy must be "add" .*ew_multiply.* not implemented here\); found "ew_multiply"/);
    expect(read({ d_model: 0 })).toThrow(/d_model must be a positive integer; found 0/);
    expect(read({ n_layer: undefined })).toThrow(/n_layer must be a positive integer; found nothing/);
    expect(read({ ssm_cfg: { layer: 'Mamba2' } })).toThrow(/ssm_cfg\.layer must be absent \(not a Mamba v1 setting/);
    expect(read({ ssm_cfg: { dt_rank: 0 } })).toThrow(/ssm_cfg\.dt_rank must be "auto" or a positive integer; found 0/);
    expect(read({ d_intermediate: 1024 })).toThrow(/d_intermediate must be 0 or absent/);
    expect(read({ complement_map: { 0: 0, 1: 1 } })).toThrow(/complement_map must be that of a known tokenizer/);
    expect(read({ complement_map: undefined })).toThrow(/complement_map must be an object/);
  });
});

describe('Caduceus reads the published sizes', () => {
  const floatsOf = (c: CaduceusConfig) => caduceus.weights(c).filter((e) => e.dtype !== 'int64').reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);

  it('caduceus-ps_seqlen-131k_d_model-256_n_layer-16: 512-wide hidden states, its 30.9 MB file', () => {
    const { json } = fixture('caduceus-ps'); // the published config.json differs from the fixture's only in sizes
    const c = caduceus.readConfig({ ...json, d_model: 256, n_layer: 16 }, 'config.json');
    expect(caduceus.facts(c)).toMatchObject({ family: 'Caduceus', objective: 'mlm', context: 131_072, hiddenSize: 512, nHeads: 0,
      tokens: { ids: [7, 8, 9, 10, 11, 3, -1], baseColumns: [7, 8, 9, 10] } });
    expect(c.mamba).toMatchObject({ dInner: 512, dtRank: 16, dState: 16, dConv: 4 });
    // the model page lists model.safetensors at 30.9 MB: float32 tensors, tied ones once
    expect((floatsOf(c) * 4) / 1e6).toBeCloseTo(30.9, 1);
  });

  it('PlantCaduceus_l24 (its published config.json): the 7-token vocabulary, 1,024-wide hidden states', () => {
    const c = caduceus.readConfig({
      _name_or_path: 'yairschiff/caduceus_base', architectures: ['Caduceus'], bidirectional: true, bidirectional_strategy: 'add',
      bidirectional_weight_tie: true, complement_map: { 0: 0, 1: 1, 2: 2, 3: 6, 4: 5, 5: 4, 6: 3, 7: 7 }, d_model: 512,
      fused_add_norm: true, initializer_cfg: { initializer_range: 0.02, n_residuals_per_layer: 1, rescale_prenorm_residual: true },
      model_type: 'caduceus', n_layer: 24, norm_epsilon: 1e-5, pad_token_id: -100, pad_vocab_size_multiple: 8, rcps: true,
      residual_in_fp32: true, rms_norm: true, ssm_cfg: { bias: false, conv_bias: true, d_conv: 4, d_state: 16, dt_init: 'random',
        dt_init_floor: 1e-4, dt_max: 0.1, dt_min: 0.001, dt_rank: 'auto', dt_scale: 1.0, expand: 2, use_fast_path: true },
      torch_dtype: 'float32', transformers_version: '4.37.2', vocab_size: 8,
    }, 'PlantCaduceus_l24/config.json');
    expect(caduceus.facts(c)).toMatchObject({ context: 512, hiddenSize: 1024, tokens: { ids: [3, 4, 5, 6, 2, 1, -1], baseColumns: [3, 4, 5, 6] } });
    expect(c.vocabSize).toBe(8);
    // its files page lists pytorch_model.bin at 175 MB (its card says "40M parameters"): float32, tied tensors once
    expect((floatsOf(c) * 4) / 1e6).toBeGreaterThan(174);
    expect((floatsOf(c) * 4) / 1e6).toBeLessThan(175.5);
  });
});
