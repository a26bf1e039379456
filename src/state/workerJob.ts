// A cancellable worker job whose progress the store shows: mutagenesis and dependency maps run this way.

import { CallCancelledError } from '../worker/client';
import type { AppState, Progress } from './types';

type OnProgress = (done: number, total: number) => void;

/** One job of a kind at a time: starting a new one cancels the one before. */
export class WorkerJob {
  private ctl: AbortController | null = null;

  constructor(private readonly kind: Progress['kind'], private readonly cancelled: string) {}

  async run<T>(get: () => AppState, label: string, call: (signal: AbortSignal, onProgress: OnProgress) => Promise<T>, done: (result: T) => void): Promise<void> {
    this.ctl?.abort();
    const ctl = new AbortController();
    this.ctl = ctl;
    const { kind } = this;
    const startedAt = performance.now();
    get().startWork({ kind, label, done: 0, total: 1, startedAt });
    let error: string | undefined;
    try {
      done(await call(ctl.signal, (d, total) => get().reportProgress({ kind, label, done: d, total, startedAt })));
    } catch (e) {
      error = e instanceof CallCancelledError ? this.cancelled : (e as Error).message;
    } finally {
      get().endWork(error);
      if (this.ctl === ctl) this.ctl = null;
    }
  }

  /** Cancel the running job; false when none runs. */
  cancel(): boolean {
    if (!this.ctl) return false;
    this.ctl.abort();
    return true;
  }
}
