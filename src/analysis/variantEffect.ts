// Zero-shot variant effect scores, one engine for the app, the CLI and the evaluation: the methods
// table, the checks every method shares, and strand averaging. Each family builds its rows in scoring/.
// Sign convention: negative = the model finds the variant less likely (or, for influence, that it
// moves the model's beliefs) = predicted damaging.

import { encode } from '../genome/tokens';
import type { Objective } from '../model/family';
import { type LanguageModel } from '../model/languageModel';
import { type RunOptions, checkpoint } from './run';
import { runRows } from './rowBatcher';
import { deltaLikelihoodPlan } from './scoring/deltaLikelihood';
import { influencePlan } from './scoring/influence';
import { marginalPlan } from './scoring/marginal';
import {
  centredWindow,
  type ScoreParts,
  type ScoringContext,
  type ScoringPlan,
  type Variant,
  type VariantScore,
} from './scoring/plan';

export type { Variant, VariantScore } from './scoring/plan';

export type ScoreMethod = 'masked' | 'wt' | 'dll' | 'influence';

export interface ScoreOptions extends RunOptions {
  method: ScoreMethod;
  /**
   * Bases around the variant (an even number is read as one less). masked/wt: capped at the model's
   * context; dll: any length up to the sequence, by sliding windows past the context.
   */
  window: number;
  /** Also score the reverse complement and average, as GPN does. */
  bothStrands?: boolean;
  batchSize?: number;
}

/** objectives: the models a method runs on; substitutionsOnly: indels need another method. */
export const METHODS: Record<
  ScoreMethod,
  { label: string; objectives: readonly Objective[]; substitutionsOnly: boolean }
> = {
  masked: { label: 'masked marginal (GPN)', objectives: ['mlm'], substitutionsOnly: true },
  wt: { label: 'wild-type marginal (ESM-1v)', objectives: ['mlm'], substitutionsOnly: true },
  dll: { label: 'delta log-likelihood (Evo 2)', objectives: ['clm'], substitutionsOnly: false },
  influence: { label: 'influence (mean JS divergence)', objectives: ['mlm', 'clm'], substitutionsOnly: true },
};
export const DEFAULT_WINDOW = 256;
export const WINDOW_RANGE = { min: 16, max: 4096 } as const;

export function methodsFor(objective: Objective): ScoreMethod[] {
  return (Object.keys(METHODS) as ScoreMethod[]).filter((m) => METHODS[m].objectives.includes(objective));
}

/** The method to use on a model: the one asked for if the model can run it, else the model's first. */
export function chooseMethod(objective: Objective, wanted?: ScoreMethod | null): ScoreMethod {
  const methods = methodsFor(objective);
  return wanted && methods.includes(wanted) ? wanted : methods[0]!;
}

/** Why a variant cannot be scored by this method on this sequence, or null. */
export function checkVariant(seq: string, v: Variant, method: ScoreMethod, objective: Objective): string | null {
  if (!METHODS[method].objectives.includes(objective)) {
    return `${method} needs a ${METHODS[method].objectives.includes('mlm') ? 'masked' : 'causal'} model`;
  }
  if (!/^[ACGT]*$/.test(v.ref) || !/^[ACGT]*$/.test(v.alt) || (v.ref === '' && v.alt === '')) {
    return `alleles must be A, C, G or T (got ${v.ref || '-'}>${v.alt || '-'})`;
  }
  if (v.ref === v.alt) return 'the alternative allele equals the reference';
  if (v.pos < 0 || v.pos + v.ref.length > seq.length)
    return `position ${v.pos + 1} is outside the sequence (1-${seq.length})`;
  const actual = seq.slice(v.pos, v.pos + v.ref.length);
  if (actual !== v.ref)
    return `reference mismatch at position ${v.pos + 1}: the sequence has ${actual}, the variant says ${v.ref}`;
  if (METHODS[method].substitutionsOnly && (v.ref.length !== 1 || v.alt.length !== 1))
    return `${method} scores single-base substitutions only; use dll with a causal model for indels`;
  return null;
}

export function oddWindow(w: number): number {
  return Math.max(1, w % 2 === 1 ? w : w - 1);
}

const PLANS: Record<ScoreMethod, (ctx: ScoringContext) => ScoringPlan> = {
  masked: (ctx) => marginalPlan(ctx, true),
  wt: (ctx) => marginalPlan(ctx, false),
  dll: deltaLikelihoodPlan,
  influence: influencePlan,
};

/** What a variant's note says when positions without a prediction were left out of both alleles. */
export function skippedNote(skipped: number, ownBase: boolean): string {
  return (
    `${skipped} base${skipped > 1 ? 's' : ''} of the window without a prediction (the model predicts each base ` +
    `from those before it, so none for the first it reads) left out of both alleles` +
    (ownBase ? ", the variant's own base among them: the score is only its effect on the bases after it" : '')
  );
}

/** forwardRows: rows run, a row continued from a shared prefix counted by the fraction of its positions computed. */
export async function scoreVariants(
  model: LanguageModel,
  seq: string,
  variants: Variant[],
  opts: ScoreOptions,
): Promise<{ scores: VariantScore[]; forwardRows: number }> {
  // an odd window puts the site exactly in the middle, so both strands see the same context;
  // dll windows longer than the model's context are scored by sliding
  const W = oddWindow(Math.min(opts.window, opts.method === 'dll' ? Infinity : model.context, seq.length));
  const strands = opts.bothStrands ? [false, true] : [false];
  const scores: VariantScore[] = variants.map((v) => ({
    score: null,
    note: checkVariant(seq, v, opts.method, model.objective) ?? '',
  }));
  const parts: ScoreParts[][] = variants.map(() =>
    strands.map(() => ({ alt: NaN, ref: NaN, altMean: NaN, refMean: NaN, refSkipped: 0, altSkipped: 0 })),
  );
  const { rows, jobs } = PLANS[opts.method]({ model, tokens: encode(seq), variants, scores, W, strands, parts });

  // jobs first (each a shared-prefix group), then the plain rows; progress counts both
  let jobRows = 0;
  const units = jobs.length + rows.length;
  for (const [k, job] of jobs.entries()) {
    await checkpoint(opts.signal);
    jobRows += await job();
    opts.onProgress?.(k + 1, units);
  }
  await runRows(model, rows, opts.batchSize ?? 16, {
    ...opts,
    onProgress: (done) => opts.onProgress?.(jobs.length + done, units),
  });
  variants.forEach((v, i) => {
    const sc = scores[i]!;
    if (sc.note) return;
    const uneven = parts[i]!.find((p) => p.refSkipped !== p.altSkipped);
    if (uneven) {
      sc.note = `the model leaves ${uneven.refSkipped} bases of the reference window and ${uneven.altSkipped} of the variant's without a prediction: the two cannot be compared`;
      return;
    }
    const mean = (f: (p: ScoreParts) => number) => parts[i]!.reduce((a, p) => a + f(p), 0) / strands.length;
    const score = mean((p) => p.alt - p.ref);
    if (!Number.isFinite(score)) {
      sc.note = 'the model makes no prediction for the bases this score reads';
      return;
    }
    sc.score = score;
    if (opts.method === 'dll') sc.meanScore = mean((p) => p.altMean - p.refMean);
    const skipped = Math.max(...parts[i]!.map((p) => p.refSkipped));
    const own = opts.method === 'dll' && v.pos === centredWindow(seq.length, v.pos, W);
    if (skipped) sc.note = skippedNote(skipped, own);
  });
  return { scores, forwardRows: rows.length + Math.round(jobRows) };
}
