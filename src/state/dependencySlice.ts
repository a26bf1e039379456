// The nucleotide dependency map of a region of the analysed sequence, computed in the worker (or workers:
// mapWorkers.ts).

import type { StateCreator } from 'zustand';
import type { AppState, DependencySlice } from './types';
import { computeDependencyMap } from './mapWorkers';
import { loadRequest } from './userModels';
import { WorkerJob } from './workerJob';
import { sequenceId } from './workerClient';

const job = new WorkerJob('dependency', 'Dependency map cancelled.');

export const createDependencySlice: StateCreator<AppState, [], [], DependencySlice> = (set, get) => ({
  dependency: null,
  clearDependency: () => set({ dependency: null }),

  async runDependencyMap({ start, end, strands }) {
    const { analysed, model, modelId, models, backend } = get();
    const entry = models.find((m) => m.id === modelId);
    if (!analysed || !model || !entry) return;
    const label = `Dependency map of ${start + 1}-${end}`;
    set({ dependency: null });
    await job.run(get, label,
      (signal, onProgress) => computeDependencyMap({ text: analysed.sequence, start, end, strands, backend: backend?.name, load: loadRequest(entry) },
        () => sequenceId(analysed.sequence), { signal, onProgress }),
      (r) => { if (get().analysed === analysed) set({ dependency: r }); });
  },
});

/** Cancel a running map; false when none runs. */
export const cancelDependencyMap = (): boolean => job.cancel();
