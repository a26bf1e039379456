// The model worker: owns tfjs, the backend and the session (session.ts); tensors never leave it. Requests run
// as they arrive, each with its own abort controller; an analysis is looked up in the registry.

import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';
import { CancelledError } from '../analysis/run';
import { chooseBackend } from '../model/backend';
import { fetchSource } from '../model/source';
import type { BackendChoice } from '../model/backend';
import type { Call, Reply, Request } from './protocol';
import { WorkerSession } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
interface GPUDeviceLike {
  lost: Promise<{ reason: string; message: string }>;
  destroy(): void;
}
const session = new WorkerSession(fetchSource);

function post(reply: Reply, transfer: ArrayBufferLike[] = []) {
  scope.postMessage(reply, transfer as Transferable[]);
}

async function init(req: Extract<Call, { type: 'init' }>): Promise<BackendChoice> {
  const choice = await chooseBackend({
    force: req.backend,
    exclude: req.exclude,
    wasmPaths: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    },
    wasmThreads: req.wasmThreads ?? Math.min(navigator.hardwareConcurrency || 1, 8),
  });
  const device = choice.name === 'webgpu' ? (tf.backend() as unknown as { device: GPUDeviceLike }).device : null;
  device?.lost.then((info) =>
    post({ type: 'failure', message: `The WebGPU device was lost (${info.reason}: ${info.message || 'no details'}).` }),
  );
  if (req.testHooks) {
    // for the resilience e2e tests only: simulate the faults the page must survive
    (self as unknown as Record<string, unknown>).__glmTest = {
      destroyDevice: () => device?.destroy(),
      crash: () =>
        setTimeout(() => {
          throw new Error('simulated crash');
        }),
    };
  }
  return choice;
}

async function handle(req: Call, signal: AbortSignal): Promise<[unknown, ArrayBufferLike[]]> {
  const onProgress = (done: number, total: number) =>
    post({ type: 'progress', id: req.id, status: 'progress', done, total });
  if (req.type === 'init') return [await init(req), []];
  if (req.type === 'analysis') return session.analysis(req, { signal, onProgress });
  const result = await session.control(req, { signal, onProgress }, (p) =>
    post({
      type: 'progress',
      id: req.id,
      status: p.status === 'ready' ? 'progress' : p.status,
      done: p.loaded,
      total: p.total,
      file: p.file,
    }),
  );
  return [result, []];
}

scope.onmessage = async (ev: MessageEvent<Request>) => {
  const req = ev.data;
  if (req.type === 'cancel') {
    session.running.get(req.id)?.ctl.abort();
    return;
  }
  const ctl = new AbortController();
  let done!: () => void;
  session.running.set(req.id, {
    ctl,
    finished: new Promise<void>((resolve) => {
      done = resolve;
    }),
  });
  try {
    const [result, transfer] = await handle(req, ctl.signal);
    post({ type: 'result', id: req.id, result }, transfer);
  } catch (e) {
    // a request cancelled by a model load says so, rather than failing on weights disposed under it
    const cancelled = e instanceof CancelledError || ctl.signal.aborted;
    post({
      type: 'error',
      id: req.id,
      message: cancelled ? 'Cancelled' : ((e as Error).message ?? String(e)),
      cancelled,
    });
  } finally {
    session.running.delete(req.id);
    done();
  }
};
