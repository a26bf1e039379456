// The dependency map of the bundled models against a direct computation: one full forward pass per
// substitution and the definition written out again here, and no tensors left behind over repeated maps.
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { encode } from '../../genome/tokens';
import { loadModel } from '../../model/loadModel';
import { fileSource } from '../../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../../node/nodeRuntime';
import { dependencyMap } from './dependencyMap';

const SEQ = 'GGCTTAACCGGTATCGATCGGATCCAT'; // 27 bases of no particular origin

/** log2 odds at every position, written out independently of odds.ts. */
function directOdds(lp: Float32Array): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < lp.length / 4; j++) {
    const p = [0, 1, 2, 3].map((k) => Math.exp(lp[j * 4 + k]!) + 1e-10);
    const s = p[0]! + p[1]! + p[2]! + p[3]!;
    out.push(p.map((x) => Math.log2(x / s / (1 - x / s))));
  }
  return out;
}

describe('dependency maps of the bundled models', () => {
  for (const id of ['mlm-hybrid-chr22', 'clm-hybrid-chr22', 'markov-k9-chr22']) {
    it(`match one full pass per substitution (${id})`, async () => {
      await useNodeBackend('wasm');
      const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', id)));
      try {
        const tokens = encode(SEQ);
        const n = SEQ.length;
        const map = await dependencyMap(model, tokens, 0, n);
        const ref = directOdds((await model.forward(tokens, 1)).logprobs);
        const best = new Float64Array(n * n);
        const mutOdds = new Map<number, number[][]>();
        for (let i = 0; i < n; i++) {
          for (let a = 0; a < 4; a++) {
            if (a === tokens[i]) continue;
            const t = tokens.slice();
            t[i] = a;
            const mut = directOdds((await model.forward(t, 1)).logprobs);
            mutOdds.set(i * 4 + a, mut);
            for (let j = 0; j < n; j++) {
              if (j === i) continue;
              for (let k = 0; k < 4; k++)
                best[i * n + j] = Math.max(best[i * n + j]!, Math.abs(mut[j]![k]! - ref[j]![k]!));
            }
          }
        }
        let maxDiff = 0,
          upper = 0;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const v = map.values[i * n + j]!;
            maxDiff = Math.max(maxDiff, Math.abs(v - best[i * n + j]!));
            if (j > i) upper += v;
            if (i === j) continue;
            // the substitution and target base named give the value (up to rounding)
            const am = map.argmax[i * n + j]!;
            const mut = mutOdds.get(i * 4 + (am >> 2))!;
            expect(Math.abs(mut[j]![am & 3]! - ref[j]![am & 3]!)).toBeCloseTo(v, 3);
          }
        }
        expect(maxDiff).toBeLessThan(2e-3);
        expect(upper / ((n * (n - 1)) / 2)).toBeGreaterThan(0.01); // the model does respond to substitutions
        if (model.objective === 'mlm') expect(map.passes).toBe(3 * n + 1); // one reference pass, then the substitutions
        if (model.objective === 'clm')
          for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(map.values[i * n + j]).toBe(0);
      } finally {
        model.dispose();
      }
    }, 120_000);
  }

  it('splices conv rows exactly: startSubstitutions equals full passes on a row longer than the conv reach', async () => {
    await useNodeBackend('wasm');
    const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', 'mlm-hybrid-chr22')));
    try {
      let x = 7;
      const tokens = Int32Array.from({ length: 300 }, () => ((x = (x * 1103515245 + 12345) % 2147483648) >> 16) & 3);
      // sites at the row's ends, and within a block's reach of them (the cut-outs of some blocks end there)
      const subs = [0, 3, 20, 45, 61, 150, 238, 270, 299].map((at) => ({ at, alt: (tokens[at]! + 1) % 4 }));
      const reaches = (model as unknown as { convReaches: number[] }).convReaches;
      expect(reaches.reduce((a, b) => a + b, 0)).toBe(60); // kernel 9, dilations 1, 2, 4, 8
      if (model.reuse.kind !== 'substitutions') throw new Error('a masked hybrid declares substitution reruns');
      const session = await model.reuse.start(tokens);
      const got = {
        ref: session.ref,
        alts: [...(await session.run(subs.slice(0, 4))), ...(await session.run(subs.slice(4)))],
      };
      session.dispose();
      const full = (await model.forward(tokens, 1)).logprobs;
      expect(Math.max(...full.map((v, q) => Math.abs(v - got.ref[q]!)))).toBeLessThan(1e-5);
      let maxDiff = 0;
      for (const [k, s] of subs.entries()) {
        const t = tokens.slice();
        t[s.at] = s.alt;
        const want = (await model.forward(t, 1)).logprobs;
        for (let q = 0; q < want.length; q++) maxDiff = Math.max(maxDiff, Math.abs(want[q]! - got.alts[k]![q]!));
      }
      expect(maxDiff).toBeLessThan(1e-4);
    } finally {
      model.dispose();
    }
  }, 120_000);

  it('leaves no tensors behind over repeated maps', async () => {
    await useNodeBackend('wasm');
    for (const id of ['mlm-hybrid-chr22', 'clm-hybrid-chr22']) {
      const atStart = tf.memory().numTensors;
      const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', id)));
      const tokens = encode(SEQ);
      // a map, then one cancelled between two groups of a causal model's shared passes (54 bases)
      const round = async () => {
        await dependencyMap(model, tokens, 2, 14, { strands: 'both' });
        const ctl = new AbortController();
        await expect(
          dependencyMap(model, encode(SEQ + SEQ), 0, 54, {
            signal: ctl.signal,
            onProgress: (d) => {
              if (d > 3) ctl.abort();
            },
          }),
        ).rejects.toThrow('Cancelled');
      };
      await round(); // the baseline includes the model's resident ALiBi biases for these two lengths
      const before = tf.memory().numTensors;
      for (let k = 0; k < 3; k++) await round();
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
      expect(tf.memory().numTensors).toBe(atStart);
    }
  }, 120_000);
});
