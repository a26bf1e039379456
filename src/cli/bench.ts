// npm run bench: forward-pass speed of every bundled neural model at several lengths, on tfjs
// (Node wasm and cpu; headless Chromium wasm and software WebGPU) and PyTorch (1 and 2 threads),
// all in this one run, as ratios to single-thread PyTorch; plus load time, time to first result,
// 1 kb mutagenesis and memory.
//
//   npm run bench [-- --lengths 512,1024,4096 --repeats 9 --no-browser]
//   npm run bench -- --only dependency [--models ID,... --dependency-lengths 256,512 --dependency-threads N --map-workers N]   (only the dependency maps)
//   npm run bench -- --cost-curve [--cost-models DIR,...]   (only the cost curve: time against length, 512 to 16,384 bases)
//   npx tsx src/cli/bench.ts --only published   (only the published families beside their PyTorch twins)
//
// A "forward pass" over L bases is what the app runs for a causal scan: planWindows(L, context)
// windows (512 bases, stride 256) as one batch.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { timeForward, withoutPrefixReuse } from '../model/benchmarking';
import { saturationMutagenesis } from '../analysis/mutagenesis';
import { planWindows } from '../analysis/windows';
import { MAX_SEQUENCE_LENGTH } from '../genome/parseSequence';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { BRCA1_FASTA, readFasta } from '../node/data';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { costCurveSection } from '../bench/costCurveBench';
import { torchTimes } from '../bench/torchBench';
import { countOption, DEPENDENCY_HEADER, DEPENDENCY_NOTE, dependencyBench } from '../bench/benchDependency';
import { PUBLISHED_HEADER, PUBLISHED_NOTE, publishedSection } from '../bench/publishedBench';
import { machineLine } from '../bench/machine';

const { values: args } = parseArgs({
  options: {
    lengths: { type: 'string', default: '512,1024,4096' },
    repeats: { type: 'string', default: '9' },
    browser: { type: 'boolean', default: true },
    'no-browser': { type: 'boolean', default: false },
    /** Run one section only: 'dependency' (dependency maps in Chromium wasm) or 'published' (publishedBench.ts). */
    only: { type: 'string' },
    'cost-curve': { type: 'boolean', default: false },
    'cost-models': { type: 'string', default: '' }, // with --cost-curve: more model folders (comma-separated)
    models: { type: 'string', default: '' }, // dependency maps of these model ids only (comma-separated)
    'dependency-lengths': { type: 'string', default: '' }, // dependency-map lengths (default 256,512)
    'dependency-threads': { type: 'string', default: '' }, // dependency maps with this many wasm threads (default: the app's)
    'map-workers': { type: 'string', default: '' }, // dependency maps shared among this many workers (default: the app's, one per core)
  },
});
const LENGTHS = args.lengths!.split(',').map(Number);
const REPEATS = Number(args.repeats);
const log = (m: string) => process.stderr.write(`${m}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;

interface Case {
  length: number;
  batch: number;
  tokens: Int32Array;
}

function cases(seq: string, context: number): Case[] {
  return LENGTHS.map((L) => {
    const windows = planWindows(L, context, true);
    const tokens = new Int32Array(windows.length * Math.min(L, context));
    windows.forEach((w, i) => tokens.set(encode(seq.slice(w.start, w.end)), i * Math.min(L, context)));
    return { length: L, batch: windows.length, tokens };
  });
}

let wasmThreads = '?';

async function browserRuns(
  models: { id: string; path: string }[],
  allCases: Map<string, Case[]>,
  largestInput: string,
) {
  const { preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await preview({ preview: { port: 4199, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const out: Record<
    string,
    Record<
      string,
      { times: Map<number, number[]>; loadMs: number; firstResultMs?: number; largest?: { ms: number; bytes: number } }
    >
  > = {};
  // wasm1: one thread, the like-for-like comparison with single-thread PyTorch; wasm: the app's default
  const runs = [
    ['wasm1', 'wasm', '&threads=1'],
    ['wasm', 'wasm', ''],
    ['webgpu', 'webgpu', ''],
  ] as const;
  try {
    for (const [key, backend, extraQuery] of runs) {
      for (const m of models) {
        const page = await browser.newPage();
        const t0 = Date.now();
        await page.goto(`http://127.0.0.1:4199/?backend=${backend}&testhooks=1${extraQuery}`);
        await page.locator('#model-select').waitFor();
        if (m.id !== (await page.locator('#model-select').inputValue()))
          await page.locator('#model-select').selectOption(m.id);
        await page.getByTestId('model-info').waitFor({ timeout: 600_000 });
        const loadMs = Date.now() - t0;
        if (key === 'wasm')
          wasmThreads =
            /wasm, (\d+) threads?/.exec((await page.getByTestId('backend').textContent()) ?? '')?.[1] ?? '?';
        const times = new Map<number, number[]>();
        for (const c of allCases.get(m.id)!) {
          const repeats = backend === 'webgpu' ? (c.length > 1024 ? 1 : 2) : REPEATS;
          log(`chromium ${key} ${m.id} L=${c.length} x${repeats}`);
          const r = await page.evaluate(
            async ([tokens, batch, rep]) =>
              (
                globalThis as unknown as { __glmCall: (r: unknown) => Promise<{ ms: number[]; backend: string }> }
              ).__glmCall({ type: 'benchForward', tokens: Int32Array.from(tokens as number[]), batch, repeats: rep }),
            [Array.from(c.tokens), c.batch, repeats] as const,
          );
          if (r.backend !== backend) throw new Error(`expected ${backend}, the page ran ${r.backend}`);
          times.set(c.length, r.ms);
        }
        let firstResultMs: number | undefined;
        let largest: { ms: number; bytes: number } | undefined;
        if (key === 'wasm') {
          await page
            .getByLabel('DNA sequence or FASTA')
            .fill(readFileSync(join(REPO_ROOT, 'public/examples/lambda_cI_cro.fa'), 'utf8'));
          const t = Date.now();
          await page.getByRole('button', { name: 'Run' }).click();
          await page.getByTestId('scan-summary').waitFor({ timeout: 600_000 });
          firstResultMs = Date.now() - t;
          // the largest accepted input (MAX_SEQUENCE_LENGTH bases), run to the end, with the page's memory after it
          log(`chromium ${key} ${m.id} largest input`);
          await page.getByLabel('DNA sequence or FASTA').fill(`>largest\n${largestInput}`);
          const t2 = Date.now();
          await page.getByRole('button', { name: 'Run', exact: true }).click();
          await page.getByText(`of ${MAX_SEQUENCE_LENGTH.toLocaleString('en-US')}`).waitFor({ timeout: 1_800_000 });
          const largestMs = Date.now() - t2;
          const memory = await page.evaluate(async () => {
            const perf = performance as unknown as {
              measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
            };
            return perf.measureUserAgentSpecificMemory ? (await perf.measureUserAgentSpecificMemory()).bytes : NaN;
          });
          largest = { ms: largestMs, bytes: memory };
        }
        (out[key] ??= {})[m.id] = { times, loadMs, firstResultMs, largest };
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  return out;
}

