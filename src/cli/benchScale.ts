// How far a published model scales in one Node process: random weights at a published size written as a published
// folder (training/published/random_folder.py), loaded through the app's loader (loadModel), then passes over
// `length` random bases to logits (2 by default: the first computes what later ones may reuse): time (wall and
// CPU) and memory (the process's peak RSS in each phase, read from the kernel's VmHWM, which is reset between
// phases; and tfjs's own peak bytes). Linux only.
//   npx tsx src/cli/benchScale.ts hyenadna-medium-160k 160000 [--passes 1 --backend wasm|cpu]
//   npx tsx src/cli/benchScale.ts gpn-brassicales 512

import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { machineLine } from '../bench/machine';
import { randomFolder } from '../bench/publishedBench';
import { loadModel } from '../model/loadModel';
import { SequenceModel } from '../model/sequenceModel';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    backend: { type: 'string', default: 'wasm' },
    passes: { type: 'string', default: '2' },
  },
});
const [size, lengthArg] = positionals;
if (!size || !lengthArg) throw new Error('usage: benchScale.ts SIZE LENGTH [--passes N --backend wasm|cpu]');
const length = Number(lengthArg),
  backend = values.backend as 'wasm' | 'cpu';

/** The kernel's VmRSS / VmHWM line, in MiB. */
function status(key: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(key))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}
/** Time, CPU time and the peak RSS of one phase (VmHWM reset to the current RSS first). */
async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  writeFileSync('/proc/self/clear_refs', '5');
  const before = status('VmRSS'),
    t = performance.now(),
    c = process.cpuUsage();
  const out = await run();
  const used = process.cpuUsage(c),
    ms = performance.now() - t;
  console.log(
    `${name}: ${(ms / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s); RSS ` +
      `${before.toFixed(0)} MiB before, peak ${status('VmHWM').toFixed(0)} MiB, ` +
      `after ${status('VmRSS').toFixed(0)} MiB`,
  );
  return out;
}

console.log(machineLine());
await useNodeBackend(backend);
const dir = randomFolder(size);
try {
  const file = statSync(join(dir, 'model.safetensors')).size;
  console.log(
    `${size}: random weights, model.safetensors ${(file / 2 ** 20).toFixed(1)} MiB; ${backend}, one pass ` +
      `of ${length.toLocaleString('en-US')} bases`,
  );
  const model = await phase('load (read, check, build)', () => loadModel(fileSource(dir)));
  if (!(model instanceof SequenceModel)) throw new Error(`${size} is not a network model`);
  console.log(
    `  ${model.meta.parameters.toLocaleString('en-US')} parameters; tfjs holds ` +
      `${(tf.memory().numBytes / 2 ** 20).toFixed(0)} MiB`,
  );
  const bases = model.facts.tokens.ids.slice(0, 4);
  const ids = Int32Array.from({ length }, (_, i) => bases[(i * 7 + (i >> 3)) % 4]!);
  for (const pass of ['first pass', 'second pass', 'third pass'].slice(0, Number(values.passes))) {
    const info = await phase(pass, () =>
      tf.profile(async () => {
        const out = tf.tidy(() => model.logitsOfIds(tf.tensor2d(ids, [1, length], 'int32')));
        const data = await out.data();
        out.dispose();
        if (!data.every(Number.isFinite)) throw new Error('the logits are not all finite');
      }),
    );
    console.log(`  tfjs peak during it: ${(info.peakBytes / 2 ** 20).toFixed(0)} MiB; logits all finite`);
  }
  model.dispose();
  console.log(`process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
