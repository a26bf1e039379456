// npm run bench: forward-pass speed of every bundled neural model at several lengths, on tfjs
// (Node wasm and cpu; headless Chromium wasm and software WebGPU) and PyTorch (1 and 2 threads),
// all in this one run, as ratios to single-thread PyTorch; plus load time, time to first result,
// 1 kb mutagenesis and memory.
//
//   npm run bench [-- --lengths 512,1024,4096 --repeats 9 --no-browser]
//   npm run bench -- --only dependency [--models ID,... --dependency-lengths 256,512 --dependency-threads N
//     --map-workers N]   (only the dependency maps)
//   npm run bench -- --cost-curve [--cost-models DIR,...]   (only the cost curve: time against length, 512 to
//     16,384 bases)
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
import { machineLine, runLine } from '../bench/machine';
import { browserRuns, type BrowserResults, type Case } from '../bench/browserBench';
import {
  grouped,
  forwardHeader,
  forwardIntro,
  median,
  NODE_HEADER,
  pageTable,
  row,
  timeCell,
} from '../bench/benchReport';

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
    // dependency maps with this many wasm threads (default: the app's)
    'dependency-threads': { type: 'string', default: '' },
    // dependency maps shared among this many workers (default: the app's, one per core)
    'map-workers': { type: 'string', default: '' },
  },
});
const LENGTHS = args.lengths!.split(',').map(Number);
const REPEATS = Number(args.repeats);
const log = (m: string) => process.stderr.write(`${m}\n`);

function cases(seq: string, context: number): Case[] {
  return LENGTHS.map((L) => {
    const windows = planWindows(L, context, true);
    const tokens = new Int32Array(windows.length * Math.min(L, context));
    windows.forEach((w, i) => tokens.set(encode(seq.slice(w.start, w.end)), i * Math.min(L, context)));
    return { length: L, batch: windows.length, tokens };
  });
}

async function main() {
  const machine = machineLine(); // before this run loads the machine itself
  const started = new Date();
  if (args['cost-curve']) {
    console.log((await costCurveSection(log, args['cost-models']!.split(',').filter(Boolean))).join('\n'));
    return;
  }
  const index = JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')) as {
    models: { id: string; path: string; objective: string }[];
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
  const published = async (head: string) => {
    const rows = await publishedSection(log, REPEATS);
    const title = '## Published families: the runtime beside its PyTorch twin';
    console.log(`${head}${title}\n\n${PUBLISHED_NOTE}\n\n${PUBLISHED_HEADER}\n${rows.join('\n')}\n`);
  };
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
  let browser: BrowserResults | null = null;
  let wasmThreads = '?';
  if (args.browser && !args['no-browser']) {
    for (const m of models) {
      const meta = JSON.parse(readFileSync(join(REPO_ROOT, 'public', m.path, 'model.json'), 'utf8'));
      // a Hyena model reads max_len at once
      allCases.set(m.id, cases(region, meta.architecture.max_len ?? meta.architecture.context));
    }
    // the largest input runs to the end with the first (the page's default) model of each objective: ~10 minutes
    // for a masked model, whose every base needs its own masked pass
    const firstOfEach = new Set(
      models.filter((m, i) => models.findIndex((n) => n.objective === m.objective) === i).map((m) => m.id),
    );
    const largest = { input: largestInput, models: firstOfEach };
    ({ results: browser, wasmThreads } = await browserRuns(models, allCases, largest, REPEATS, log));
  }

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
        if (backend === 'cpu' && c.length > 512) continue; // ~100x PyTorch: seconds to minutes per pass, no one's backend
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
        const seconds = ((performance.now() - t1) / 1000).toFixed(1);
        const mutagenesis = `${seconds} s, ${method}, ${grouped(r.forwardRows)} forward rows of 255 bases`;
        let reuse = '–';
        if (model.reuse.kind === 'prefix') {
          // 100 bases mid-sequence (windows centred on each site) with and without continuing from each
          // window's reference pass
          const t2 = performance.now();
          const a = await saturationMutagenesis(model, seq, 450, 550, opts);
          const t3 = performance.now();
          const b = await saturationMutagenesis(withoutPrefixReuse(model), seq, 450, 550, opts);
          const t4 = performance.now();
          const [with_, without] = [((t3 - t2) / 1000).toFixed(1), ((t4 - t3) / 1000).toFixed(1)];
          const gain = ((t4 - t3) / (t3 - t2)).toFixed(2);
          reuse = `${with_} s (${a.forwardRows} rows) vs ${without} s (${b.forwardRows} rows): ×${gain} faster`;
        }
        extra.push(
          row([
            m.id,
            loadMs.toFixed(0),
            (mem.numBytes / 1e6).toFixed(1),
            `${(peak / 1e6).toFixed(1)} (${grouped(longest.length)} bases)`,
            mutagenesis,
            reuse,
            (process.memoryUsage().rss / 1e6).toFixed(0),
            ((process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0), // maxRSS is in KiB
          ]),
        );
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
      // the faster of PyTorch's two one-thread settings
      const ref = Math.min(median(torch['1']![L]!), median(glibc['1']![L]!));
      const page = (key: string) => browser?.[key]?.[m.id]?.times.get(c.length);
      const timed = [torch['1']![L], glibc['1']![L], torch['2']![L], node.wasm!.get(c.length), node.cpu!.get(c.length)];
      const cells = [...timed, page('wasm1'), page('wasm'), page('webgpu')].map((xs) => timeCell(xs, ref));
      rows.push(row([m.id, c.length, c.batch, ...cells]));
    }
  }

  console.log(`# gLM Playground benchmark\n\n${runLine(started)}\n\n${machine}\n`);
  console.log(forwardIntro(REPEATS));
  console.log(forwardHeader(wasmThreads));
  rows.forEach((r) => console.log(r));
  console.log(`\n${NODE_HEADER}`);
  extra.forEach((r) => console.log(r));
  if (browser) {
    console.log(`\n${pageTable(models, browser).join('\n')}`);
    console.log(`\n## Dependency maps\n\n${DEPENDENCY_NOTE}\n\n${DEPENDENCY_HEADER}`);
    (await dependencyBench(depModels, region, log, depOpts)).forEach((r) => console.log(r));
  }
  await published('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
