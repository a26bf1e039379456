// Page-side driver of the model worker: promise per call, progress callbacks, abort -> cancel.

import type { Call, Reply, ResultFor } from './protocol';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file?: string) => void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: CallOptions['onProgress'] };

export class WorkerCrashedError extends Error {}
export class CallCancelledError extends Error {}

export class ModelWorkerClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** Counts restarts: a new worker holds none of the old one's state (its sequence). */
  generation = 0;
  /** Called when the worker dies or its GPU device is lost; pending calls have failed by then. */
  onFailure: ((message: string) => void) | null = null;

  constructor(private readonly makeWorker: () => Worker) {
    this.worker = this.start();
  }

  private start(): Worker {
    const w = this.makeWorker();
    w.onmessage = (ev: MessageEvent<Reply>) => this.receive(ev.data);
    w.onerror = (ev) => this.fail(`The model worker crashed (${ev.message || 'unknown error'}).`);
    return w;
  }

  private receive(msg: Reply) {
    if (msg.type === 'failure') {
      this.fail(msg.message);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      p.onProgress?.(msg.done, msg.total, msg.file);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(msg.cancelled ? new CallCancelledError('Cancelled') : new Error(msg.message));
  }

  private fail(message: string) {
    this.crash(message);
    this.onFailure?.(message);
  }

  private crash(message: string) {
    for (const p of this.pending.values()) p.reject(new WorkerCrashedError(message));
    this.pending.clear();
  }

  /** Replace a crashed or lost worker; pending calls fail with WorkerCrashedError. */
  restart(): void {
    this.worker.terminate();
    this.crash('The model worker was restarted.');
    this.worker = this.start();
    this.generation++;
  }

  /** Stop the worker for good; pending calls fail with WorkerCrashedError. */
  terminate(): void {
    this.worker.terminate();
    this.crash('The model worker was stopped.');
  }

  call<R extends DistributiveOmit<Call, 'id'>>(req: R, opts: CallOptions = {}): Promise<ResultFor<R>> {
    const id = this.nextId++;
    return new Promise<ResultFor<R>>((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(new CallCancelledError('Cancelled'));
        return;
      }
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress });
      opts.signal?.addEventListener('abort', () => this.worker.postMessage({ type: 'cancel', id }), { once: true });
      this.worker.postMessage({ ...req, id });
    });
  }
}
