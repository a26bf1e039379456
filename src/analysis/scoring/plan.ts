// What every scoring family shares: variants, the pieces a score is made of, the window rule.

import type { LanguageModel } from '../../model/languageModel';
import type { TokenRow } from '../rowBatcher';

export interface Variant {
  /** 0-based index in the sequence of the first reference base. */
  pos: number;
  ref: string;
  alt: string;
}

export interface VariantScore {
  /** null when the variant cannot be scored; `note` says why. */
  score: number | null;
  /** dll only: change in mean log-likelihood per base (differs from score/len for indels). */
  meanScore?: number | null;
  note: string;
}

/**
 * One strand's pieces of a variant's score: score = mean over strands of (alt - ref). refSkipped, altSkipped:
 * positions left out because the model makes no prediction there (the note says so; unequal counts refuse it).
 */
export interface ScoreParts {
  alt: number;
  ref: number;
  altMean: number;
  refMean: number;
  refSkipped: number;
  altSkipped: number;
}

export interface ScoringContext {
  model: LanguageModel;
  tokens: Int32Array;
  variants: Variant[];
  /** Variants with a note are skipped; a family may add a note (e.g. too long for the window). */
  scores: VariantScore[];
  /** Odd window length (the site sits in its middle), already capped as the method requires. */
  W: number;
  /** false = forward strand, true = reverse complement; each variant has one ScoreParts per entry. */
  strands: boolean[];
  parts: ScoreParts[][];
}

/** Rows to batch, and jobs that run the model themselves (returning the forward rows they cost). */
export interface ScoringPlan {
  rows: TokenRow[];
  jobs: (() => Promise<number>)[];
}

/** Window [start, start + W) of the sequence with the variant's site as central as the ends allow. */
export function centredWindow(L: number, pos: number, W: number): number {
  return Math.max(0, Math.min(L - W, pos - Math.floor(W / 2)));
}

/** Indices of the scorable variants grouped by their site. */
export function bySite(ctx: ScoringContext): Map<number, number[]> {
  const sites = new Map<number, number[]>();
  ctx.variants.forEach((v, i) => {
    if (!ctx.scores[i]!.note) sites.set(v.pos, [...(sites.get(v.pos) ?? []), i]);
  });
  return sites;
}
