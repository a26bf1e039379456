// In-silico saturation mutagenesis: every substitution in [start, end), scored by one method.
// Reuses work through scoreVariants: one masked pass per position (all three alts) for a masked
// model; one reference pass per window shared by that window's alts for a causal model.

import type { LanguageModel } from '../model/languageModel';
import { scoreVariants, type ScoreOptions, type Variant } from './variantEffect';

export interface MutagenesisResult {
  start: number;
  end: number;
  /** [end - start, 4] score of each base at each position; NaN at the reference base (and at N). */
  scores: Float32Array;
  forwardRows: number;
  method: ScoreOptions['method'];
}

export const MAX_MUTAGENESIS_LENGTH = 4096;

export async function saturationMutagenesis(
  model: LanguageModel,
  seq: string,
  start: number,
  end: number,
  opts: ScoreOptions,
): Promise<MutagenesisResult> {
  if (!(start >= 0 && end <= seq.length && end > start))
    throw new Error(`Region ${start + 1}-${end} is not inside the sequence (1-${seq.length}).`);
  if (end - start > MAX_MUTAGENESIS_LENGTH)
    throw new Error(`Mutagenesis covers at most ${MAX_MUTAGENESIS_LENGTH} bases; the region has ${end - start}.`);
  const variants: Variant[] = [];
  const cells: number[] = [];
  for (let p = start; p < end; p++) {
    const ref = seq[p]!;
    if (!'ACGT'.includes(ref)) continue;
    for (let b = 0; b < 4; b++) {
      const alt = 'ACGT'[b]!;
      if (alt === ref) continue;
      variants.push({ pos: p, ref, alt });
      cells.push((p - start) * 4 + b);
    }
  }
  const { scores, forwardRows } = await scoreVariants(model, seq, variants, opts);
  const out = new Float32Array((end - start) * 4).fill(NaN);
  scores.forEach((s, i) => {
    out[cells[i]!] = s.score ?? NaN;
  });
  return { start, end, scores: out, forwardRows, method: opts.method };
}
