// One scoring worker (worker_threads) of npm run score --threads N: its own backend, model and reference
// handle; answers each batch of queries with scoreQueries, so its results are what the main thread would give.

import { parentPort, workerData } from 'node:worker_threads';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';
import { openReference, type ReferenceOptions } from '../node/reference';
import { scoreQueries, type Query, type ScoreSettings } from './scoreBatch';

export interface WorkerSetup {
  model: string;
  reference: string;
  referenceOptions: Omit<ReferenceOptions, 'note'>;
  settings: ScoreSettings;
  backend: 'wasm' | 'cpu';
}

export type WorkerRequest = { id: number; queries: Query[] };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; results: { score: number | null; note: string }[] }
  | { type: 'error'; message: string };

const setup = workerData as WorkerSetup;
const port = parentPort!;

async function main(): Promise<void> {
  await useNodeBackend(setup.backend);
  const [model, reference] = await Promise.all([
    loadModel(fileSource(setup.model)),
    openReference(setup.reference, setup.referenceOptions),
  ]);
  // batches run one at a time, in the order they arrive
  let queue = Promise.resolve();
  port.on('message', (req: WorkerRequest | 'close') => {
    if (req === 'close') {
      queue = queue.then(() => {
        model.dispose();
        port.close();
      });
      return;
    }
    queue = queue
      .then(async () => {
        const results = await scoreQueries(model, reference, setup.settings, req.queries);
        port.postMessage({ type: 'result', id: req.id, results } satisfies WorkerReply);
      })
      .catch((e: unknown) => port.postMessage({ type: 'error', message: (e as Error).message } satisfies WorkerReply));
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}

main().catch((e: unknown) => port.postMessage({ type: 'error', message: (e as Error).message } satisfies WorkerReply));
