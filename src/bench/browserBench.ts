// npm run bench's browser section: each bundled model's forward pass in headless Chromium as the app runs it
// (wasm on one thread, wasm at the app's default thread count, software WebGPU), page load to model ready, and
// on wasm the time to a first result and, for the models named, the largest accepted input run to the end with the
// page's memory. WebGPU here is SwiftShader, which proves correctness, not speed, at minutes per 4,096-base pass:
// it is timed at the shortest length only, so that the whole bench ends within the hour.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MAX_SEQUENCE_LENGTH } from '../genome/parseSequence';
import { REPO_ROOT } from '../node/nodeRuntime';
import type { ResultFor } from '../worker/protocol';
import { openModel } from './pageModel';

/** One length of a model's forward pass: its windows as one batch of tokens. */
export interface Case {
  length: number;
  batch: number;
  tokens: Int32Array;
}

export interface PageRun {
  times: Map<number, number[]>;
  loadMs: number;
  firstResultMs?: number;
  largest?: { ms: number; bytes: number };
}

/** Per run key (wasm1, wasm, webgpu), per model id. */
export type BrowserResults = Record<string, Record<string, PageRun>>;

type BenchForward = ResultFor<{ type: 'benchForward'; tokens: Int32Array; batch: number; repeats: number }>;

// wasm1: one thread, the like-for-like comparison with single-thread PyTorch; wasm: the app's default
const RUNS = [
  ['wasm1', 'wasm', '&threads=1'],
  ['wasm', 'wasm', ''],
  ['webgpu', 'webgpu', ''],
] as const;

/** Every model on every run; `wasmThreads` is the app's default thread count the wasm run reported. */
export async function browserRuns(
  models: { id: string }[],
  cases: Map<string, Case[]>,
  largest: { input: string; models: ReadonlySet<string> },
  repeats: number,
  log: (m: string) => void,
): Promise<{ results: BrowserResults; wasmThreads: string }> {
  const { preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await preview({ preview: { port: 4199, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const results: BrowserResults = {};
  let wasmThreads = '?';
  try {
    for (const [key, backend, extraQuery] of RUNS) {
      for (const m of models) {
        const page = await browser.newPage();
        const t0 = Date.now();
        await page.goto(`http://127.0.0.1:4199/?backend=${backend}&testhooks=1${extraQuery}`);
        await openModel(page, m.id);
        const loadMs = Date.now() - t0;
        if (key === 'wasm') {
          const text = (await page.getByTestId('backend').textContent()) ?? '';
          wasmThreads = /wasm, (\d+) threads?/.exec(text)?.[1] ?? '?';
        }
        const times = new Map<number, number[]>();
        const all = cases.get(m.id)!;
        for (const c of backend === 'webgpu' ? [all.reduce((a, b) => (b.length < a.length ? b : a))] : all) {
          const rep = backend === 'webgpu' ? 2 : repeats;
          log(`chromium ${key} ${m.id} L=${c.length} x${rep}`);
          const r = await benchForward(page, c, rep);
          if (r.backend !== backend) throw new Error(`expected ${backend}, the page ran ${r.backend}`);
          if (r.model !== m.id) throw new Error(`expected ${m.id} in the page's worker, it timed ${r.model}`);
          times.set(c.length, r.ms);
        }
        results[key] ??= {};
        results[key][m.id] = {
          times,
          loadMs,
          ...(key === 'wasm' ? await pageRuns(page, m.id, largest.models.has(m.id) ? largest.input : null, log) : {}),
        };
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  return { results, wasmThreads };
}

function benchForward(page: Page, c: Case, repeats: number): Promise<BenchForward> {
  return page.evaluate(
    async ([tokens, batch, rep]) =>
      (globalThis as unknown as { __glmCall: (r: unknown) => Promise<BenchForward> }).__glmCall({
        type: 'benchForward',
        tokens: Int32Array.from(tokens as number[]),
        batch,
        repeats: rep,
      }),
    [Array.from(c.tokens), c.batch, repeats] as const,
  );
}

/** Run to a first result (1 kb), then the largest accepted input (if given) to the end, with the page's memory after
 *  it. */
async function pageRuns(page: Page, id: string, largestInput: string | null, log: (m: string) => void) {
  const input = page.getByLabel('DNA sequence or FASTA');
  await input.fill(readFileSync(join(REPO_ROOT, 'public/examples/lambda_cI_cro.fa'), 'utf8'));
  const t = Date.now();
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByTestId('scan-summary').waitFor({ timeout: 600_000 });
  const firstResultMs = Date.now() - t;
  if (largestInput === null) return { firstResultMs };
  log(`chromium wasm ${id} largest input`);
  await input.fill(`>largest\n${largestInput}`);
  const t2 = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByText(`of ${MAX_SEQUENCE_LENGTH.toLocaleString('en-US')}`).waitFor({ timeout: 1_800_000 });
  const ms = Date.now() - t2;
  const bytes = await page.evaluate(async () => {
    const perf = performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> };
    return perf.measureUserAgentSpecificMemory ? (await perf.measureUserAgentSpecificMemory()).bytes : NaN;
  });
  return { firstResultMs, largest: { ms, bytes } };
}
