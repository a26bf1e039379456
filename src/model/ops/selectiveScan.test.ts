// The selective scan on hand-computed cases: delta = ln 2 with A = -1 / -2 decays the state by exp(-ln 2) = 1/2 and
// 1/4 per step; and its exp against Math.exp.

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../node/nodeRuntime';
import { cpuSelectiveScan, expNeg, type ScanGroup } from './selectiveScan';

const LN2 = Math.LN2;
const t3 = (v: number[], shape: [number, number, number]) => tf.tensor3d(v, shape);
const rounded = (v: tf.Tensor | number[]) => [...(Array.isArray(v) ? v : v.dataSync())].map((x) => +x.toFixed(6));

describe('selective scan', () => {
  it('decays, accumulates, adds the D skip, runs a group backwards, reads two groups at once', async () => {
    await useNodeBackend('cpu');
    const start = tf.memory().numTensors;
    // group 1: one sequence, L 3, Di 1, N 2: u = 1 everywhere, B = (1, 1), C = (1, 2), A = (-1, -2), D = 0.5
    const g1: ScanGroup = {
      u: t3([1, 1, 1], [1, 3, 1]),
      delta: t3([LN2, LN2, LN2], [1, 3, 1]),
      bc: t3([1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2], [1, 3, 4]),
      A: Float32Array.of(-1, -2),
      D: Float32Array.of(0.5),
      reverse: false,
    };
    // group 2: two sequences of an impulse at t = 0 (then u = 0), N 1, C 1, A -1, D 0.5; scanned backwards
    const g2: ScanGroup = {
      u: t3([1, 0, 0, 1, 0, 0], [2, 3, 1]),
      delta: t3(Array(6).fill(LN2), [2, 3, 1]),
      bc: t3(Array(12).fill(1), [2, 3, 2]),
      A: Float32Array.of(-1),
      D: Float32Array.of(0.5),
      reverse: true,
    };
    const [y1, y2] = cpuSelectiveScan([g1, g2]);
    // state 1: ln2, 1.5 ln2, 1.75 ln2; state 2 (times C = 2): ln2, 1.25 ln2, 1.3125 ln2
    const h1 = [1, 1.5, 1.75],
      h2 = [1, 1.25, 1.3125];
    const want1 = h1.map((h, t) => LN2 * (h + 2 * h2[t]!) + 0.5);
    y1!.dataSync().forEach((v, t) => expect(v).toBeCloseTo(want1[t]!, 6));
    // backwards, positions 1 and 2 are scanned before the impulse: only position 0 sees it
    expect(rounded(y2!)).toEqual(rounded([LN2 + 0.5, 0, 0, LN2 + 0.5, 0, 0]));
    // forwards the same impulse reaches every later position (the backwards result is not an accident)
    const [fwd] = cpuSelectiveScan([{ ...g2, reverse: false }]);
    expect(rounded(fwd!).slice(0, 3)).toEqual(rounded([LN2 + 0.5, LN2 / 2, LN2 / 4]));
    tf.dispose([y1!, y2!, fwd!, g1.u, g1.delta, g1.bc, g2.u, g2.delta, g2.bc]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('takes exp(delta A) within 4e-11 of Math.exp, down to underflow, and keeps a NaN', () => {
    let worst = 0;
    for (let i = 0; i <= 2_000_000; i++) {
      // w from 0 to 69,000: e^0 down to 2^-1078, past the clamp at 68,000
      const w = i * 0.0345,
        want = Math.exp((-w * Math.LN2) / 64);
      if (want > 1e-300) worst = Math.max(worst, Math.abs(expNeg(w) / want - 1));
      else expect(expNeg(w)).toBeLessThan(1e-300);
    }
    console.log(`expNeg: max relative error ${worst.toExponential(2)} on [0, 69000]`);
    expect(worst).toBeLessThan(4e-11);
    expect(worst).toBeGreaterThan(0); // an approximation, compared with the real thing
    expect(Number.isNaN(expNeg(NaN))).toBe(true);
    expect(expNeg(Infinity)).toBeLessThan(1e-300);
  });
});
