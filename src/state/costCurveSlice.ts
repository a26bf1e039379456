// "What each architecture costs": forward time against input length for one bundled model per architecture,
// measured in the worker on this device's backend, with progress and cancel.

import type { StateCreator } from 'zustand';
import type { ControlResults } from '../worker/protocol';
import type { AppState, CostCurveSlice } from './types';
import { worker } from './workerClient';

export interface CostCurveResult {
  running: boolean;
  done?: number;
  total?: number;
  data?: ControlResults['costCurve'];
  error?: string;
}

let controller: AbortController | null = null;

export const createCostCurveSlice: StateCreator<AppState, [], [], CostCurveSlice> = (set, get) => ({
  costCurve: null,

  async measureCosts(lengths) {
    controller?.abort();
    const ctl = (controller = new AbortController());
    const models = get()
      .models.filter((m) => !m.user)
      .map((m) => ({ id: m.id, url: new URL(m.path, document.baseURI).href }));
    set({ costCurve: { running: true } });
    try {
      const data = await worker().call(
        { type: 'costCurve', lengths, repeats: 3, models },
        { signal: ctl.signal, onProgress: (done, total) => set({ costCurve: { running: true, done, total } }) },
      );
      set({ costCurve: { running: false, data } });
    } catch (e) {
      set({ costCurve: { running: false, error: (e as Error).message } });
    }
  },

  cancelCosts: () => controller?.abort(),
});
