// A probe and the sequence-only baseline fitted on the same labelled rows and folds, their paired difference, and
// both applied to further rows: the one engine behind npm run fewshot, the evaluation and the page's probe.

import type { RunOptions } from '../analysis/run';
import { aurocDifference } from '../eval/metrics';
import { matrix } from './matrix';
import { fitProbe, type ProbeKind, type ProbeReport } from './probe';
import { predictProbe, type ProbeModel } from './probeModel';
import { rhoDifference, type PairedDifference } from './report';
import type { FeatureSet, SetBlock } from './variantFeatures';

export interface Fitted {
  report: ProbeReport;
  model: ProbeModel;
  columns: number;
}

export interface FewshotResult {
  probe: Fitted;
  baseline: Fitted;
  /** The probe's out-of-fold metric minus the baseline's on the same folds (DeLong, or Fisher's z for rho). */
  difference: PairedDifference;
  /** Per variant to predict: the probe's and the baseline's prediction, or null and the reason in note. */
  predictions: { probe: number | null; baseline: number | null; note: string }[];
}

/** Every feature of every variant: training rows first, then those to predict; null rows have a note. */
export interface FeatureRows {
  names: string[];
  sets: FeatureSet[];
  rows: (Float64Array | null)[];
  notes: string[];
}

export interface PairTraining {
  y: Float64Array;
  kind: ProbeKind;
  groups?: readonly string[];
}

/** The blocks' values of each of their `n` variants as one row; a row with a non-finite value is null, noted. */
export function rowsOfBlocks(blocks: readonly SetBlock[], n: number): FeatureRows {
  const names = blocks.flatMap((b) => b.names),
    sets = blocks.flatMap((b) => b.names.map(() => b.set));
  const notes: string[] = [],
    rows: (Float64Array | null)[] = [];
  for (let k = 0; k < n; k++) {
    const row = Float64Array.from(
      blocks.flatMap((b) => [...b.data.subarray(k * b.names.length, (k + 1) * b.names.length)]),
    );
    const bad = row.findIndex((x) => !Number.isFinite(x));
    notes.push(bad >= 0 ? `feature ${names[bad]} is not a number here` : '');
    rows.push(bad >= 0 ? null : row);
  }
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

/**
 * Fits the probe on the columns of `sets` and the baseline on the 'baseline' columns, both by the same nested
 * cross-validation (same folds: same seed, groups and labels), then predicts the rows after the training ones.
 * The first train.y.length rows must all be present (the caller refuses labels it could not featurise).
 */
export async function fitPair(
  features: FeatureRows,
  train: PairTraining,
  sets: readonly FeatureSet[],
  opts: RunOptions & { seed?: number } = {},
): Promise<FewshotResult> {
  const { names, rows, notes } = features,
    n = train.y.length;
  const cols = (keep: (s: FeatureSet) => boolean) => names.map((_, j) => j).filter((j) => keep(features.sets[j]!));
  const baseCols = cols((s) => s === 'baseline'),
    probeCols = cols((s) => sets.includes(s));
  const trainRows = rows.slice(0, n) as Float64Array[];
  const fit = async (keep: number[]): Promise<Fitted> => {
    const X = columns(trainRows, keep),
      input = { X, names: keep.map((j) => names[j]!), y: train.y, kind: train.kind, groups: train.groups };
    const { report, model } = await fitProbe(input, { seed: opts.seed, signal: opts.signal });
    return { report, model, columns: keep.length };
  };
  const probe = await fit(probeCols),
    baseline = await fit(baseCols);
  const [a, b] = [probe.report.outOfFold, baseline.report.outOfFold];
  const difference: PairedDifference =
    train.kind === 'binary'
      ? {
          ...aurocDifference(
            a,
            b,
            Array.from(train.y, (v) => v === 1),
          ),
          test: 'DeLong',
        }
      : rhoDifference(a, b, train.y);
  const kept = rows.map((_, i) => i).filter((i) => i >= n && rows[i] !== null);
  const toPredict = kept.map((i) => rows[i]!);
  const p = predictProbe(probe.model, columns(toPredict, probeCols));
  const q = predictProbe(baseline.model, columns(toPredict, baseCols));
  const predictions = rows.slice(n).map((_, i) => ({
    probe: null as number | null,
    baseline: null as number | null,
    note: notes[n + i]!,
  }));
  kept.forEach((i, k) => {
    predictions[i - n] = { probe: p[k]!, baseline: q[k]!, note: '' };
  });
  return { probe, baseline, difference, predictions };
}
