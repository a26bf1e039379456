// The one model worker of the page, started lazily; the backend can be forced with ?backend=.

import type { BackendName } from '../model/backend';
import { ModelWorkerClient } from '../worker/client';

let client: ModelWorkerClient | null = null;

export function worker(): ModelWorkerClient {
  client ??= new ModelWorkerClient(() => new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' }));
  return client;
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
