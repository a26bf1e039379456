// Who scores the batches of npm run score: the main thread (one worker's worth), or N worker_threads each
// with its own model (--threads N). Either way a batch's results are scoreQueries' on that batch.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LanguageModel } from '../model/languageModel';
import type { Reference } from '../node/reference';
import { scoreQueries, type Query, type QueryResult, type ScoreSettings } from './scoreBatch';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './scoreWorker';

export interface Scorer {
  /** How many batches may be in flight at once (the caller keeps the rest unread, so memory stays bounded). */
  readonly slots: number;
  score(queries: Query[]): Promise<QueryResult[]>;
  close(): Promise<void>;
}

export function mainThreadScorer(model: LanguageModel, ref: Reference, s: ScoreSettings): Scorer {
  return { slots: 1, score: (q) => scoreQueries(model, ref, s, q), close: async () => {} };
}

// From the bundle (src/cli/launch.mjs, which defines __GLM_CLI_BUNDLE__) the worker is the bundled
// scoreWorker.mjs beside it. From source it is TypeScript: it registers tsx's ESM loader itself, then imports
// scoreWorker.ts (Node 20 does not carry a parent's --import hooks into a worker, and under vitest there are
// none to carry). tsx's package resolves 'tsx/esm/api' for require to its .cjs build; the ESM build sits beside it.
declare const __GLM_CLI_BUNDLE__: boolean | undefined;
function newWorker(setup: WorkerSetup): Worker {
  if (typeof __GLM_CLI_BUNDLE__ !== 'undefined')
    return new Worker(new URL('./scoreWorker.mjs', import.meta.url), { workerData: setup });
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./scoreWorker.ts', import.meta.url).href)}); })`;
  return new Worker(boot, { eval: true, workerData: setup });
}

interface Pending {
  resolve: (r: QueryResult[]) => void;
  reject: (e: Error) => void;
}

/** N workers, started and loaded before this resolves; a batch goes to the worker with the fewest in hand. */
export async function workerScorer(n: number, setup: WorkerSetup): Promise<Scorer> {
  const workers = Array.from({ length: n }, () => newWorker(setup));
  const pending = workers.map(() => new Map<number, Pending>());
  const exited = workers.map(() => false);
  let nextId = 0;
  let failure: Error | null = null;
  const fail = (w: number, e: Error) => {
    failure ??= new Error(`scoring worker ${w + 1} of ${n} failed: ${e.message}`);
    for (const p of pending[w]!.values()) p.reject(failure);
    pending[w]!.clear();
  };
  await Promise.all(
    workers.map(
      (worker, w) =>
        new Promise<void>((ready, notReady) => {
          worker.on('message', (m: WorkerReply) => {
            if (m.type === 'ready') ready();
            else if (m.type === 'result') {
              pending[w]!.get(m.id)?.resolve(m.results);
              pending[w]!.delete(m.id);
            } else {
              const e = new Error(m.message);
              notReady(e);
              fail(w, e);
            }
          });
          worker.on('error', (e: Error) => {
            notReady(e);
            fail(w, e);
          });
          worker.on('exit', (code: number) => {
            exited[w] = true;
            if (pending[w]!.size) fail(w, new Error(`exited with status ${code}`));
          });
        }),
    ),
  ).catch(async (e: unknown) => {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  });
  return {
    slots: 2 * n,
    score(queries) {
      if (failure) return Promise.reject(failure);
      const w = pending.reduce((best, p, i) => (p.size < pending[best]!.size ? i : best), 0);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending[w]!.set(id, { resolve, reject });
        workers[w]!.postMessage({ id, queries } satisfies WorkerRequest);
      });
    },
    async close() {
      await Promise.all(
        workers.map((w, i) =>
          exited[i]
            ? undefined
            : new Promise<void>((done) => {
                w.once('exit', () => done());
                w.postMessage('close');
              }),
        ),
      );
    },
  };
}
