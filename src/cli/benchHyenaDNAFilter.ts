// Memory and time of one HyenaDNA block's implicit filter at medium-160k's size (160,002 lags, d_model 256,
// filter MLP width 64, 5 positional features), random weights: what the filter bank holds per block and the
// process's peak while computing it. Linux only (reads VmHWM, resets it through clear_refs).
// Run: npx tsx src/cli/benchHyenaDNAFilter.ts [wasm|cpu]

import { readFileSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { computeFilter, type FilterParams } from '../model/families/hyenadna/filter';
import { useNodeBackend } from '../node/nodeRuntime';

const LAGS = 160_002,
  D = 256,
  ORDER = 64,
  EMB = 5;
const MB = 2 ** 20;

/** The kernel's VmRSS / VmHWM lines, in MiB. */
function status(key: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(key))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

const backend = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
await useNodeBackend(backend);
let seed = 1;
const noise = (n: number, scale: number) =>
  Float32Array.from({ length: n }, () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed / 2 ** 32 - 0.5) * scale;
  });
const fc = (inp: number) => ({
  w: tf.tensor2d(noise(inp * ORDER, 0.5), [inp, ORDER]),
  b: tf.tensor1d(noise(ORDER, 0.1)),
});
const freq = tf.tensor1d(noise(ORDER, 1).map((v) => 10 + v));
const p: FilterParams = {
  mlp: {
    fc: [fc(EMB), fc(ORDER), fc(ORDER)],
    freq: [freq, freq, freq],
    out: tf.tensor2d(noise(ORDER * D, 0.2), [ORDER, D]),
  },
  z: noise(LAGS * EMB, 2),
  t: Float32Array.from({ length: LAGS }, (_, j) => j / (LAGS - 1)),
  rate: noise(D, 2).map(Math.abs),
};
// warm the backend's kernels on a short filter, then measure from a reset high-water mark
computeFilter(p, 1024, D, 0.05);
writeFileSync('/proc/self/clear_refs', '5');
const rss0 = status('VmRSS');
const t0 = performance.now();
const k = computeFilter(p, LAGS, D, 0.05);
const seconds = (performance.now() - t0) / 1000;
const peak = status('VmHWM'),
  rss1 = status('VmRSS');
const mib = (bytes: number) => `${(bytes / MB).toFixed(1)} MiB`;
const size = `${LAGS.toLocaleString('en-US')} lags x ${D} channels`;
console.log(`backend ${backend}: filter of ${size} in ${seconds.toFixed(1)} s`);
console.log(`  kept per block: ${mib(k.byteLength)} (float32); x 8 blocks: ${mib(8 * k.byteLength)}`);
console.log(`  RSS before ${rss0.toFixed(0)} MiB, after ${rss1.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB`);
console.log(`  peak - before: ${(peak - rss0).toFixed(0)} MiB`);
console.log(`  tensors alive after: ${tf.memory().numTensors} (the MLP's weights)`);
