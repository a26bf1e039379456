// The nucleotide dependency map of a region of the analysed sequence, computed in the worker.

import type { StateCreator } from 'zustand';
import type { AppState, DependencySlice } from './types';
import { WorkerJob } from './workerJob';
import { sequenceId, worker } from './workerClient';

const job = new WorkerJob('dependency', 'Dependency map cancelled.');

export const createDependencySlice: StateCreator<AppState, [], [], DependencySlice> = (set, get) => ({
  dependency: null,
  clearDependency: () => set({ dependency: null }),

  async runDependencyMap({ start, end, strands }) {
    const { analysed, model } = get();
    if (!analysed || !model) return;
    const label = `Dependency map of ${start + 1}-${end}`;
    set({ dependency: null });
    await job.run(get, label,
      async (signal, onProgress) => worker().call({ type: 'dependencyMap', sequence: await sequenceId(analysed.sequence), start, end, strands }, { signal, onProgress }),
      (r) => { if (get().analysed === analysed) set({ dependency: r }); });
  },
});

/** Cancel a running map; false when none runs. */
export const cancelDependencyMap = (): boolean => job.cancel();
