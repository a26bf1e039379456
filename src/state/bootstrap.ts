// Start-up and recovery: the backend, the model list and the first model, once per page; and when the worker
// crashes or loses its GPU, a restart on the next backend in line that reloads the model and reruns the analysis.

import type { MapStrands } from '../analysis/dependency/dependencyMap';
import type { BackendName } from '../model/backend';
import { computeDependencyMap } from './mapWorkers';
import { loadRequest } from './modelLoad';
import type { AppStore, ModelEntry } from './types';
import { forcedBackend, sequenceId, testHooks, wasmThreads, worker } from './workerClient';

const failedBackends: BackendName[] = [];

async function recover(store: AppStore, message: string): Promise<void> {
  const s = store.getState();
  if (s.backend) failedBackends.push(s.backend.name);
  store.setState({ backend: null, model: null, runError: `${message} Restarting the model on another backend…` });
  worker().restart();
  try {
    const backend = await worker().call({
      type: 'init',
      exclude: failedBackends,
      testHooks: testHooks(),
      wasmThreads: wasmThreads(),
    });
    store.setState({ backend });
    // selectModel reruns the analysed record (not whatever the input box holds now)
    const { modelId, analysed } = store.getState();
    if (modelId) await store.getState().selectModel(modelId);
    store.setState({
      runError: `${message} Recovered on ${backend.name}${analysed ? '; the analysis was run again' : ''}.`,
    });
  } catch (e) {
    store.setState({ backendError: `${message} Restarting failed too: ${(e as Error).message}` });
  }
}

/** npm run bench and the e2e tests drive the worker directly through these (?testhooks=1 only). */
function installTestHooks(store: AppStore): void {
  const hooks = window as unknown as Record<string, unknown>;
  hooks.__glmCall = (req: Parameters<ReturnType<typeof worker>['call']>[0]) => worker().call(req);
  // a dependency map as the panel runs it (shared among the map workers), of any text, with the current model
  hooks.__glmDependencyMap = (text: string, start: number, end: number, strands: MapStrands) => {
    const { models, modelId, backend } = store.getState();
    const entry = models.find((m) => m.id === modelId);
    if (!entry) throw new Error('No model is loaded yet.');
    return computeDependencyMap(
      { text, start, end, strands, backend: backend?.name, load: loadRequest(entry) },
      () => sequenceId(text),
      {},
    );
  };
}

async function start(store: AppStore): Promise<void> {
  worker().onFailure = (message) => void recover(store, message);
  if (testHooks()) installTestHooks(store);
  try {
    const backend = await worker().call({
      type: 'init',
      backend: forcedBackend(),
      testHooks: testHooks(),
      wasmThreads: wasmThreads(),
    });
    store.setState({ backend, backendError: null });
  } catch (e) {
    store.setState({ backendError: (e as Error).message });
    return;
  }
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}models/index.json`);
    const index = (await res.json()) as { models: ModelEntry[] };
    store.setState({ models: index.models });
    const first = index.models[0];
    if (first) await store.getState().selectModel(first.id);
  } catch (e) {
    store.setState({ modelError: `Could not read the model list: ${(e as Error).message}` });
  }
}

/** Make the store's init() start the page once (StrictMode runs effects twice; two backend starts make tfjs drop one). */
export function installInit(store: AppStore): void {
  let once: Promise<void> | null = null;
  store.setState({ init: () => (once ??= start(store)) });
}
