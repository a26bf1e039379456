// In-silico saturation mutagenesis of a region (mutagenesis.ts); a saved analysis keeps the region and method.

import { defineAnalysis, isRecord, requireModel, savedInt } from '../descriptor';
import { MAX_MUTAGENESIS_LENGTH, saturationMutagenesis, type MutagenesisResult } from '../mutagenesis';
import { METHODS, type ScoreMethod } from '../variantEffect';

export interface MutagenesisArgs {
  start: number;
  end: number;
  method: ScoreMethod;
  window: number;
  bothStrands: boolean;
}
/** method null: the model's first method. */
export interface MutagenesisSettings {
  start: number;
  end: number;
  method: ScoreMethod | null;
}

export const mutagenesis = defineAnalysis<MutagenesisArgs, MutagenesisResult, MutagenesisSettings>({
  kind: 'mutagenesis',
  label: 'Mutagenesis',
  run: (model, input, a, opts) =>
    saturationMutagenesis(requireModel(model), input.text, a.start, a.end, {
      method: a.method,
      window: a.window,
      bothStrands: a.bothStrands,
      ...opts,
    }),
  transfer: (r) => [r.scores.buffer],
  saved: {
    write: (s) => ({ start: s.start, end: s.end, ...(s.method ? { method: s.method } : {}) }),
    read(json, length) {
      if (!isRecord(json)) throw new Error('its mutagenesis region is not valid');
      const start = savedInt(json.start, 0, length - 1, 'mutagenesis region');
      const end = savedInt(json.end, start + 1, Math.min(length, start + MAX_MUTAGENESIS_LENGTH), 'mutagenesis region');
      if (json.method !== undefined && !(typeof json.method === 'string' && Object.hasOwn(METHODS, json.method)))
        throw new Error('its method is not valid');
      return { start, end, method: (json.method as ScoreMethod | undefined) ?? null };
    },
  },
});

declare module '../descriptor' {
  interface AnalysisKinds {
    mutagenesis: typeof mutagenesis;
  }
}
