// The page's few-shot probe on one sequence: labels placed on it, features from the loaded model and the
// sequence-only baseline, the pair fitted by nested cross-validation on the same folds, then the other variants
// (the variants table's) predicted by both. What the worker returns is plain data the page shows as it is.

import type { RunOptions } from '../analysis/run';
import type { Variant } from '../analysis/scoring/plan';
import type { LanguageModel } from '../model/languageModel';
import { fitPair, rowsOfBlocks, type FeatureRows, type FewshotResult, type Fitted } from './probePair';
import type { FoldScheme } from './folds';
import { ProbeInputError } from './inputError';
import { substitutionProblem } from './labelledVariants';
import type { ProbeKind } from './probe';
import type { CalibrationBin, Importance, Interval, PairedDifference } from './report';
import { applyFitted, storeFit, type FittedProbes, type Prediction } from './probeLink';
import { readSequenceLabels, type LabelColumns } from './sequenceLabels';
import { variantFeatures, type FeatureSet } from './variantFeatures';

export interface SequenceProbeInput extends LabelColumns {
  /** The label TSV as pasted; absent when a link carries the fitted probe without them. */
  labels?: string;
  /** A probe fitted elsewhere (a link's), applied to `predict` as it is when there are no labels. */
  fitted?: FittedProbes;
  /** The loaded model's id, stored with a fit and checked against a link's. */
  model: string;
  /** The probe's features besides the baseline (which is always computed, and fitted on its own). */
  features: FeatureSet[];
  /** The FASTA name of the sequence's record (genomic positions are placed by it). */
  record: string;
  /** Further variants of the sequence to predict (0-based). */
  predict: Variant[];
}

export interface FitSummary {
  metric: Interval & { name: 'AUROC' | 'Spearman rho' };
  columns: number;
  lambda: number;
  calibration?: CalibrationBin[];
  importance: Importance[];
  warnings: string[];
}

export interface SequenceProbeResult {
  kind: ProbeKind;
  n: number;
  positives?: number;
  values: [string, number][];
  scheme: FoldScheme;
  folds: number;
  grouped: boolean;
  features: FeatureSet[];
  probe: FitSummary;
  baseline: FitSummary;
  difference: PairedDifference;
  /** Per variant of `predict`, in order. */
  predictions: Prediction[];
  /** The two models and their metrics, as a link carries them. */
  fitted: FittedProbes;
  /** true: the probe came with a link and was applied, not fitted here. */
  fromLink: boolean;
}

/** Features of the importance list the page shows. */
const SHOWN = 8;

export function summary(f: Fitted): FitSummary {
  const r = f.report;
  return {
    metric: r.metric,
    columns: f.columns,
    lambda: r.lambda,
    calibration: r.calibration,
    importance: r.importance.slice(0, SHOWN),
    warnings: r.warnings,
  };
}

/** What a fitted pair reports, whatever its examples were (variants of a sequence, whole records). */
export function pairReport(
  pair: FewshotResult,
  train: { kind: ProbeKind; values: [string, number][]; groups?: unknown },
  features: FeatureSet[],
): Omit<SequenceProbeResult, 'predictions' | 'fitted' | 'fromLink'> {
  const rep = pair.probe.report;
  return {
    kind: train.kind,
    n: rep.n,
    positives: rep.positives,
    values: train.values,
    scheme: rep.scheme,
    folds: rep.folds.length,
    grouped: train.groups !== undefined,
    features,
    probe: summary(pair.probe),
    baseline: summary(pair.baseline),
    difference: pair.difference,
  };
}

/** Feature rows of the labelled variants then of those to predict (null, with a note, where one has none). */
async function rows(
  model: LanguageModel,
  seq: string,
  all: Variant[],
  sets: FeatureSet[],
  opts: RunOptions,
): Promise<FeatureRows> {
  const notes = all.map((v) => substitutionProblem({ chrom: '', ...v }));
  const ok = all.map((_, i) => i).filter((i) => !notes[i]);
  const blocks = await variantFeatures(
    [{ name: 'model', model }],
    seq,
    ok.map((i) => all[i]!),
    { ...opts, sets },
  );
  const got = rowsOfBlocks(blocks, ok.length);
  const rows: FeatureRows['rows'] = all.map(() => null);
  ok.forEach((i, k) => {
    rows[i] = got.rows[k]!;
    notes[i] = got.notes[k]!;
  });
  return { names: got.names, sets: got.sets, rows, notes };
}

/** A link's probe and baseline applied to `predict` without refitting: the stored metrics shown as they are. */
async function applyLinked(
  model: LanguageModel,
  seq: string,
  input: SequenceProbeInput,
  sets: FeatureSet[],
  opts: RunOptions,
): Promise<SequenceProbeResult> {
  const f = input.fitted;
  if (!f) throw new Error('paste labels to fit a probe');
  if (f.model !== input.model) {
    throw new ProbeInputError(
      `the link's probe reads the features of ${f.model}, but ${input.model} is loaded: load ${f.model}, ` +
        'or fit a probe of your own with labels',
    );
  }
  const features = await rows(model, seq, input.predict, sets, opts);
  const predictions = applyFitted(f, features, `${input.model} with ${input.features.join(' + ')}`);
  const fit = (m: FittedProbes['probe'], metric: FitSummary['metric']): FitSummary => ({
    metric,
    columns: m.names.length,
    lambda: m.lambda,
    importance: [],
    warnings: [],
  });
  const { cv } = f;
  return {
    ...cv,
    values: [],
    features: sets.filter((s) => s !== 'baseline'),
    probe: fit(f.probe, cv.probe),
    baseline: fit(f.baseline, cv.baseline),
    predictions,
    fitted: f,
    fromLink: true,
  };
}

/** Labels are read and refused before the model runs; a labelled variant without features is refused too. */
export async function probeSequence(
  model: LanguageModel,
  seq: string,
  input: SequenceProbeInput,
  opts: RunOptions = {},
): Promise<SequenceProbeResult> {
  const sets: FeatureSet[] = [...input.features.filter((s) => s !== 'baseline'), 'baseline'];
  if (sets.length === 1) throw new Error('choose the model features the probe reads (embedding, zero-shot scores)');
  if (input.labels === undefined) return applyLinked(model, seq, input, sets, opts);
  const train = readSequenceLabels(input.labels, input, { name: input.record, sequence: seq });
  const features = await rows(model, seq, [...train.variants, ...input.predict], sets, opts);
  const unusable = train.variants.map((_, i) => i).filter((i) => features.notes[i]);
  if (unusable.length) {
    const i = unusable[0]!;
    throw new Error(
      `${unusable.length} labelled variants have no features, e.g. line ${train.lines[i]}: ${features.notes[i]}`,
    );
  }
  const pair = await fitPair(
    features,
    train,
    sets.filter((s) => s !== 'baseline'),
    opts,
  );
  const rep = pair.probe.report;
  const cv = {
    kind: train.kind,
    n: rep.n,
    ...(rep.positives !== undefined ? { positives: rep.positives } : {}),
    scheme: rep.scheme,
    folds: rep.folds.length,
    grouped: train.groups !== undefined,
    probe: rep.metric,
    baseline: pair.baseline.report.metric,
    difference: pair.difference,
  };
  return {
    ...pairReport(
      pair,
      train,
      sets.filter((s) => s !== 'baseline'),
    ),
    predictions: pair.predictions,
    fitted: storeFit(input.model, pair.probe, pair.baseline, cv),
    fromLink: false,
  };
}
