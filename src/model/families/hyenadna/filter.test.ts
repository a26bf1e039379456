// HyenaDNA's filter bank: the decay window and the chunked MLP evaluation against a hand-computed filter, and
// filters computed once for the lags the passes need (grown by powers of two, capped at l_max), within a budget.

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../node/nodeRuntime';
import { computeFilter, FilterBank, type FilterParams } from './filter';

const L = 40_000,
  D = 2;

/** A filter MLP with no hidden layer (h = z @ out, out = [1, -2]) over z_j = j / L: k is known in closed form. */
function params(): FilterParams {
  return {
    mlp: { fc: [], freq: [], out: tf.tensor2d([[1, -2]]) },
    z: Float32Array.from({ length: L }, (_, j) => j / L),
    t: Float32Array.from({ length: L }, (_, j) => j / (L - 1)),
    rate: Float32Array.from([0.5, 30]),
  };
}

describe('HyenaDNA implicit filter', () => {
  it('is h (exp(-t |deltas|) + shift) at every lag, across the chunks it is computed in', async () => {
    await useNodeBackend('cpu');
    const p = params();
    const k = computeFilter(p, L, D, 0.05);
    expect(k.length).toBe(L * D);
    let worst = 0;
    for (let j = 0; j < L; j++) {
      for (let d = 0; d < D; d++) {
        const expected = (j / L) * [1, -2][d]! * (Math.exp(-(j / (L - 1)) * p.rate[d]!) + 0.05);
        worst = Math.max(worst, Math.abs(k[j * D + d]! - expected));
      }
    }
    expect(worst).toBeLessThan(1e-6);
    // not vacuous: the window matters (channel 1 decays to the shift: -2 * (e^-30 + 0.05) at the last lag)
    expect(k[(L - 1) * D + 1]).toBeCloseTo(-2 * ((L - 1) / L) * (Math.exp(-30) + 0.05), 5);
    p.mlp.out.dispose();
  });

  it('is computed once per length: 1,024 lags for short passes, then powers of two, capped at l_max', async () => {
    await useNodeBackend('cpu');
    const p = params();
    const start = tf.memory().numTensors;
    const bank = new FilterBank([p], 3000, D, 0.05);
    const short = bank.filter(0, 37);
    expect(short.length).toBe(1024 * D);
    expect(bank.filter(0, 1024)).toBe(short); // the same array: not recomputed
    const longer = bank.filter(0, 1025);
    expect(longer.length).toBe(2048 * D);
    expect(longer.subarray(0, 1024 * D)).toEqual(short);
    expect(bank.filter(0, 2049).length).toBe(3000 * D);
    expect(() => bank.filter(0, 3001)).toThrow(/defined for 3000 lags/);
    expect(tf.memory().numTensors).toBe(start);
    p.mlp.out.dispose();
  });

  it("keeps filters up to its byte budget; past it, a block's filter is computed for each use and equal", async () => {
    await useNodeBackend('cpu');
    const p = params();
    const bank = new FilterBank([p, p, p], 3000, D, 0.05, 2 * 1024 * D * 4); // room for two 1,024-lag filters
    const [a, b, c] = [0, 1, 2].map((i) => bank.filter(i, 37));
    expect([bank.filter(0, 37) === a, bank.filter(1, 37) === b]).toEqual([true, true]); // kept
    const again = bank.filter(2, 37);
    expect(again).not.toBe(c); // computed anew
    expect(again).toEqual(c);
    p.mlp.out.dispose();
  });
});