async function main() {
  const machine = machineLine(); // before this run loads the machine itself
  if (args['cost-curve']) {
    console.log((await costCurveSection(log, args['cost-models']!.split(',').filter(Boolean))).join('\n'));
    return;
  }
  const index = JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')) as {
    models: { id: string; path: string }[];
  };
  const depIds = args.models!.split(',').filter(Boolean);
  const unknown = depIds.filter((id) => !index.models.some((m) => m.id === id));
  if (unknown.length)
    throw new Error(
      `--models: no bundled model ${unknown.join(', ')} (have ${index.models.map((m) => m.id).join(', ')})`,
    );
  const depModels = depIds.length ? index.models.filter((m) => depIds.includes(m.id)) : index.models;
  const depLengths = args['dependency-lengths'] ? args['dependency-lengths'].split(',').map(Number) : undefined;
  if (depLengths?.some((L) => !(Number.isInteger(L) && L >= 2 && L <= 1000)))
    throw new Error(`--dependency-lengths: whole numbers 2-1000 (got ${args['dependency-lengths']})`);
  const count = (name: 'dependency-threads' | 'map-workers') => countOption(args[name], name);
  const depOpts = { lengths: depLengths, wasmThreads: count('dependency-threads'), mapWorkers: count('map-workers') };
  if (args.only === 'dependency') {
    const seq = readFasta(BRCA1_FASTA)[0]!.sequence.slice(200_000, 201_000);
    console.log(`## Dependency maps\n\n${machine}\n\n${DEPENDENCY_NOTE}\n\n${DEPENDENCY_HEADER}`);
    (await dependencyBench(depModels, seq, log, depOpts)).forEach((r) => console.log(r));
    return;
  }
  const published = async (head: string) =>
    console.log(
      `${head}## Published families: the runtime beside its ` +
        `PyTorch twin\n\n${PUBLISHED_NOTE}\n\n${PUBLISHED_HEADER}\n${(await publishedSection(log, REPEATS)).join('\n')}`,
    );
  if (args.only === 'published') return published(`${machine}\n\n`);
  if (args.only) throw new Error(`--only knows two sections, dependency and published (got ${args.only})`);
  const models = index.models.filter(
    (m) =>
      JSON.parse(readFileSync(join(REPO_ROOT, 'public', m.path, 'model.json'), 'utf8')).architecture.type !== 'markov',
  );
  const region = readFasta(BRCA1_FASTA)[0]!.sequence.slice(200_000, 200_000 + Math.max(1000, ...LENGTHS));
  const allCases = new Map<string, Case[]>();
  const rows: string[] = [];
  const extra: string[] = [];
  const largestInput = readFasta(BRCA1_FASTA)[0]!.sequence.slice(300_000, 300_000 + MAX_SEQUENCE_LENGTH);
  const browser =
    args.browser && !args['no-browser']
      ? await browserRuns(
          models,
          new Map(
            await Promise.all(
              models.map(async (m) => {
                const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'public', m.path, 'model.json'), 'utf8'));
                const c = cases(region, meta.architecture.max_len ?? meta.architecture.context); // a Hyena model reads max_len at once
                allCases.set(m.id, c);
                return [m.id, c] as const;
              }),
            ),
          ),
          largestInput,
        )
      : null;

  for (const m of models) {
    const dir = join(REPO_ROOT, 'public', m.path);
    const node: Record<string, Map<number, number[]>> = {};
    let loadMs = 0;
    for (const backend of ['wasm', 'cpu'] as const) {
      await useNodeBackend(backend);
      const t = performance.now();
      const model = await loadModel(fileSource(dir));
      if (backend === 'wasm') loadMs = performance.now() - t;
      const cs = allCases.get(m.id) ?? cases(region, model.context);
      allCases.set(m.id, cs);
      node[backend] = new Map();
      for (const c of cs) {
        if (backend === 'cpu' && c.length > 1024) continue; // ~100x PyTorch: minutes per pass, and no one's backend
        log(`node ${backend} ${m.id} L=${c.length}`);
        node[backend].set(
          c.length,
          await timeForward(model, c.tokens, c.batch, backend === 'cpu' ? Math.min(REPEATS, 2) : REPEATS),
        );
      }
      if (backend === 'wasm') {
        const mem = tf.memory();
        // tfjs's high-water mark over the longest case's pass (tf.profile tracks peak tensor bytes)
        const longest = cs.at(-1)!;
        const peak = (
          await tf.profile(async () => {
            await model.forward(longest.tokens, longest.batch);
          })
        ).peakBytes;
        const seq = region.slice(0, 1000);
        const method = model.objective === 'mlm' ? 'masked' : 'dll';
        const opts = { method, window: 256, batchSize: 16 } as const;
        log(`node wasm ${m.id} 1 kb mutagenesis (${method})`);
        const t1 = performance.now();
        const r = await saturationMutagenesis(model, seq, 0, 1000, opts);
        const mutagenesis = `${((performance.now() - t1) / 1000).toFixed(1)} s, ${method}, ${r.forwardRows.toLocaleString('en-US')} forward rows of 255 bases`;
        let reuse = '–';
        if (model.reuse.kind === 'prefix') {
          // 100 bases mid-sequence (windows centred on each site) with and without continuing from each
          // window's reference pass
          const t2 = performance.now();
          const a = await saturationMutagenesis(model, seq, 450, 550, opts);
          const t3 = performance.now();
          const b = await saturationMutagenesis(withoutPrefixReuse(model), seq, 450, 550, opts);
          const t4 = performance.now();
          reuse = `${((t3 - t2) / 1000).toFixed(1)} s (${a.forwardRows} rows) vs ${((t4 - t3) / 1000).toFixed(1)} s (${b.forwardRows} rows): ×${((t4 - t3) / (t3 - t2)).toFixed(2)} faster`;
        }
        extra.push(
          `| ${m.id} | ${loadMs.toFixed(0)} | ${(mem.numBytes / 1e6).toFixed(1)} | ${(peak / 1e6).toFixed(1)} (${longest.length.toLocaleString('en-US')} bases) | ${mutagenesis} | ${reuse} | ${(process.memoryUsage().rss / 1e6).toFixed(0)} | ${((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} |`,
        ); // maxRSS is in KiB
      }
      model.dispose();
    }
    // PyTorch on the very same batches, keeping freed memory (the reference) and with glibc's defaults
    log(`pytorch ${m.id}`);
    const torchCases = allCases
      .get(m.id)!
      .map((c) => ({ length: c.length, batch: c.batch, tokens: Array.from(c.tokens) }));
    const torch = torchTimes({ model: dir, threads: [1, 2], repeats: REPEATS, cases: torchCases }) as Record<
      string,
      Record<string, number[]>
    >;
    const glibc = torchTimes({
      model: dir,
      threads: [1],
      repeats: REPEATS,
      allocator: 'glibc',
      cases: torchCases,
    }) as Record<string, Record<string, number[]>>;
    for (const c of allCases.get(m.id)!) {
      const L = String(c.length);
      const ref = Math.min(median(torch['1']![L]!), median(glibc['1']![L]!)); // the faster of PyTorch's two one-thread settings
      const cell = (xs: number[] | undefined) =>
        xs ? `${median(xs).toFixed(0)} (${spread(xs)}) ×${(median(xs) / ref).toFixed(2)}` : '–';
      rows.push(
        `| ${m.id} | ${c.length} | ${c.batch} | ${cell(torch['1']![L])} | ${cell(glibc['1']![L])} | ${cell(torch['2']![L])} | ${cell(node.wasm!.get(c.length))} | ${cell(node.cpu!.get(c.length))} | ${cell(browser?.wasm1?.[m.id]?.times.get(c.length))} | ${cell(browser?.wasm?.[m.id]?.times.get(c.length))} | ${cell(browser?.webgpu?.[m.id]?.times.get(c.length))} |`,
      );
    }
  }

  console.log(`# gLM Playground benchmark\n\n${machine}\n`);
  console.log(
    `Forward pass over L bases (planWindows: 512-base windows, stride 256, one batch), milliseconds: median (min-max) over ${REPEATS} runs after a warm-up (Node cpu: 2, not run past 1,024 bases; WebGPU: 2, 1 at 4096), and the ratio to single-thread PyTorch measured in this run: the faster median of its two allocator settings. PyTorch times the cases in turn, round by round, once keeping freed memory in the process and once with glibc's default allocator, which unmaps large blocks and page-faults them back in, more or less depending on what ran before (training/bench_torch.py). Chromium's WebGPU is SwiftShader (software).\n`,
  );
  console.log(
    `| model | L | windows | PyTorch 1 thread, freed memory kept | PyTorch 1 thread, glibc malloc defaults | PyTorch 2 threads, freed memory kept | Node wasm (1 thread) | Node cpu | Chromium wasm, 1 thread | Chromium wasm, ${wasmThreads} threads (app default) | Chromium WebGPU |\n|---|---|---|---|---|---|---|---|---|---|---|`,
  );
  rows.forEach((r) => console.log(r));
  console.log(
    "\n| model | load + verify (Node wasm, ms) | tfjs memory after load (MB) | tfjs peak during one pass (MB) | 1 kb saturation mutagenesis (Node wasm) | 100 bp of it (451-550) reusing each window's reference pass vs not | process RSS now (MB) | process peak RSS so far (MB) |\n|---|---|---|---|---|---|---|---|",
  );
  extra.forEach((r) => console.log(r));
  if (browser) {
    console.log(
      `\n| model | Chromium wasm: page load to model ready (ms) | Chromium wasm: Run to first result, 1 kb (ms) | Chromium wasm: largest input (${MAX_SEQUENCE_LENGTH.toLocaleString('en-US')} bases) to the end | page memory after it (measureUserAgentSpecificMemory, MB) | Chromium WebGPU: page load to model ready (ms) |\n|---|---|---|---|---|---|`,
    );
    for (const m of models) {
      const w = browser.wasm?.[m.id];
      console.log(
        `| ${m.id} | ${w?.loadMs ?? '–'} | ${w?.firstResultMs ?? '–'} | ${w?.largest ? `${(w.largest.ms / 1000).toFixed(1)} s` : '–'} | ${w?.largest && Number.isFinite(w.largest.bytes) ? (w.largest.bytes / 1e6).toFixed(0) : '–'} | ${browser.webgpu?.[m.id]?.loadMs ?? '–'} |`,
      );
    }
    console.log(`\n## Dependency maps\n\n${DEPENDENCY_NOTE}\n\n${DEPENDENCY_HEADER}`);
    (await dependencyBench(depModels, region, log, depOpts)).forEach((r) => console.log(r));
  }
  await published('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
