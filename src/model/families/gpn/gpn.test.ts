// GPN ConvNet against the official code's logits (shared/reference-models/gpn-convnet), on cpu and wasm.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { encode } from '../../../genome/tokens';
import { useNodeBackend } from '../../../node/nodeRuntime';
import type { NamedTensors } from '../../family';
import { readSafetensors } from '../../formats/safetensors';
import { resolveWeights } from '../../formats/resolveWeights';
import { logits } from '../../network';
import { gelu } from '../../ops/gelu';
import { dilationSchedule, readGpnConfig } from './config';
import { gpn } from './index';

// the non-vacuity check swaps the exact GELU for the tanh one
const swap = vi.hoisted(() => ({ tanh: false }));
vi.mock('../../ops/geluErf', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../ops/geluErf')>();
  return { geluErf: (x: tf.Tensor) => (swap.tanh ? gelu(x) : real.geluErf(x)) };
});

const DIR = '/work/shared/reference-models/gpn-convnet';
const TOL = 3e-5;

interface Reference {
  dilation_schedule: number[];
  inputs: { sequence: string; token_ids: number[]; masked_positions: number[] }[];
  outputs: { shape: [number, number]; logits: number[][] }[];
}
const ref = JSON.parse(readFileSync(join(DIR, 'reference.json'), 'utf8')) as Reference;
const configJson = JSON.parse(readFileSync(join(DIR, 'config.json'), 'utf8')) as Record<string, unknown>;
const raw = readSafetensors(new Uint8Array(readFileSync(join(DIR, 'model.safetensors'))), 'model.safetensors');

function load(json: Record<string, unknown> = configJson) {
  const config = gpn.readConfig(json, 'config.json');
  return { config, weights: resolveWeights(gpn.weights(config), raw, 'model.safetensors') };
}

/** Max |logit - reference| over every row and column of every fixture input. */
function maxErrors(weights?: NamedTensors): number[] {
  const { config, weights: w } = load();
  const net = gpn.build(config, weights ?? w);
  const errs = ref.inputs.map((input, i) => {
    const want = ref.outputs[i]!;
    const L = input.token_ids.length;
    const got = tf.tidy(() => logits(net, tf.tensor2d(input.token_ids, [1, L], 'int32')).arraySync()[0]!); // [L, V]
    expect([got.length, got[0]!.length]).toEqual(want.shape);
    return got.reduce((m, row, t) => row.reduce((mm, v, j) => Math.max(mm, Math.abs(v - want.logits[t]![j]!)), m), 0);
  });
  net.dispose();
  return errs;
}

describe.each(['cpu', 'wasm'] as const)('GPN ConvNet on %s', (backend) => {
  it('reproduces the official logits of every fixture input within 3e-5, and frees every tensor', async () => {
    await useNodeBackend(backend);
    const atStart = tf.memory().numTensors;
    const errs = maxErrors();
    const lengths = ref.inputs.map((x) => x.token_ids.length).join(', ');
    const shown = errs.map((e) => e.toExponential(3)).join(', ');
    console.log(`GPN ${backend}: max abs error per input (lengths ${lengths}): ${shown}`);
    for (const e of errs) expect(e).toBeLessThan(TOL);
    expect(tf.memory().numTensors).toBe(atStart);
  });

  it('is not vacuous: the tanh GELU, or one conv weight moved by 1e-3, misses the reference', async () => {
    await useNodeBackend(backend);
    swap.tanh = true;
    try {
      expect(Math.max(...maxErrors())).toBeGreaterThan(TOL);
    } finally {
      swap.tanh = false;
    }
    const { config, weights } = load();
    const w = weights.get('model.encoder.0.conv.1.weight')!;
    const data = Float32Array.from(w.data as Float32Array);
    const at = 3 * config.kernelSize + 4; // out 0, in 3 (the one-hot channel of 'a'), the centre tap
    data[at] = data[at]! + 1e-3;
    weights.set('model.encoder.0.conv.1.weight', { shape: w.shape, data });
    expect(Math.max(...maxErrors(weights))).toBeGreaterThan(TOL);
  });
});

describe('GPN config', () => {
  it("computes the fixture's dilation schedule and gpn-brassicales's", () => {
    expect(load().config.dilations).toEqual(ref.dilation_schedule);
    // songlab/gpn-brassicales config.json: no dilation_base (default 2), cycle 6, double every 1, max 32
    const published = readGpnConfig(
      {
        model_type: 'ConvNet',
        architectures: ['ConvNetForMaskedLM'],
        dilation_cycle: 6,
        dilation_double_every: 1,
        dilation_max: 32,
        hidden_size: 512,
        kernel_size: 9,
        n_layers: 25,
        vocab_size: 7,
      },
      'config.json',
    );
    expect(published.dilations).toEqual([...Array(4).fill([1, 2, 4, 8, 16, 32]).flat(), 1]);
    const halved = dilationSchedule({ ...published, nLayers: 6, dilationDoubleEvery: 2, dilationMax: 3 });
    expect(halved).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it("maps runtime tokens to the fixture's token ids", () => {
    const { ids } = gpn.facts(load().config).tokens;
    for (const input of ref.inputs) {
      const mapped = Array.from(encode(input.sequence), (t) => ids[t]!);
      for (const m of input.masked_positions) mapped[m] = ids[5]!; // [MASK]
      expect(mapped).toEqual(input.token_ids);
    }
    expect(ids[4]).toBe(2); // N -> [UNK]
  });

  it.each([
    [{ n_aux_features: 2 }, /n_aux_features: expected 0 .*found 2/],
    [{ vocab_size: 6 }, /vocab_size: expected 7 .*found 6/],
    [{ dilation_double_every: 0 }, /dilation_double_every: expected a positive integer, found 0/],
    [{ kernel_size: 'nine' }, /kernel_size: expected a positive integer, found "nine"/],
    [{ model_type: 'GPNRoFormer' }, /model_type: expected "ConvNet", found "GPNRoFormer"/],
    [{ architectures: ['ConvNetForSequenceClassification'] }, /architectures: expected \["ConvNetForMaskedLM"\]/],
  ])('refuses %o naming the key', (change, message) => {
    expect(() => gpn.readConfig({ ...configJson, ...change }, 'config.json')).toThrow(message);
  });

  it.each([
    [{ hidden_size: 48 }, 'model.encoder.0.conv.1.weight has shape [32, 32, 9]; the config implies [48, 48, 9]'],
    [{ kernel_size: 7 }, 'model.encoder.0.conv.1.weight has shape [32, 32, 9]; the config implies [32, 32, 7]'],
    [{ n_layers: 5 }, 'key model.encoder.4.conv.1.weight is missing; the config needs it with shape [32, 32, 9]'],
    [
      { n_layers: 3 },
      'keys model.encoder.3.conv.1.bias, model.encoder.3.conv.1.weight, model.encoder.3.conv.4.bias ' +
        'and 5 more are not part of this model',
    ],
  ])('refuses weights that do not match config %o, naming key and shapes', (change, message) => {
    expect(() => load({ ...configJson, ...change })).toThrow(message);
  });
});
