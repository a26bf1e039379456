// Dependency maps on several workers. Every substitution of a map is a forward pass of its own, so the
// map's rows split among workers that share nothing but the region. On wasm, two workers of one XNNPACK
// thread each beat one worker of two threads, which synchronise at every op (npm run bench's dependency
// rows measure both). The helpers are more instances of the model worker, started on the first map and kept
// for the next ones while the model and backend stay; the page's own worker waits meanwhile. On WebGPU one
// worker keeps the GPU busy, so the map runs there as before.

import type { DependencyMap, MapStrands } from '../analysis/dependency/dependencyMap';
import { mergeDependencyRows, shareRows } from '../analysis/dependency/shares';
import { encode } from '../genome/tokens';
import type { BackendName } from '../model/backend';
import { CallCancelledError, ModelWorkerClient, WorkerCrashedError, type CallOptions } from '../worker/client';
import type { LoadRequest } from './modelLoad';
import { makeModelWorker, mapWorkerCount, worker } from './workerClient';

interface Helpers {
  backend: BackendName;
  load: LoadRequest;
  clients: ModelWorkerClient[];
  /** Settles once every helper has its backend and the model. */
  ready: Promise<void>;
}

let helpers: Helpers | null = null;

const sameLoad = (a: LoadRequest, b: LoadRequest) =>
  a.type === 'load' ? b.type === 'load' && a.url === b.url : b.type === 'loadFiles' && a.files === b.files;

/** Stop the helpers (the model or backend changed; the next map starts new ones). */
export function releaseMapWorkers(): void {
  for (const c of helpers?.clients ?? []) c.terminate();
  helpers = null;
}

function startHelpers(backend: BackendName, load: LoadRequest, k: number): Helpers {
  releaseMapWorkers();
  const clients = Array.from({ length: k }, () => new ModelWorkerClient(makeModelWorker));
  const ready = Promise.all(
    clients.map(async (c) => {
      await c.call({ type: 'init', backend, wasmThreads: 1 });
      await c.call(load);
    }),
  ).then(() => undefined);
  const h = { backend, load, clients, ready };
  ready.catch(() => {
    if (helpers === h) releaseMapWorkers();
  }); // a failed start is retried next time
  return h;
}

/** How many workers a map on this backend uses: 1 (the page's worker) on WebGPU or a single core. */
export function mapWorkersFor(backend: BackendName | undefined): number {
  return backend === 'wasm' || backend === 'cpu' ? mapWorkerCount() : 1;
}

export interface MapRequest {
  text: string;
  start: number;
  end: number;
  strands: MapStrands;
  backend: BackendName | undefined;
  /** How the page's worker loaded the current model; helpers load it the same way. */
  load: LoadRequest;
}

async function onPageWorker(
  req: MapRequest,
  sequence: () => Promise<number>,
  opts: CallOptions,
): Promise<DependencyMap> {
  return worker().call(
    {
      type: 'analysis',
      kind: 'dependency',
      sequence: await sequence(),
      args: { start: req.start, end: req.end, strands: req.strands },
    },
    opts,
  );
}

/**
 * The map of text[start, end): its rows shared among helper workers when the backend gains by it, else on
 * the page's worker (`sequence` gives that worker's id for the text). A helper that crashes sends the map
 * back to the page's worker.
 */
export async function computeDependencyMap(
  req: MapRequest,
  sequence: () => Promise<number>,
  opts: CallOptions,
): Promise<DependencyMap> {
  const k = mapWorkersFor(req.backend);
  const region = req.text.slice(req.start, req.end);
  const tokens = encode(region);
  const shares = shareRows(tokens, k);
  if (shares.length < 2 || !req.backend) return onPageWorker(req, sequence, opts);
  if (
    !helpers ||
    helpers.backend !== req.backend ||
    !sameLoad(helpers.load, req.load) ||
    helpers.clients.length < shares.length
  ) {
    helpers = startHelpers(req.backend, req.load, k);
  }
  const h = helpers;
  try {
    await h.ready;
  } catch {
    return onPageWorker(req, sequence, opts); // helpers that cannot start (memory, say) leave the map to the page's worker
  }
  if (opts.signal?.aborted) throw new CallCancelledError('Cancelled'); // while they started
  // each share reports its own count; the page sees their sum against the whole map's
  const done = shares.map(() => 0);
  const total = 3 * tokens.reduce((c, t) => c + (t < 4 ? 1 : 0), 0) * (req.strands === 'both' ? 2 : 1);
  const ctl = new AbortController(); // one share failing stops the others
  const stop = () => ctl.abort();
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    const parts = await Promise.all(
      shares.map(async (rows, s) => {
        const c = h.clients[s]!;
        const { sequence: id } = await c.call({ type: 'setSequence', sequence: region });
        const map = await c
          .call(
            {
              type: 'analysis',
              kind: 'dependency',
              sequence: id,
              args: { start: 0, end: region.length, strands: req.strands, rows },
            },
            {
              signal: ctl.signal,
              onProgress: (d) => {
                done[s] = d;
                opts.onProgress?.(
                  done.reduce((a, b) => a + b, 0),
                  total,
                );
              },
            },
          )
          .catch((e: unknown) => {
            ctl.abort();
            throw e;
          });
        return { rows, map };
      }),
    );
    return { ...mergeDependencyRows(parts), start: req.start, end: req.end };
  } catch (e) {
    if (!(e instanceof WorkerCrashedError) || opts.signal?.aborted) throw e;
    // stopped because the model or backend changed: the map is of the old one, not to be redone on the new
    if (helpers !== h) throw new CallCancelledError('Cancelled');
    releaseMapWorkers();
    return onPageWorker(req, sequence, opts);
  } finally {
    opts.signal?.removeEventListener('abort', stop);
  }
}
