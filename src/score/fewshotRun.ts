// A few-shot probe on labelled variants of a reference genome read in pieces (Node), and its predictions for
// other variants: features read cluster by cluster from the reference, then the probe and the baseline fitted
// as a pair (fewshot/probePair.ts). What npm run fewshot runs; nothing here writes or exits.

import type { RunOptions } from '../analysis/run';
import { findSpan, refMismatch, withNamingHint } from '../genome/locate';
import { refuseUnusable, substitutionProblem, type LabelledVariant } from '../fewshot/labelledVariants';
import type { ProbeKind } from '../fewshot/probe';
import { fitPair, rowsOfBlocks, type FeatureRows, type FewshotResult } from '../fewshot/probePair';
import { validateLabels } from '../fewshot/validate';
import {
  featureReach,
  variantFeatures,
  type FeatureOptions,
  type FeatureSet,
  type NamedModel,
} from '../fewshot/variantFeatures';
import type { Reference } from '../node/reference';
import { readClusters, type Query } from './scoreBatch';

export interface FewshotTraining {
  variants: LabelledVariant[];
  y: Float64Array;
  kind: ProbeKind;
  groups?: string[];
  /** The label file's line of each variant, for messages. */
  lines: Int32Array;
}

export interface FewshotRunOptions extends RunOptions, Omit<FeatureOptions, 'sets' | keyof RunOptions> {
  /** The probe's feature sets; the baseline always reads 'baseline' alone. */
  sets: readonly FeatureSet[];
  seed?: number;
}

/** Every feature of every variant (rows in input order; null where a variant has none, with the reason). */
async function featureRows(
  models: readonly NamedModel[],
  reference: Reference,
  variants: LabelledVariant[],
  opts: FeatureOptions,
): Promise<FeatureRows> {
  const notes = variants.map(substitutionProblem),
    rows: (Float64Array | null)[] = variants.map(() => null);
  const todo = variants.map((v, i) => ({ v, i })).filter(({ i }) => !notes[i]);
  const queries: Query[] = todo.map(({ v }) => v),
    clusterNotes = queries.map(() => '');
  const R = featureReach(models, opts);
  let names: string[] = [],
    sets: FeatureSet[] = [],
    done = 0;
  const span = (L: number, index: number) => ({ from: Math.max(0, index - R), to: Math.min(L, index + R + 1) });
  for await (const { seq, members } of readClusters(reference, queries, clusterNotes, span)) {
    const cluster = members.map((m) => m.variant);
    const blocks = await variantFeatures(models, seq, cluster, { ...opts, onProgress: undefined });
    const got = rowsOfBlocks(blocks, members.length);
    ({ names, sets } = got);
    members.forEach((m, k) => {
      const i = todo[m.q]!.i;
      rows[i] = got.rows[k]!;
      if (got.notes[k]) notes[i] = got.notes[k]!;
    });
    done += members.length;
    opts.onProgress?.(done, todo.length);
  }
  clusterNotes.forEach((n, q) => {
    if (n) notes[todo[q]!.i] = n;
  });
  return { names, sets, rows, notes };
}

/** Why each variant cannot be read from the reference ('' where it can), without running any model. */
async function placementProblems(reference: Reference, variants: LabelledVariant[]): Promise<string[]> {
  return Promise.all(
    variants.map(async (v) => {
      const problem = substitutionProblem(v);
      if (problem) return problem;
      const loc = findSpan(reference.records, v.chrom, v.pos, 1);
      if ('problem' in loc) return withNamingHint(reference.records, v.chrom, loc).problem;
      const actual = await reference.fetch(loc.record, loc.index, loc.index + 1);
      return actual === v.ref ? '' : refMismatch(v.chrom, v.pos, actual, v.ref);
    }),
  );
}

/**
 * Refuses labels that cannot give an honest probe, or that name variants the reference does not hold, before
 * any model runs; then features, the two cross-validated fits, and the predictions.
 */
export async function runFewshot(
  models: readonly NamedModel[],
  reference: Reference,
  train: FewshotTraining,
  predict: LabelledVariant[],
  opts: FewshotRunOptions,
): Promise<FewshotResult> {
  validateLabels(train.y, train.kind, train.groups);
  refuseUnusable(train, await placementProblems(reference, train.variants));
  const sets = opts.sets.includes('baseline') ? opts.sets : [...opts.sets, 'baseline' as const];
  const all = [...train.variants, ...predict];
  const features = await featureRows(models, reference, all, { ...opts, sets });
  refuseUnusable(train, features.notes);
  return await fitPair(features, train, opts.sets, opts);
}
