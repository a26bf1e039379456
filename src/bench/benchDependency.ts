// npm run bench's dependency-map section: a 256- and a 512-base map per bundled model, in headless Chromium
// wasm as the app runs it (the panel's path: rows shared among the map workers, the app's default thread
// count): wall time and forward passes.
// This section alone:
//   npm run bench -- --only dependency [--models ID,... --dependency-lengths 256,512 --dependency-threads N
//     --map-workers N]

import type { DependencyMap } from '../analysis/dependency/dependencyMap';
import { openModel } from './pageModel';

export const DEPENDENCY_LENGTHS = [256, 512];

type MapHook = (text: string, start: number, end: number, strands: 'forward') => Promise<DependencyMap>;

export interface DependencyBenchOptions {
  lengths?: number[];
  /** ?threads=: XNNPACK threads of the page's worker (the helpers run one each). */
  wasmThreads?: number;
  /** ?mapworkers=: workers the map's rows are shared among (1: the page's worker alone). */
  mapWorkers?: number;
}

/** Markdown rows: model, L, passes, forward-row equivalents, wall seconds, threads, workers. */
export async function dependencyBench(
  models: { id: string }[],
  seq: string,
  log: (m: string) => void,
  opts: DependencyBenchOptions = {},
): Promise<string[]> {
  const { lengths = DEPENDENCY_LENGTHS, wasmThreads, mapWorkers } = opts;
  const { preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await preview({ preview: { port: 4198, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--no-first-run'],
  });
  const rows: string[] = [];
  try {
    for (const m of models) {
      const page = await browser.newPage();
      const query = `${wasmThreads ? `&threads=${wasmThreads}` : ''}${mapWorkers ? `&mapworkers=${mapWorkers}` : ''}`;
      await page.goto(`http://127.0.0.1:4198/?backend=wasm&testhooks=1${query}`);
      await openModel(page, m.id);
      const threads = /wasm, (\d+) threads?/.exec((await page.getByTestId('backend').textContent()) ?? '')?.[1] ?? '?';
      for (const L of lengths) {
        log(`chromium wasm ${m.id} dependency map L=${L}`);
        const r = await page.evaluate(
          async ([text, L]) => {
            const map = (globalThis as unknown as { __glmDependencyMap: MapHook }).__glmDependencyMap;
            const t = performance.now();
            const out = await map(text, 0, L, 'forward');
            return {
              ms: performance.now() - t,
              passes: out.passes,
              rows: out.forwardRows,
              windows: out.windows.length,
              workers: out.workers,
            };
          },
          [seq.slice(0, L), L] as const,
        );
        const passes = `${count(r.passes)} (3L + 1 = ${count(3 * L + 1)})`;
        const cells = [m.id, L, passes, count(Math.round(r.rows)), (r.ms / 1000).toFixed(1), threads, r.workers];
        rows.push(`| ${cells.join(' | ')} |`);
        log(rows.at(-1)!);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
  }
  return rows;
}

const count = (n: number) => n.toLocaleString('en-US');

export const DEPENDENCY_HEADER =
  "| model | L | forward passes started | forward-row equivalents | wall time (s) | wasm threads (page's worker) " +
  '| map workers |\n|---|---|---|---|---|---|---|';

export const DEPENDENCY_NOTE =
  'Dependency maps (analysis/dependency) of the first L bases of the BRCA1-region slice, in headless Chromium ' +
  'wasm as the panel runs them (rows shared among the map workers, one XNNPACK thread each; the first map of a ' +
  'model includes starting them), one map each: wall time from the request to the result. A causal model ' +
  'continues each substitution from the reference prefix (partial rows counted by their share); a masked hybrid ' +
  'reruns each conv block only on the rows the substitution changes (2 R_k + 1 around the site, R_k the reach of ' +
  'blocks 1-k) and its attention blocks in full; Markov runs every row in full.';

/** A count option of 1-8 (--dependency-threads, --map-workers), or undefined when not given. */
export function countOption(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 1 && n <= 8)) throw new Error(`--${name}: 1-8 (got ${value})`);
  return n;
}
