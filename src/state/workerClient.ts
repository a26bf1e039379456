// The one model worker of the page, started lazily; the backend can be forced with ?backend=.

import type { BackendName } from '../model/backend';
import { ModelWorkerClient } from '../worker/client';
import { KEPT_SEQUENCES } from '../worker/protocol';

let client: ModelWorkerClient | null = null;

/** A new instance of the model worker (the page's own, or a dependency map's helper: mapWorkers.ts). */
export const makeModelWorker = (): Worker =>
  new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });

export function worker(): ModelWorkerClient {
  client ??= new ModelWorkerClient(makeModelWorker);
  return client;
}

/** The sequences this worker holds (it keeps the last KEPT_SEQUENCES, as does this cache): text -> its id. */
let sent: { generation: number; ids: Map<string, Promise<number>> } = { generation: -1, ids: new Map() };

/**
 * The worker's id for `text`, sending it first unless the worker already holds it: the sequence (up to
 * 100,000 bases) crosses to the worker once, not with every scan, attention refresh and score.
 */
export function sequenceId(text: string): Promise<number> {
  const w = worker();
  if (sent.generation !== w.generation) sent = { generation: w.generation, ids: new Map() };
  const known = sent.ids.get(text);
  if (known) return known;
  const id = w.call({ type: 'setSequence', sequence: text }).then((r) => r.sequence);
  sent.ids.set(text, id);
  for (const k of sent.ids.keys()) if (sent.ids.size > KEPT_SEQUENCES) sent.ids.delete(k); // the worker drops its oldest too
  const ids = sent.ids;
  id.catch(() => {
    if (ids.get(text) === id) ids.delete(text);
  });
  return id;
}

export function forcedBackend(): BackendName | undefined {
  const b = new URLSearchParams(location.search).get('backend');
  return b === 'webgpu' || b === 'wasm' || b === 'cpu' ? b : undefined;
}

/** ?testhooks=1 lets the resilience e2e tests simulate a lost GPU device or a crashed worker. */
export const testHooks = (): boolean => new URLSearchParams(location.search).has('testhooks');

/** ?threads=N sets the wasm thread count (the benchmark compares 1 thread with the default). */
export function wasmThreads(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('threads'));
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : undefined;
}

/**
 * Workers a dependency map on wasm or cpu shares its rows among: ?mapworkers=N (1: the page's worker alone),
 * else one per core up to four (each helper holds the model and a tfjs backend, some tens of MB).
 */
export function mapWorkerCount(): number {
  const n = Number(new URLSearchParams(location.search).get('mapworkers'));
  if (Number.isInteger(n) && n >= 1 && n <= 16) return n;
  return Math.max(1, Math.min(navigator.hardwareConcurrency || 1, 4));
}
