// The compare view: a second bundled model read on the same sequence (its per-base track, the
// difference from the current model's, and its score of each variant). The share link keeps the pair.

import type { StateCreator } from 'zustand';
import { compareMethod } from '../analysis/compare';
import { DEFAULT_MASK_STRIDE } from '../analysis/likelihoodScan';
import { CallCancelledError } from '../worker/client';
import type { AppState, CompareSlice } from './types';
import { sequenceId, worker } from './workerClient';

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => {
  const urlOf = (id: string) => {
    const entry = get().models.find((m) => m.id === id && !m.user);
    return entry ? new URL(entry.path, document.baseURI).href : null;
  };
  return {
    compareId: null,
    compare: null,
    compareScores: {},
    compareError: null,

    async setCompare(id) {
      set({ compareId: id, compare: null, compareScores: {}, compareError: null });
      if (id) await get().runCompare();
    },

    /** Scan the analysed sequence with the second model, then score the variants with it. */
    async runCompare() {
      const { compareId, analysed } = get();
      if (!compareId || !analysed) return;
      const url = urlOf(compareId);
      if (!url) { set({ compareError: `Model "${compareId}" is not among this page's bundled models.` }); return; }
      try {
        const r = await worker().call({ type: 'compareScan', url, sequence: await sequenceId(analysed.sequence), maskStride: DEFAULT_MASK_STRIDE });
        if (get().analysed !== analysed || get().compareId !== compareId) return; // superseded
        set({ compare: { id: compareId, model: r.model, scan: r.scan, sequence: analysed.sequence }, compareError: null });
        await get().scoreCompare();
      } catch (e) {
        if (!(e instanceof CallCancelledError)) set({ compareError: (e as Error).message });
      }
    },

    /** B's score of each placed variant, by the method both models share (compareMethod). */
    async scoreCompare() {
      const { compare, analysed, model, window, bothStrands } = get();
      if (!compare || !analysed || !model || compare.sequence !== analysed.sequence) return;
      const todo = get().variants.filter((r) => r.index !== null);
      if (!todo.length) { set({ compareScores: {} }); return; }
      const method = compareMethod(model.objective, compare.model.objective);
      try {
        const res = await worker().call({ type: 'compareScore', url: urlOf(compare.id)!, sequence: await sequenceId(analysed.sequence),
          variants: todo.map((r) => ({ pos: r.index!, ref: r.source.ref, alt: r.source.alt })), settings: { method, window, bothStrands } });
        set({ compareScores: Object.fromEntries(todo.map((r, i) => [r.key, { method, score: res.scores[i]!.score }])) });
      } catch (e) {
        if (!(e instanceof CallCancelledError)) set({ compareError: (e as Error).message });
      }
    },
  };
};
