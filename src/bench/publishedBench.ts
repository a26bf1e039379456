// npm run bench's published-families section: random weights at a published size (Caduceus-ps 131k, HyenaDNA
// small-32k) written once as a published folder (training/published/random_folder.py), read by the runtime on Node
// wasm and by its PyTorch twin (training/published, timed by training/bench_torch.py) from the same file, and one
// forward pass of 1,024 bases to logits timed on both in this run, with where the wasm pass spends its time.
//   npm run bench -- --only published [--repeats N]     (this section alone)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { loadModel } from '../model/loadModel';
import { SequenceModel } from '../model/sequenceModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { torchTimes } from './torchBench';

const SIZES = ['caduceus-ps-131k', 'hyenadna-small-32k'] as const;
const BASES = 1024;

export const PUBLISHED_NOTE =
  `One forward pass of ${BASES.toLocaleString('en-US')} random bases (batch 1) to logits, ` +
  'random weights at the published size, the same model.safetensors read by both sides; milliseconds, median ' +
  '(min-max) after a warm-up, wall time and CPU time (on a shared machine the wall time includes waiting for a ' +
  "core). Node's tfjs-wasm runs one thread: tfjs switches WASM_HAS_MULTITHREAD_SUPPORT off under Node, and " +
  "forcing it on fails, its pthread workers being started from a Blob URL, which Node's Worker refuses " +
  "(ERR_WORKER_PATH). PyTorch is its twin in training/published (Mamba's selective scan stepped in torch, " +
  "HyenaDNA's long convolution by FFT), freed memory kept in the process. Ratio: wasm over PyTorch, wall " +
  '(CPU). "Where" splits the wasm pass by tf.profile: the kernels that took longest and the time outside any ' +
  'kernel (JavaScript: the selective scan, the FFT long convolution).';

export const PUBLISHED_HEADER =
  '| model | Node wasm, threads | wall | CPU | PyTorch 1 thread, wall | CPU | ' +
  'PyTorch 2 threads, wall | wasm / PyTorch 1 thread | wasm / PyTorch 2 threads | where the wasm pass goes |\n' +
  '|---|---|---|---|---|---|---|---|---|---|';

/** A random-weight folder of a published size (random_folder.py) in a fresh temp dir; the caller removes it. */
export function randomFolder(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), `published-${size}-`));
  execFileSync('/usr/bin/python3', [join(REPO_ROOT, 'training/published/random_folder.py'), size, dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return dir;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const cell = (xs: number[]) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;

/** Wall and CPU milliseconds of `repeats` passes to logits, after a warm-up. */
async function timeLogits(model: SequenceModel, ids: Int32Array, repeats: number) {
  const pass = async () => {
    const out = tf.tidy(() => model.logitsOfIds(tf.tensor2d(ids, [1, ids.length], 'int32')));
    await out.data();
    out.dispose();
  };
  await pass();
  const wall: number[] = [],
    cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now(),
      c = process.cpuUsage();
    await pass();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu, pass };
}

/** The three kernels that took longest in one pass, and the time outside every kernel, as shares of the pass. */
async function whereItGoes(pass: () => Promise<void>): Promise<string> {
  const t = performance.now();
  const info = await tf.profile(pass);
  const total = performance.now() - t;
  const byKernel = new Map<string, number>();
  for (const k of info.kernels.filter((e) => !e.name.endsWith('__op'))) {
    // an op's record repeats its kernel's
    byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + Number(k.kernelTimeMs));
  }
  const inKernels = [...byKernel.values()].reduce((a, b) => a + b, 0);
  const share = (ms: number) => `${((100 * ms) / total).toFixed(0)}%`;
  const top = [...byKernel]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([n, ms]) => `${n} ${share(ms)}`);
  return [`outside kernels ${share(total - inKernels)}`, ...top].join(', ');
}

export async function publishedSection(log: (m: string) => void, repeats: number): Promise<string[]> {
  const rows: string[] = [];
  for (const size of SIZES) {
    log(`published ${size}: writing random weights`);
    const dir = randomFolder(size);
    try {
      await useNodeBackend('wasm');
      const model = await loadModel(fileSource(dir));
      if (!(model instanceof SequenceModel)) throw new Error(`${size}: not a network model`);
      let seed = 12345;
      const bases = model.facts.tokens.ids.slice(0, 4); // A C G T in the model's vocabulary
      const ids = Int32Array.from({ length: BASES }, () => bases[(seed = (seed * 1103515245 + 12345) >>> 0) >>> 30]!);
      log(`published ${size}: Node wasm x${repeats}`);
      const ts = await timeLogits(model, ids, repeats);
      const where = await whereItGoes(ts.pass);
      model.dispose();
      log(`published ${size}: PyTorch`);
      const cases = [{ length: BASES, batch: 1, tokens: Array.from(ids) }];
      type Times = Record<string, Record<string, number[]>>;
      const wall = torchTimes({ model: dir, threads: [1, 2], repeats, cases }) as Times;
      const cpu = torchTimes({ model: dir, threads: [1], repeats, cases, clock: 'cpu' }) as Times;
      const [t1, t2, c1] = [wall['1']![BASES]!, wall['2']![BASES]!, cpu['1']![BASES]!];
      const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
      rows.push(
        `| ${size} | ${getThreadsCount()} | ${cell(ts.wall)} | ${cell(ts.cpu)} | ${cell(t1)} | ${cell(c1)} ` +
          `| ${cell(t2)} | ×${ratio(ts.wall, t1)} (×${ratio(ts.cpu, c1)}) | ×${ratio(ts.wall, t2)} | ${where} |`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
