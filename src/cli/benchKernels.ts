// npm run bench:kernels: the tfjs-wasm matMul shapes behind the attention code's choices in
// src/model/hybrid.ts, timed in one run (Node wasm, one thread): transposeB against transpose + matMul,
// and a batched T x T product against the same work as 2-D products.

import * as tf from '@tensorflow/tfjs-core';
import { useNodeBackend } from './nodeRuntime';

const T = 512, Dh = 32, B = 8, REPEATS = 10;

async function time(f: () => tf.Tensor): Promise<number> {
  for (let i = 0; i < 2; i++) { const r = f(); await r.data(); r.dispose(); }
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

async function main() {
  await useNodeBackend('wasm');
  const q = tf.randomNormal([T, Dh]), k = tf.randomNormal([T, Dh]);
  const qb = tf.randomNormal([B, T, Dh]), kTb = tf.randomNormal([B, Dh, T]);
  const transposeB = await time(() => tf.matMul(q, k, false, true));
  const transposed = await time(() => tf.tidy(() => tf.matMul(q, tf.transpose(k))));
  const batched = await time(() => tf.matMul(qb, kTb));
  const perRow = await time(() => tf.tidy(() => tf.concat(Array.from({ length: B }, (_, b) =>
    tf.matMul(tf.reshape(tf.slice(qb, [b, 0, 0], [1, T, Dh]), [T, Dh]), tf.reshape(tf.slice(kTb, [b, 0, 0], [1, Dh, T]), [Dh, T]))))));
  console.log(`# tfjs-wasm matMul shapes (Node, one thread; median of ${REPEATS} after 2 warm-ups, ms)\n`);
  console.log('| product | ms | ratio |\n|---|---|---|');
  console.log(`| q k^T, [${T} x ${Dh}] x [${Dh} x ${T}], transposeB | ${transposeB.toFixed(2)} | ×${(transposeB / transposed).toFixed(1)} |`);
  console.log(`| same, transpose(k) then matMul | ${transposed.toFixed(2)} | ×1.0 |`);
  console.log(`| ${B} x that product, one batched matMul [${B}, ${T}, ${Dh}] x [${B}, ${Dh}, ${T}] | ${batched.toFixed(2)} | ×${(batched / perRow).toFixed(1)} |`);
  console.log(`| same, ${B} 2-D matMuls on slices, concatenated | ${perRow.toFixed(2)} | ×1.0 |`);
}

main().catch((e) => { console.error(e); process.exit(1); });
