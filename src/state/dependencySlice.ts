// The nucleotide dependency map of a region of the analysed sequence, computed in the worker.

import type { StateCreator } from 'zustand';
import { CallCancelledError } from '../worker/client';
import type { AppState, DependencySlice } from './types';
import { sequenceId, worker } from './workerClient';

let abort: AbortController | null = null;

export const createDependencySlice: StateCreator<AppState, [], [], DependencySlice> = (set, get) => ({
  dependency: null,
  clearDependency: () => set({ dependency: null }),

  async runDependencyMap({ start, end, strands }) {
    const { analysed, model } = get();
    if (!analysed || !model) return;
    abort?.abort();
    const ctl = new AbortController();
    abort = ctl;
    const startedAt = performance.now();
    const label = `Dependency map of ${start + 1}-${end}`;
    set({ dependency: null });
    get().startWork({ kind: 'dependency', label, done: 0, total: 1, startedAt });
    let error: string | undefined;
    try {
      const r = await worker().call({ type: 'dependencyMap', sequence: await sequenceId(analysed.sequence), start, end, strands }, {
        signal: ctl.signal, onProgress: (done, total) => get().reportProgress({ kind: 'dependency', label, done, total, startedAt }),
      });
      if (get().analysed === analysed) set({ dependency: r });
    } catch (e) {
      error = e instanceof CallCancelledError ? 'Dependency map cancelled.' : (e as Error).message;
    } finally {
      get().endWork(error);
      if (abort === ctl) abort = null;
    }
  },
});

/** Cancel a running map; false when none runs. */
export function cancelDependencyMap(): boolean {
  if (!abort) return false;
  abort.abort();
  return true;
}
