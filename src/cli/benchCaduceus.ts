// Time of one Caduceus forward pass in Node (wasm by default, one thread) with random weights at a published
// size (Caduceus-ps 131k: d_model 256, n_layer 16, rcps), the selective scan's share of it, and the memory a
// pass holds at its peak (tfjs tensors when a block's scan starts, plus the scan's typed arrays), per base.
//   npx tsx src/cli/benchCaduceus.ts [--length 1024 --runs 3 --backend wasm --ph]
// The pass runs in one tf.tidy, so the streams between blocks stay until it ends: x and residual, 2 x 2 x d_model
// floats per base per block with rcps (4 KB at d_model 256).

import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { NamedTensors } from '../model/family';
import { caduceus } from '../model/families/caduceus/index';
import { buildCaduceus } from '../model/families/caduceus/network';
import { logits } from '../model/network';
import { cpuSelectiveScan, type SelectiveScan } from '../model/ops/selectiveScan';
import { useNodeBackend } from '../node/nodeRuntime';
import { machineLine } from '../bench/machine';

const { values: args } = parseArgs({
  options: {
    length: { type: 'string', default: '1024' },
    runs: { type: 'string', default: '3' },
    backend: { type: 'string', default: 'wasm' },
    ph: { type: 'boolean', default: false },
  },
});

const complement = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [i, [10, 9, 8, 7][i - 7] ?? i]));
const config = caduceus.readConfig(
  {
    model_type: 'caduceus',
    d_model: 256,
    n_layer: 16,
    vocab_size: 16,
    pad_vocab_size_multiple: 8,
    rcps: !args.ph,
    bidirectional: true,
    bidirectional_strategy: 'add',
    bidirectional_weight_tie: true,
    fused_add_norm: true,
    rms_norm: true,
    norm_epsilon: 1e-5,
    residual_in_fp32: false,
    complement_map: complement,
    ssm_cfg: { d_state: 16, d_conv: 4, expand: 2, dt_rank: 'auto', conv_bias: true, bias: false },
  },
  'bench config',
);

/** Random weights at the scales Mamba initialises them to (A = -(1..N), D = 1, dt between 1e-3 and 0.1). */
function randomWeights(): NamedTensors {
  let seed = 1;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const out: NamedTensors = new Map();
  for (const e of caduceus.weights(config)) {
    const n = e.shape.reduce((a, b) => a * b, 1),
      last = e.name.split('.').pop();
    if (e.dtype === 'int64') {
      out.set(e.name, { shape: [...e.shape], data: BigInt64Array.from(config.complementMap, BigInt) });
      continue;
    }
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      if (last === 'A_log') data[i] = Math.log(1 + (i % e.shape[1]!));
      else if (last === 'D' || (last === 'weight' && e.shape.length === 1)) data[i] = 1;
      else if (e.name.endsWith('dt_proj.bias')) {
        // softplus^-1 of a dt between 1e-3 and 0.1, as Mamba sets it
        const dt = Math.exp(Math.log(1e-3) + rand() * Math.log(100));
        data[i] = dt + Math.log(-Math.expm1(-dt));
      } else data[i] = ((rand() - 0.5) * 2) / Math.sqrt(e.shape[e.shape.length - 1]!);
    }
    out.set(e.name, { shape: [...e.shape], data });
  }
  return out;
}

await useNodeBackend(args.backend as 'wasm' | 'cpu');
let scanMs = 0,
  peakBytes = 0;
const timedScan: SelectiveScan = (groups) => {
  const t0 = performance.now();
  // the read-back holds u, dt, B, C of every group once more, and y is as large as u
  const scanBytes = groups.reduce((n, g) => n + 4 * (3 * g.u.size + g.delta.size + g.bc.size), 0);
  peakBytes = Math.max(peakBytes, tf.memory().numBytes + scanBytes);
  const y = cpuSelectiveScan(groups);
  scanMs += performance.now() - t0;
  return y;
};
const net = buildCaduceus(config, randomWeights(), timedScan);
const L = Number(args.length),
  runs = Number(args.runs);
const ids = tf.tensor2d(
  Int32Array.from({ length: L }, (_, i) => 7 + ((i * 7 + (i >> 3)) % 4)),
  [1, L],
  'int32',
);
const pass = () => {
  const t0 = performance.now();
  const out = tf.tidy(() => logits(net, ids));
  out.dataSync();
  out.dispose();
  return performance.now() - t0;
};
const weightBytes = tf.memory().numBytes;
pass(); // warm-up: kernels compiled, buffers grown
scanMs = 0;
const times = Array.from({ length: runs }, pass);
const mean = times.reduce((a, b) => a + b, 0) / runs;
console.log(machineLine());
const threads = args.backend === 'wasm' ? `, ${getThreadsCount()} thread(s)` : '';
const name = `Caduceus-${args.ph ? 'ph' : 'ps'}`;
console.log(`${name} d_model 256, n_layer 16, random weights, ${L} bases, ${args.backend}${threads}`);
console.log(
  `one forward pass: ${times.map((t) => t.toFixed(0)).join(', ')} ms (mean ${mean.toFixed(0)} ms); ` +
    `selective scan ${(scanMs / runs).toFixed(0)} ms of it (read-back, loops, upload)`,
);
const perBase = (peakBytes - weightBytes) / L / 1e3;
console.log(
  `memory: weights ${(weightBytes / 1e6).toFixed(1)} MB; a pass at its peak ${perBase.toFixed(1)} KB per base` +
    ' above them',
);
ids.dispose();
net.dispose();
