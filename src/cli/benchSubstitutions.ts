// Where a masked hybrid's dependency-map substitution spends its time, in Node wasm (one thread): per
// substitution of a 512-base row, the whole substitution (startSubstitutions' run) against the attention
// blocks alone on one row, which every substitution runs in full (the floor the conv reuse cannot go under).
// --profile then lists the attention stack's kernels (tf.profile, 10 runs): mean ms per run and, for the
// matrix products, GFLOP/s (2 M K N per product).
//   npx tsx src/cli/benchSubstitutions.ts [--model mlm-hybrid-chr22 --subs 24 --profile]

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import type { SequenceModel } from '../model/sequenceModel';
import { loadModel } from '../model/loadModel';
import { convOutputs } from '../model/substitutions';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { machineLine } from '../bench/machine';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'mlm-hybrid-chr22' },
    subs: { type: 'string', default: '24' },
    profile: { type: 'boolean', default: false },
  },
});

/** Mean kernel time per run of f over `runs` runs, by kernel and input shapes, with GFLOP/s for matrix products. */
async function profileKernels(f: () => Promise<void>, runs: number): Promise<string[]> {
  const agg = new Map<string, { name: string; shapes: number[][]; ms: number; calls: number }>();
  for (let r = 0; r < runs; r++) {
    const p = await tf.profile(f);
    for (const k of p.kernels) {
      if (k.name.endsWith('__op')) continue; // the op wrapping a kernel: counted by its kernel
      const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
      const a = agg.get(key) ?? { name: k.name, shapes: k.inputShapes as number[][], ms: 0, calls: 0 };
      a.ms += (await k.kernelTimeMs) as number;
      a.calls++;
      agg.set(key, a);
    }
  }
  const rows = [...agg.values()].sort((a, b) => b.ms - a.ms);
  const total = rows.reduce((t, a) => t + a.ms, 0) / runs;
  return [
    `kernels of one attention stack: ${total.toFixed(1)} ms`,
    ...rows.slice(0, 12).map((a) => {
      const [x, y] = a.shapes.map((s) => s?.slice(-2));
      const flop = /MatMul/.test(a.name) && x && y ? 2 * x[0]! * x[1]! * y[1]! : 0;
      const ms = a.ms / a.calls;
      return `  ${(a.ms / runs).toFixed(2)} ms  ${a.calls / runs} x ${a.name} ${JSON.stringify(a.shapes)}${flop ? `  ${(flop / ms / 1e6).toFixed(1)} GFLOP/s` : ''}`;
    }),
  ];
}

async function main() {
  console.log(machineLine());
  await useNodeBackend('wasm');
  const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', args.model!)));
  if (model.reuse.kind !== 'substitutions' || model.meta.type !== 'hybrid-conv-alibi')
    throw new Error(`${args.model} is not a masked hybrid`);
  const hybrid = model as unknown as SequenceModel;
  const T = Math.min(512, model.context),
    N = Number(args.subs);
  let s = 7; // a fixed pseudo-random row
  const row = Int32Array.from({ length: T }, () => ((s = (s * 1103515245 + 12345) % 2147483648) >> 16) & 3);
  const subs = Array.from({ length: N }, (_, k) => {
    const at = Math.floor(((k + 0.5) * T) / N);
    return { at, alt: (row[at]! + 1) % 4 };
  });
  const session = await model.reuse.start(row);
  const outs = convOutputs(hybrid, row);
  const conv = outs.pop()!; // the attention blocks' input
  outs.forEach((t) => t.dispose());
  const attention = async () => {
    const t = tf.tidy(() => hybrid.attentionStack(conv));
    await t.data();
    t.dispose();
  };
  await session.run(subs.slice(0, 2)); // warm-up
  await attention();
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    await session.run(subs);
    const perSub = (performance.now() - t0) / N;
    t0 = performance.now();
    for (let k = 0; k < 4; k++) await attention();
    const attn = (performance.now() - t0) / 4;
    console.log(
      `T=${T}: ${perSub.toFixed(1)} ms per substitution; attention blocks alone ${attn.toFixed(1)} ms (${((100 * attn) / perSub).toFixed(0)}%)`,
    );
  }
  if (args.profile) (await profileKernels(attention, 10)).forEach((l) => console.log(l));
  conv.dispose();
  session.dispose();
  model.dispose();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
