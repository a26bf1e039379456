// What every analysis takes and checks while it runs: progress, cancellation, yielding to the message queue.

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Let queued messages run (a cancel request among them), then check for cancellation. Needed
 * between batches: on wasm and cpu a forward pass resolves in microtasks, so a worker that only
 * awaited them would never read its message queue until the whole job was done.
 */
export async function checkpoint(signal?: AbortSignal): Promise<void> {
  if (signal) await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfAborted(signal);
}
