// geluErf against a float64 GELU: tfjs's erf is a polynomial approximation (Abramowitz-Stegun 7.1.26 on cpu).

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../node/nodeRuntime';
import { gelu } from './gelu';
import { geluErf } from './geluErf';

/** erf in float64: 2/sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (1 3 ... (2n+1)), a series of positive terms. */
function erf64(x: number): number {
  const a = Math.abs(x);
  let term = a,
    sum = a;
  for (let n = 1; n < 1000 && term > 1e-17 * sum; n++) {
    term *= (2 * a * a) / (2 * n + 1);
    sum += term;
  }
  return Math.sign(x) * Math.min(1, (2 / Math.sqrt(Math.PI)) * Math.exp(-a * a) * sum);
}

describe.each(['cpu', 'wasm'] as const)('geluErf on %s', (backend) => {
  it('is within 1e-6 of the float64 x/2 (1 + erf(x/sqrt 2)) on [-10, 10]', async () => {
    await useNodeBackend(backend);
    expect(erf64(1)).toBeCloseTo(0.8427007929497149, 15); // erf(1), from tables
    const xs = Float32Array.from({ length: 200_001 }, (_, i) => -10 + i * 1e-4);
    const exact = Float64Array.from(xs, (x) => 0.5 * x * (1 + erf64(x * Math.SQRT1_2)));
    const maxError = (f: (x: tf.Tensor) => tf.Tensor, want = exact) => {
      const y = tf.tidy(() => f(tf.tensor1d(xs)).dataSync() as Float32Array);
      return y.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0);
    };
    const err = maxError(geluErf);
    const erfErr = maxError(tf.erf, Float64Array.from(xs, erf64));
    const shown = `tf.erf ${erfErr.toExponential(2)}, geluErf ${err.toExponential(2)}`;
    console.log(`${backend}, max abs error on [-10, 10]: ${shown}`);
    expect(err).toBeLessThan(1e-6);
    expect(maxError(gelu)).toBeGreaterThan(1e-4); // the tanh form is told apart
  });
});
