// The models: the list, the loaded one and the backend. Every way a model arrives (the picker, a brought folder,
// a saved analysis, crash recovery) goes through switchTo: cancel what runs, load, then rerun the analysed
// sequence on the new model, saying what was cleared.

import type { StateCreator } from 'zustand';
import type { ModelCard } from '../model/meta';
import type { ModelInfo } from '../worker/protocol';
import { releaseMapWorkers } from './mapWorkers';
import { loadRequest, USER_PREFIX, type LoadRequest } from './modelLoad';
import type { AppState, ModelEntry, ModelSlice } from './types';
import { worker } from './workerClient';

export const createModelSlice: StateCreator<AppState, [], [], ModelSlice> = (set, get) => {
  /** Counts switches: one that ends after a newer one began must not write its model over the newer one's. */
  let latest = 0;
  /**
   * The one reset path: returns the new model's info, or throws (the caller says why it was refused); null when a
   * newer switch began meanwhile (the worker has moved on to that one's model: this one's is gone or never came).
   * `card`: what the Hub catalogue says of a downloaded model, over what its config.json says (the weights read stay).
   */
  const switchTo = async (label: string, load: LoadRequest, card?: ModelCard): Promise<ModelInfo | null> => {
    const mine = ++latest;
    get().cancel();
    releaseMapWorkers();
    const startedAt = performance.now();
    set({
      model: null,
      modelError: null,
      modelNote: null,
      loading: { label, done: 0, total: 1, startedAt, updatedAt: startedAt },
    });
    try {
      const info = await worker().call(load, {
        onProgress: (done, total, file) => {
          if (mine !== latest) return;
          set({
            loading: {
              label: `${label}${file ? ` (${file})` : ''}`,
              done,
              total,
              startedAt,
              updatedAt: performance.now(),
            },
          });
        },
      });
      if (mine !== latest) return null;
      const model = card ? { ...info, card: { ...card, weights: info.card?.weights ?? card.weights } } : info;
      set({ model, loading: null, attentionSettings: { layer: Math.max(0, model.nAttentionLayers - 1), head: 0 } });
      return model;
    } catch (e) {
      if (mine !== latest) return null;
      throw e;
    } finally {
      if (get().loading?.startedAt === startedAt) set({ loading: null });
    }
  };

  /** After a switch the analysed sequence runs again on the new model; maps and mutagenesis are cleared, said so. */
  const rerun = async (model: ModelInfo) => {
    const { analysed, analysedRecords, jobs } = get();
    if (!analysed) return;
    const cleared = (['mutagenesis', 'dependency'] as const).filter((k) => jobs[k]);
    get().clearJobs(cleared);
    if (cleared.length) {
      const what = cleared.join(' and the ').replace('dependency', 'dependency map');
      const [were, them] = cleared.length > 1 ? ['were', 'them'] : ['was', 'it'];
      set({
        modelNote:
          `Switched to ${model.name}: the tracks, attention and variant scores were recomputed; the ${what} of the ` +
          `previous model ${were} cleared (run ${them} again).`,
      });
    }
    await get().run({ record: analysed, records: analysedRecords });
  };

  return {
    models: [],
    modelId: null,
    model: null,
    modelError: null,
    modelNote: null,
    loading: null,
    backend: null,
    backendError: null,

    init: () => Promise.resolve(), // replaced by bootstrap.ts, which owns start-up and recovery

    async selectModel(id) {
      const entry = get().models.find((m) => m.id === id);
      if (!entry) return;
      set({ modelId: id });
      try {
        const model = await switchTo(`Loading ${entry.name}`, loadRequest(entry), entry.card);
        if (model) await rerun(model);
      } catch (e) {
        set({ modelError: (e as Error).message });
      }
    },

    async bringModel(files, label, card) {
      if (get().loading) return false;
      const previous = get().modelId;
      let model: ModelInfo | null;
      try {
        model = await switchTo(`Checking ${label}`, { type: 'loadFiles', label, files }, card);
      } catch (e) {
        // the worker no longer holds the previous model: load it again, and keep the refusal on screen
        const message = (e as Error).message;
        if (previous) await get().selectModel(previous);
        set({ modelError: `${card ? 'The downloaded model' : 'Your model'} was refused: ${message}` });
        return false;
      }
      if (!model) return false;
      const id = `${USER_PREFIX}${model.id}`;
      const entry: ModelEntry = {
        id,
        name: `${model.name} (${card ? 'Hugging Face' : 'your model'})`,
        objective: model.objective,
        path: '',
        user: true,
        files,
        ...(card ? { card } : {}),
      };
      set({ models: [...get().models.filter((m) => m.id !== id), entry], modelId: id });
      await rerun(model);
      return true;
    },

    checkModel: () => worker().call({ type: 'check' }),
  };
};
