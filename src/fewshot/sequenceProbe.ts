// The page's few-shot probe on one sequence: labels placed on it, features from the loaded model and the
// sequence-only baseline, the pair fitted by nested cross-validation on the same folds, then the other variants
// (the variants table's) predicted by both. What the worker returns is plain data the page shows as it is.

import type { RunOptions } from '../analysis/run';
import type { Variant } from '../analysis/scoring/plan';
import type { LanguageModel } from '../model/languageModel';
import { fitPair, rowsOfBlocks, type FeatureRows, type Fitted } from './probePair';
import type { FoldScheme } from './folds';
import { substitutionProblem } from './labelledVariants';
import type { ProbeKind } from './probe';
import type { CalibrationBin, Importance, Interval, PairedDifference } from './report';
import { readSequenceLabels, type LabelColumns } from './sequenceLabels';
import { variantFeatures, type FeatureSet } from './variantFeatures';

export interface SequenceProbeInput extends LabelColumns {
  /** The label TSV as pasted. */
  labels: string;
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
  predictions: { probe: number | null; baseline: number | null; note: string }[];
}

/** Features of the importance list the page shows. */
const SHOWN = 8;

function summary(f: Fitted): FitSummary {
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

/** Labels are read and refused before the model runs; a labelled variant without features is refused too. */
export async function probeSequence(
  model: LanguageModel,
  seq: string,
  input: SequenceProbeInput,
  opts: RunOptions = {},
): Promise<SequenceProbeResult> {
  const train = readSequenceLabels(input.labels, input, { name: input.record, sequence: seq });
  const sets: FeatureSet[] = [...input.features.filter((s) => s !== 'baseline'), 'baseline'];
  if (sets.length === 1) throw new Error('choose the model features the probe reads (embedding, zero-shot scores)');
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
  return {
    kind: train.kind,
    n: rep.n,
    positives: rep.positives,
    values: train.values,
    scheme: rep.scheme,
    folds: rep.folds.length,
    grouped: train.groups !== undefined,
    features: sets.filter((s) => s !== 'baseline'),
    probe: summary(pair.probe),
    baseline: summary(pair.baseline),
    difference: pair.difference,
    predictions: pair.predictions,
  };
}
