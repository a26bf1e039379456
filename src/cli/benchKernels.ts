// npm run bench:kernels: the tfjs-wasm matMul shapes behind the attention code's choices in
// src/model/hybrid.ts, timed in one run (Node wasm, one thread): transposeB against transpose + matMul,
// and a batched T x T product against the same work as 2-D products. Then the ceiling on one thread:
// the model's dense products alone, tfjs-wasm against PyTorch on the same shapes, and one 512-base
// pass of the bundled masked model split by kernel (tf.profile) beside PyTorch's whole pass, and the
// best any N threads could do (the one-thread pass over N).

import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { timeForward } from '../model/benchmarking';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { torchTimes } from '../bench/torchBench';

/** tfjs kernels that do the model's dense products (everything else is elementwise, reductions, copies). */
const DENSE_KERNELS = new Set(['_FusedMatMul', 'BatchMatMul', 'FusedConv2D', 'Conv2D']);

/** [M, K, N]: the masked model's dense products for one 512-base window (FFN in and out, a conv as a product, attention). */
const GEMMS: [string, number, number, number][] = [
  ['FFN in, [512 x 128] x [128 x 512]', 512, 128, 512],
  ['FFN out, [512 x 512] x [512 x 128]', 512, 512, 128],
  ['conv k=9 as one product, [512 x 1152] x [1152 x 128]', 512, 1152, 128],
  ['probs v, [512 x 512] x [512 x 32]', 512, 512, 32],
];

const T = 512,
  Dh = 32,
  B = 8,
  REPEATS = 10;

async function time(f: () => tf.Tensor): Promise<number> {
  for (let i = 0; i < 2; i++) {
    const r = f();
    await r.data();
    r.dispose();
  }
  const ms: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    const r = f();
    await r.data();
    ms.push(performance.now() - t);
    r.dispose();
  }
  return ms.sort((a, b) => a - b)[REPEATS >> 1]!;
}

/** Ten runs of f per timed run, one read at the end, so the read-back copy does not count: ms per run. */
async function timeTen(f: () => tf.Tensor): Promise<number> {
  return (
    (await time(() =>
      tf.tidy(() => {
        let r = f();
        for (let i = 1; i < 10; i++) {
          r.dispose();
          r = f();
        }
        return r;
      }),
    )) / 10
  );
}

