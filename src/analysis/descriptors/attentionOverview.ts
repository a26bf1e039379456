// Thumbnails of every layer and head's attention around the focus (attentionOverview.ts): it follows the
// attention map's window, so a saved analysis does not keep it.

import { attentionOverview as overview, type AttentionOverview } from '../attentionOverview';
import { defineAnalysis, requireModel } from '../descriptor';

/** Cells a side of the page's thumbnails: 64 x 64 per head keeps a 2-layer, 4-head model's grid at 128 KiB. */
export const OVERVIEW_CELLS = 64;

export interface AttentionOverviewArgs {
  focus: number;
  /** Cells a side of each thumbnail. */
  cells: number;
}

export const attentionOverview = defineAnalysis<AttentionOverviewArgs, AttentionOverview>({
  kind: 'attentionOverview',
  label: 'Attention of every head',
  run: (model, input, a, opts) => overview(requireModel(model), input.tokens, a.focus, a.cells, opts),
  transfer: (r) => [r.grid.buffer],
});

declare module '../descriptor' {
  interface AnalysisKinds {
    attentionOverview: typeof attentionOverview;
  }
}
