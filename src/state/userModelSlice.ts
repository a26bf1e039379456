// Models the user brings: a dropped or picked model folder (or its zip) loaded after its checks; the
// files are kept (userModels.ts) so that switching back to it reloads it.

import type { StateCreator } from 'zustand';
import type { AppState, UserModelSlice } from './types';
import { rememberUserModel, USER_PREFIX } from './userModels';
import { worker } from './workerClient';
import { releaseMapWorkers } from './mapWorkers';

export const createUserModelSlice: StateCreator<AppState, [], [], UserModelSlice> = (set, get) => ({
  async bringModel(files, label) {
    if (get().busy) return;
    get().cancel();
    get().clearMutagenesis();
    releaseMapWorkers();
    const previous = get().modelId;
    set({ model: null, modelError: null, scan: null, attention: null, analysed: null, stale: false,
      progress: { kind: 'load', label: `Checking ${label}`, done: 0, total: 1, startedAt: performance.now() } });
    try {
      const model = await worker().call({ type: 'loadFiles', label, files }, {
        onProgress: (done, total, file) => set({ progress: { kind: 'load', label: `Checking ${label}${file ? ` (${file})` : ''}`, done, total, startedAt: get().progress?.startedAt ?? performance.now() } }),
      });
      const id = `${USER_PREFIX}${model.id}`;
      rememberUserModel(id, label, files);
      const entry = { id, name: `${model.name} (your model)`, objective: model.objective, path: '', user: true as const };
      set({ models: [...get().models.filter((m) => m.id !== id), entry], modelId: id, model, progress: null, layer: Math.max(0, model.nAttentionLayers - 1), head: 0 });
    } catch (e) {
      // the worker no longer holds the previous model: load it again, and keep the refusal on screen
      const message = (e as Error).message;
      set({ progress: null });
      if (previous) await get().selectModel(previous);
      set({ modelError: `Your model was refused: ${message}` });
    }
  },
});
