// npx tsx src/cli/benchGpn.ts [cpu|wasm]: a random-weight GPN ConvNet the size of songlab/gpn-brassicales
// (its config.json: hidden 512, 25 layers, kernel 9, dilation cycle 6, max 32) built and run on one 512-base
// window in Node (wasm by default): build time, first and second pass times, and the process's peak RSS.

import * as tf from '@tensorflow/tfjs-core';
import type { NamedTensors } from '../model/family';
import { gpn } from '../model/families/gpn';
import { logits } from '../model/network';
import { useNodeBackend } from '../node/nodeRuntime';

/** songlab/gpn-brassicales config.json as published (keys it omits take ConvNetConfig's defaults). */
const BRASSICALES = {
  architectures: ['ConvNetForMaskedLM'],
  model_type: 'ConvNet',
  vocab_size: 7,
  hidden_size: 512,
  n_layers: 25,
  kernel_size: 9,
  dilation_cycle: 6,
  dilation_double_every: 1,
  dilation_max: 32,
  initializer_range: 0.02,
};
const T = 512;

/** Deterministic uniform noise, scale s (a xorshift: the timing does not depend on the values). */
function noise(n: number, s: number, seed: number): Float32Array {
  let x = seed | 1;
  return Float32Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 2 ** 32 - 0.5) * 2 * s;
  });
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function main(): Promise<void> {
  const backend = (process.argv[2] ?? 'wasm') as 'cpu' | 'wasm';
  await useNodeBackend(backend);
  const config = gpn.readConfig(BRASSICALES, 'gpn-brassicales config.json');
  const table = gpn.weights(config);
  const weights: NamedTensors = new Map();
  table.forEach((e, i) => {
    const n = e.shape.reduce((a, b) => a * b, 1);
    weights.set(e.name, { shape: [...e.shape], data: noise(n, e.shape.length > 1 ? 0.02 : 0.1, i + 1) });
  });
  const params = table.reduce((a, e) => a + e.shape.reduce((x, y) => x * y, 1), 0);
  console.log(`${backend}: ${params.toLocaleString('en-US')} parameters, dilations ${config.dilations.join(' ')}`);
  console.log(`RSS with the weights as Float32Arrays: ${mb(process.memoryUsage().rss)}`);

  // CPU time beside wall time: on a shared machine the wall time includes waiting for a core
  let t0 = performance.now(),
    cpu0 = process.cpuUsage();
  const took = () => {
    const { user, system } = process.cpuUsage(cpu0);
    return `${(performance.now() - t0).toFixed(0)} ms (CPU ${((user + system) / 1000).toFixed(0)} ms)`;
  };
  const net = gpn.build(config, weights);
  weights.clear(); // the tensors hold their own copies now, as after a load in the app
  console.log(`build: ${took()}, RSS ${mb(process.memoryUsage().rss)}`);

  const ids = Int32Array.from({ length: T }, (_, i) => 3 + ((i * 7 + (i >> 3)) % 4)); // a c g t
  for (const pass of ['first', 'second']) {
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    const out = tf.tidy(() => logits(net, tf.tensor2d(ids, [1, T], 'int32')));
    const data = await out.data();
    out.dispose();
    const finite = data.every(Number.isFinite);
    const ms = took();
    console.log(
      `${pass} pass of ${T} bases: ${ms}, logits [1, ${T}, ${data.length / T}] all finite: ${finite}, ` +
        `RSS ${mb(process.memoryUsage().rss)}`,
    );
  }
  net.dispose();
  // maxRSS is in kilobytes (Node's process.resourceUsage)
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(`peak RSS of the process: ${mb(peak)}; tensors left: ${tf.memory().numTensors}`);
}

await main();
