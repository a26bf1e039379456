// The compare view: a second bundled model read on the same sequence (its per-base track, the difference from
// the current model's, and its score of each variant), as jobs on slot 'b'. The share link keeps the pair.

import type { StateCreator } from 'zustand';
import { compareMethod } from '../analysis/compare';
import { DEFAULT_MASK_STRIDE } from '../analysis/likelihoodScan';
import { CallCancelledError } from '../worker/client';
import type { AppState, CompareSlice } from './types';
import { worker } from './workerClient';

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => ({
  compareId: null,
  compareModel: null,
  compareScores: {},
  compareError: null,

  async setCompare(id) {
    get().clearJobs(['scan@b', 'variants@b']);
    set({ compareId: id, compareModel: null, compareScores: {}, compareError: null });
    if (id) await get().runCompare();
  },

  /** Load the second model beside the current one, scan the analysed sequence with it, then score the variants. */
  async runCompare() {
    const { compareId, analysed, models } = get();
    if (!compareId || !analysed) return;
    const entry = models.find((m) => m.id === compareId && !m.user);
    if (!entry) {
      set({ compareError: `Model "${compareId}" is not among this page's bundled models.` });
      return;
    }
    try {
      const info = await worker().call({ type: 'second', url: new URL(entry.path, document.baseURI).href });
      if (get().compareId !== compareId) return; // superseded
      set({ compareModel: info, compareError: null });
    } catch (e) {
      if (!(e instanceof CallCancelledError)) set({ compareError: (e as Error).message });
      return;
    }
    const scan = await get().runJob('scan', { maskStride: DEFAULT_MASK_STRIDE }, { slot: 'b' });
    const job = get().jobs['scan@b'];
    if (!scan) {
      if (job?.status === 'error') set({ compareError: job.error ?? null });
      return;
    }
    await get().scoreCompare();
  },

  /** B's score of each placed variant, by the method both models share (compareMethod). */
  async scoreCompare() {
    const { compareModel, model, window, bothStrands } = get();
    if (!compareModel || !model) return;
    const todo = get().variants.filter((r) => r.index !== null);
    if (!todo.length) {
      set({ compareScores: {} });
      return;
    }
    const method = compareMethod(model.objective, compareModel.objective);
    const res = await get().runJob(
      'variants',
      {
        variants: todo.map((r) => ({ pos: r.index!, ref: r.source.ref, alt: r.source.alt })),
        method,
        window,
        bothStrands,
      },
      { slot: 'b' },
    );
    const job = get().jobs['variants@b'];
    if (!res) {
      if (job?.status === 'error') set({ compareError: job.error ?? null });
      return;
    }
    set({ compareScores: Object.fromEntries(todo.map((r, i) => [r.key, { method, score: res.scores[i]!.score }])) });
  },
});
