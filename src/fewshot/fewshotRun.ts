// A few-shot probe on labelled variants of a reference genome, and its predictions for other variants: features
// read cluster by cluster from the reference, the probe and the sequence-only baseline cross-validated on the
// same folds and refitted, then both applied. What npm run fewshot runs; nothing here writes or exits.

import type { RunOptions } from '../analysis/run';
import { aurocDifference, type AurocDifference } from '../eval/metrics';
import type { Reference } from '../node/reference';
import { findSpan, refMismatch, withNamingHint } from '../genome/locate';
import { readClusters, type Query } from '../score/scoreBatch';
import { ProbeInputError } from './inputError';
import type { LabelledVariant } from './labelledVariants';
import { matrix } from './matrix';
import { fitProbe, type ProbeKind, type ProbeReport } from './probe';
import { predictProbe, type ProbeModel } from './probeModel';
import { validateLabels } from './validate';
import {
  featureReach,
  variantFeatures,
  type FeatureOptions,
  type FeatureSet,
  type NamedModel,
} from './variantFeatures';

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

export interface Fitted {
  report: ProbeReport;
  model: ProbeModel;
  columns: number;
}

export interface FewshotResult {
  probe: Fitted;
  baseline: Fitted;
  /** Binary labels: the probe's out-of-fold AUROC minus the baseline's on the same folds (DeLong). */
  difference?: AurocDifference;
  /** Per variant to predict: the probe's and the baseline's prediction, or null and the reason in note. */
  predictions: { probe: number | null; baseline: number | null; note: string }[];
}

const QUOTED = 5;

/** Only single-base substitutions have embeddings and baseline features. */
function substitutionProblem(v: LabelledVariant): string {
  if (!/^[ACGT]$/.test(v.ref) || !/^[ACGT]$/.test(v.alt)) {
    return `few-shot features are defined for single-base substitutions (A, C, G, T), not ${v.ref}>${v.alt}`;
  }
  return v.ref === v.alt ? 'the alternative allele equals the reference' : '';
}

interface FeatureRows {
  names: string[];
  sets: FeatureSet[];
  rows: (Float64Array | null)[];
  notes: string[];
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
    sets: FeatureSet[] = [];
  const span = (L: number, index: number) => ({ from: Math.max(0, index - R), to: Math.min(L, index + R + 1) });
  for await (const { seq, members } of readClusters(reference, queries, clusterNotes, span)) {
    const variants = members.map((m) => m.variant);
    const blocks = await variantFeatures(models, seq, variants, { ...opts, onProgress: undefined });
    names = blocks.flatMap((b) => b.names);
    sets = blocks.flatMap((b) => b.names.map(() => b.set));
    members.forEach((m, k) => {
      const row = Float64Array.from(
        blocks.flatMap((b) => Array.from(b.data.subarray(k * b.names.length, (k + 1) * b.names.length))),
      );
      const bad = row.findIndex((x) => !Number.isFinite(x));
      if (bad >= 0) notes[todo[m.q]!.i] = `feature ${names[bad]} is not a number here`;
      else rows[todo[m.q]!.i] = row;
    });
    opts.onProgress?.(rows.filter(Boolean).length, variants.length);
  }
  clusterNotes.forEach((n, q) => {
    if (n) notes[todo[q]!.i] = n;
  });
  return { names, sets, rows, notes };
}

/** Columns `keep` of the given rows as a matrix. */
function columns(rows: Float64Array[], keep: number[]) {
  const X = matrix(rows.length, keep.length);
  rows.forEach((r, i) =>
    keep.forEach((c, j) => {
      X.data[i * keep.length + j] = r[c]!;
    }),
  );
  return X;
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

/** One refusal naming the label-file lines of the unusable variants. */
function refuseUnusable(train: FewshotTraining, notes: string[]): void {
  const unusable = train.variants.map((_, i) => i).filter((i) => notes[i]);
  if (unusable.length === 0) return;
  const quoted = unusable
    .slice(0, QUOTED)
    .map((i) => `line ${train.lines[i]} (${notes[i]})`)
    .join(', ');
  throw new ProbeInputError(
    `${unusable.length} of ${train.variants.length} labelled variants cannot be used: ` +
      `${quoted}${unusable.length > QUOTED ? ', ...' : ''}`,
    unusable.map((i) => train.lines[i]!),
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
  const { names, rows, notes } = features;
  refuseUnusable(train, notes);
  const cols = (keep: (s: FeatureSet) => boolean) => names.map((_, j) => j).filter((j) => keep(features.sets[j]!));
  const baseCols = cols((s) => s === 'baseline'),
    probeCols = cols((s) => opts.sets.includes(s));
  const trainRows = rows.slice(0, train.variants.length) as Float64Array[];
  const fit = async (keep: number[]): Promise<Fitted> => {
    const { report, model } = await fitProbe(
      {
        X: columns(trainRows, keep),
        names: keep.map((j) => names[j]!),
        y: train.y,
        kind: train.kind,
        groups: train.groups,
      },
      { seed: opts.seed, signal: opts.signal },
    );
    return { report, model, columns: keep.length };
  };
  const probe = await fit(probeCols),
    baseline = await fit(baseCols);
  const difference =
    train.kind === 'binary'
      ? aurocDifference(
          probe.report.outOfFold,
          baseline.report.outOfFold,
          Array.from(train.y, (v) => v === 1),
        )
      : undefined;
  const kept = predict.map((_, i) => train.variants.length + i).filter((i) => rows[i] !== null);
  const toPredict = kept.map((i) => rows[i]!);
  const p = predictProbe(probe.model, columns(toPredict, probeCols));
  const b = predictProbe(baseline.model, columns(toPredict, baseCols));
  const predictions = predict.map((_, i) => ({
    probe: null as number | null,
    baseline: null as number | null,
    note: notes[train.variants.length + i]!,
  }));
  kept.forEach((i, k) => {
    predictions[i - train.variants.length] = { probe: p[k]!, baseline: b[k]!, note: '' };
  });
  return { probe, baseline, difference, predictions };
}
