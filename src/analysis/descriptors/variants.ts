// Zero-shot scores of the variants the person names, by one method (variantEffect.ts). A saved analysis keeps
// the list as typed and the window and strand settings; the page places the list on the sequence again.

import { defineAnalysis, isRecord, requireModel, savedInt } from '../descriptor';
import { scoreVariants, type ScoreMethod, type Variant, type VariantScore } from '../variantEffect';

export interface VariantArgs {
  variants: Variant[];
  method: ScoreMethod;
  window: number;
  bothStrands: boolean;
}
export interface VariantSettings {
  variants: string[];
  window: number;
  bothStrands: boolean;
}

export const variants = defineAnalysis<VariantArgs, { scores: VariantScore[]; forwardRows: number }, VariantSettings>({
  kind: 'variants',
  label: 'Scoring variants',
  run: (model, input, a, opts) =>
    scoreVariants(requireModel(model), input.text, a.variants, {
      method: a.method,
      window: a.window,
      bothStrands: a.bothStrands,
      ...opts,
    }),
  transfer: () => [],
  saved: {
    write: (s) => ({ list: s.variants, window: s.window, bothStrands: s.bothStrands }),
    read(json) {
      if (!isRecord(json)) throw new Error('its variant settings are not valid');
      const list = json.list ?? [];
      if (!Array.isArray(list) || list.length > 5000 || !list.every((v) => typeof v === 'string' && v.length <= 200))
        throw new Error('its variant list is not valid');
      if (typeof json.bothStrands !== 'boolean') throw new Error('its strand setting is not valid');
      return {
        variants: list as string[],
        window: savedInt(json.window, 1, 100_000, 'window'),
        bothStrands: json.bothStrands,
      };
    },
  },
});

declare module '../descriptor' {
  interface AnalysisKinds {
    variants: typeof variants;
  }
}
