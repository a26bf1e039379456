// The attention map of one layer and head around the focused base (attentionMap.ts); a saved analysis keeps
// the layer and head.

import { attentionMap, type AttentionMap } from '../attentionMap';
import { defineAnalysis, isRecord, requireModel, savedInt } from '../descriptor';

export interface AttentionArgs {
  layer: number;
  heads: number[];
  focus: number;
}
export interface AttentionSettings {
  layer: number;
  head: number;
}

export const attention = defineAnalysis<AttentionArgs, AttentionMap, AttentionSettings>({
  kind: 'attention',
  label: 'Attention',
  run: (model, input, a, opts) => attentionMap(requireModel(model), input.tokens, a.layer, a.heads, a.focus, opts),
  transfer: (r) => [r.probs.buffer],
  saved: {
    write: (s) => ({ layer: s.layer, head: s.head }),
    read(json) {
      if (!isRecord(json)) throw new Error('its attention settings are not valid');
      return { layer: savedInt(json.layer, 0, 64, 'layer'), head: savedInt(json.head, 0, 64, 'head') };
    },
  },
});

declare module '../descriptor' {
  interface AnalysisKinds {
    attention: typeof attention;
  }
}
