// Mamba's delta is tf.softplus(dt): checked here against PyTorch's softplus in float64 (x above 20, else
// log1p(e^x)) on both Node backends. Composing it from tf.log1p would not do: tfjs-wasm's log1p is log(1 + x),
// which returns 0 for x = 1e-10.

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../node/nodeRuntime';

const exact = (x: number) => (x > 20 ? x : Math.log1p(Math.exp(x)));

describe.each(['cpu', 'wasm'] as const)('tf.softplus on %s', (backend) => {
  it("is within 5e-7 (relative) of PyTorch's softplus on [-60, 60], and x itself above 20", async () => {
    await useNodeBackend(backend);
    const xs = Float32Array.from({ length: 120_001 }, (_, i) => -60 + i * 1e-3);
    const y = tf.tidy(() => tf.softplus(tf.tensor1d(xs)).dataSync() as Float32Array);
    const worst = y.reduce((m, v, i) => Math.max(m, Math.abs(v - exact(xs[i]!)) / exact(xs[i]!)), 0);
    console.log(`${backend}: tf.softplus, max relative error on [-60, 60]: ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(5e-7);
    expect(tf.tidy(() => [...tf.softplus(tf.tensor1d([20.5, 25, 80])).dataSync()])).toEqual([20.5, 25, 80]);
    // the composition this avoids: log1p loses a small argument on wasm
    const log1p = tf.tidy(() => tf.log1p(tf.scalar(1e-10)).dataSync()[0]!);
    expect(backend === 'wasm' ? log1p === 0 : Math.abs(log1p / 1e-10 - 1) < 1e-6).toBe(true);
  });
});