async function main() {
  await useNodeBackend('wasm');
  const q = tf.randomNormal([T, Dh]),
    k = tf.randomNormal([T, Dh]);
  const qb = tf.randomNormal([B, T, Dh]),
    kTb = tf.randomNormal([B, Dh, T]);
  const transposeB = await time(() => tf.matMul(q, k, false, true));
  const transposed = await time(() => tf.tidy(() => tf.matMul(q, tf.transpose(k))));
  const batched = await time(() => tf.matMul(qb, kTb));
  const perRow = await time(() =>
    tf.tidy(() =>
      tf.concat(
        Array.from({ length: B }, (_, b) =>
          tf.matMul(
            tf.reshape(tf.slice(qb, [b, 0, 0], [1, T, Dh]), [T, Dh]),
            tf.reshape(tf.slice(kTb, [b, 0, 0], [1, Dh, T]), [Dh, T]),
          ),
        ),
      ),
    ),
  );
  console.log(`# tfjs-wasm matMul shapes (Node, one thread; median of ${REPEATS} after 2 warm-ups, ms)\n`);
  console.log('| product | ms | ratio |\n|---|---|---|');
  console.log(
    `| q k^T, [${T} x ${Dh}] x [${Dh} x ${T}], transposeB | ${transposeB.toFixed(2)} | ×${(transposeB / transposed).toFixed(1)} |`,
  );
  console.log(`| same, transpose(k) then matMul | ${transposed.toFixed(2)} | ×1.0 |`);
  console.log(
    `| ${B} x that product, one batched matMul [${B}, ${T}, ${Dh}] x [${B}, ${Dh}, ${T}] | ${batched.toFixed(2)} | ×${(batched / perRow).toFixed(1)} |`,
  );
  console.log(`| same, ${B} 2-D matMuls on slices, concatenated | ${perRow.toFixed(2)} | ×1.0 |`);

  // the other two kernels src/model/hybrid.ts steers around: gather (the embedding) and slice (which
  // copies its whole source first, so cutting one sequence out of a batch costs more the bigger the batch)
  const table = tf.randomNormal([7, 128]);
  const embedTokens = tf.tensor1d(
    Int32Array.from({ length: 15 * T }, (_, i) => (i * 7 + (i >> 3)) % 4),
    'int32',
  );
  const gather = await timeTen(() => tf.gather(table, embedTokens));
  const oneHot = await timeTen(() => tf.tidy(() => tf.matMul(tf.cast(tf.oneHot(embedTokens, 7), 'float32'), table)));
  const sliceFrom = async (rows: number) => {
    const src = tf.randomNormal([rows * T, Dh]);
    const ms = await timeTen(() => tf.slice(src, [T, 0], [T, Dh]));
    src.dispose();
    return ms;
  };
  const [slice2, slice15] = [await sliceFrom(2), await sliceFrom(15)];
  console.log(`\n# Embedding and slicing on tfjs-wasm (Node, one thread; median of ${REPEATS} runs of 10, ms each)\n`);
  console.log('| operation | ms | ratio |\n|---|---|---|');
  console.log(
    `| embed ${15 * T} tokens, gather from the [7 x 128] table | ${gather.toFixed(2)} | ×${(gather / oneHot).toFixed(1)} |`,
  );
  console.log(`| same, one-hot x table | ${oneHot.toFixed(2)} | ×1.0 |`);
  console.log(
    `| one [${T} x ${Dh}] block sliced out of [15 x ${T} x ${Dh}] | ${slice15.toFixed(3)} | ×${(slice15 / slice2).toFixed(1)} |`,
  );
  console.log(`| same block out of [2 x ${T} x ${Dh}] | ${slice2.toFixed(3)} | ×1.0 |`);

  const ours: number[] = [];
  for (const [, M, K, N] of GEMMS) {
    const a = tf.randomNormal([M, K]),
      b = tf.randomNormal([K, N]);
    ours.push(await timeTen(() => tf.matMul(a, b)));
  }
  const torch = torchTimes({ threads: [1], repeats: REPEATS, gemms: GEMMS.map(([, M, K, N]) => [M, K, N]) })[
    '1'
  ] as number[];
  console.log(
    `\n# Dense products on one thread: tfjs-wasm against PyTorch (median of ${REPEATS} runs of 10 products, ms per product)\n`,
  );
  console.log(
    '| product | tfjs-wasm | PyTorch | GFLOP/s tfjs-wasm | GFLOP/s PyTorch | ratio |\n|---|---|---|---|---|---|',
  );
  GEMMS.forEach(([label, M, K, N], i) => {
    const gflop = (2 * M * K * N) / 1e6; // per ms = GFLOP/s
    console.log(
      `| ${label} | ${ours[i]!.toFixed(2)} | ${torch[i]!.toFixed(2)} | ${(gflop / ours[i]!).toFixed(1)} | ${(gflop / torch[i]!).toFixed(1)} | ×${(ours[i]! / torch[i]!).toFixed(2)} |`,
    );
  });

  // one whole pass, by kernel, against PyTorch's whole pass on the same tokens and weights
  const dir = join(REPO_ROOT, 'public/models/mlm-hybrid-chr22');
  const model = await loadModel(fileSource(dir));
  const tokens = Int32Array.from({ length: T }, (_, i) => (i * 7 + (i >> 3)) % 4);
  const pass = (await timeForward(model, tokens, 1, REPEATS)).sort((a, b) => a - b)[REPEATS >> 1]!;
  let dense = 0,
    other = 0;
  for (let r = 0; r < 3; r++) {
    // kernel times summed over three profiled passes, then averaged
    const profile = await tf.profile(async () => {
      await model.forward(tokens, 1);
    });
    for (const k of profile.kernels) {
      if (k.name.endsWith('__op')) continue; // an op wrapping kernels that are listed themselves
      if (DENSE_KERNELS.has(k.name)) dense += Number(k.kernelTimeMs) / 3;
      else other += Number(k.kernelTimeMs) / 3;
    }
  }
  model.dispose();
  const torchPass = (
    torchTimes({
      model: dir,
      threads: [1],
      repeats: REPEATS,
      cases: [{ length: T, batch: 1, tokens: Array.from(tokens) }],
    })['1'] as Record<string, number[]>
  )[String(T)]!;
  const torchMs = torchPass.sort((a, b) => a - b)[torchPass.length >> 1]!;
  console.log(
    `\n# One ${T}-base pass of mlm-hybrid-chr22 on one thread (median of ${REPEATS}; kernel split from tf.profile, mean of 3)\n`,
  );
  console.log("| | ms | ratio to PyTorch's whole pass |\n|---|---|---|");
  console.log(`| PyTorch, whole pass (freed memory kept, training/bench_torch.py) | ${torchMs.toFixed(1)} | ×1.00 |`);
  console.log(`| tfjs-wasm, whole pass | ${pass.toFixed(1)} | ×${(pass / torchMs).toFixed(2)} |`);
  console.log(
    `| tfjs-wasm, dense products only (${[...DENSE_KERNELS].join(', ')}) | ${dense.toFixed(1)} | ×${(dense / torchMs).toFixed(2)} |`,
  );
  console.log(`| tfjs-wasm, every other kernel | ${other.toFixed(1)} | ×${(other / torchMs).toFixed(2)} |`);
  // threads can at best divide a pass: the one-thread pass over N bounds what N threads can do
  for (const threads of [2, 4]) {
    const best = pass / threads;
    console.log(
      `| best case on ${threads} threads: the one-thread pass / ${threads} | ${best.toFixed(1)} | ×${(best / torchMs).toFixed(2)} |`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
