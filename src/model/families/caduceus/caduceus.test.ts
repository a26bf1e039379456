// Caduceus against the official code's logits (reference-models caduceus-ph / caduceus-ps, tolerance 3e-5) on
// tfjs cpu and wasm, with checks that the comparison can fail; RC equivariance of ps as a property of its own;
// the paths the fixtures do not take (batches, untied projections, biases) against the ones they do.

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../node/nodeRuntime';
import { resolveWeights } from '../../formats/resolveWeights';
import type { CaduceusConfig } from './config';
import { caduceus } from './index';
import { fixture, load, maxDiff, type Reference, run, TOL } from './testFixtures';

const lengths = (ref: Reference) => ref.inputs.map((x) => x.token_ids.length).join(', ');

describe.each(['cpu', 'wasm'] as const)('Caduceus on %s', (backend) => {
  const title = '%s gives every logit of the official code within 3e-5, and frees what it made';
  it.each(['caduceus-ph', 'caduceus-ps'] as const)(title, async (name) => {
    await useNodeBackend(backend);
    const start = tf.memory().numTensors;
    const { net, ref } = load(name);
    const errors = ref.inputs.map((input, i) => {
      const out = ref.outputs[i]!;
      expect(out.shape).toEqual([input.token_ids.length, 16]);
      return maxDiff(run(net, input.token_ids), out.logits.flat());
    });
    const shown = errors.map((e) => e.toExponential(2)).join(', ');
    console.log(`${name} on ${backend}: max abs error per input (lengths ${lengths(ref)}): ${shown}`);
    for (const e of errors) expect(e).toBeLessThan(TOL);
    net.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('Caduceus checks are not vacuous', () => {
  it('a non-swapping ps path, or one perturbed weight, moves the logits far past the tolerance', async () => {
    await useNodeBackend('wasm');
    // RCPSAddNormWrapper's path (no swap): the official code's logits for it differ from the fused path's by
    // checks.nonfused_path_same_weights_max_abs_diff, which this path must reproduce
    const plain = load('caduceus-ps', (c) => ({ ...c, fusedAddNorm: false }));
    const { inputs, outputs, checks } = plain.ref;
    const errors = inputs.map((x, i) => maxDiff(run(plain.net, x.token_ids), outputs[i]!.logits.flat()));
    const unswapped = Math.max(...errors);
    plain.net.dispose();
    expect(Math.abs(unswapped - checks.nonfused_path_same_weights_max_abs_diff!)).toBeLessThan(2 * TOL);
    const perturbed = [
      ['caduceus-ph', 'layers.1.mamba_rev.D'],
      ['caduceus-ps', 'layers.0.mamba_rev.D'],
    ] as const;
    for (const [name, weight] of perturbed) {
      const { json, raw, ref } = fixture(name);
      const config = caduceus.readConfig(json, name);
      const weights = resolveWeights(caduceus.weights(config), raw, name);
      (weights.get(weight)!.data as Float32Array)[5]! += 0.05;
      const net = caduceus.build(config, weights),
        last = ref.inputs.length - 1;
      const moved = maxDiff(run(net, ref.inputs[last]!.token_ids), ref.outputs[last]!.logits.flat());
      net.dispose();
      console.log(
        `${name}: ${weight}[5] + 0.05 moves the logits by up to ${moved.toExponential(2)}; ` +
          `the unswapped path by ${unswapped.toFixed(3)}`,
      );
      expect(moved).toBeGreaterThan(30 * TOL);
    }
  });

  it('ps is reverse-complement equivariant: logits(rc x)[t, v] = logits(x)[L-1-t, comp v]; ph is not', async () => {
    await useNodeBackend('wasm');
    for (const name of ['caduceus-ps', 'caduceus-ph'] as const) {
      const { net, ref, config } = load(name);
      const ids = ref.inputs[1]!.token_ids,
        L = ids.length,
        V = config.vocabSize,
        comp = config.complementMap;
      const rc = ids.map((_, t) => comp[ids[L - 1 - t]!]!);
      const a = run(net, ids),
        b = run(net, rc);
      // row t, column v of the rc input's logits against row L-1-t, column comp v of the input's
      const mirrored = Float32Array.from({ length: L * V }, (_, k) => a[(L - 1 - ((k / V) | 0)) * V + comp[k % V]!]!);
      const diff = maxDiff(b, mirrored);
      net.dispose();
      if (name === 'caduceus-ps') expect(diff).toBeLessThan(1e-5);
      else expect(diff).toBeGreaterThan(1e-2);
    }
  });
});

describe('Caduceus paths the fixtures do not take', () => {
  it('a batch of rows gives each row as it is alone', async () => {
    await useNodeBackend('wasm');
    for (const name of ['caduceus-ps', 'caduceus-ph'] as const) {
      const { net, ref, config } = load(name);
      const a = ref.inputs[1]!.token_ids,
        b = a.map((_, t) => config.complementMap[a[a.length - 1 - t]!]!);
      const both = run(net, [...a, ...b], 2),
        V = config.vocabSize;
      expect(maxDiff(both.subarray(0, a.length * V), run(net, a))).toBeLessThan(1e-6);
      expect(maxDiff(both.subarray(a.length * V), run(net, b))).toBeLessThan(1e-6);
      net.dispose();
    }
  });

  it('untied in_proj / out_proj holding the tied values, and zero biases, give the tied logits', async () => {
    await useNodeBackend('cpu');
    for (const name of ['caduceus-ps', 'caduceus-ph'] as const) {
      const { config, weights, ref } = load(name);
      const untied: CaduceusConfig = { ...config, weightTie: false, mamba: { ...config.mamba, bias: true } };
      for (const e of caduceus.weights(untied)) {
        if (weights.has(e.name)) continue;
        const twin = weights.get(e.name.replace('mamba_rev', 'mamba_fwd'))?.data as Float32Array | undefined;
        const data = twin ? Float32Array.from(twin) : new Float32Array(e.shape[0]!); // the biases: zeros
        weights.set(e.name, { shape: [...e.shape], data });
      }
      const i = ref.inputs.length - 1,
        expected = ref.outputs[i]!.logits.flat();
      const net = caduceus.build(untied, weights);
      expect(maxDiff(run(net, ref.inputs[i]!.token_ids), expected)).toBeLessThan(TOL);
      net.dispose();
      // and mamba_rev's own copy is what its module reads
      (weights.get('layers.0.mamba_rev.in_proj.weight')!.data as Float32Array)[5]! += 0.05;
      const moved = caduceus.build(untied, weights);
      expect(maxDiff(run(moved, ref.inputs[i]!.token_ids), expected)).toBeGreaterThan(30 * TOL);
      moved.dispose();
    }
  });
});
