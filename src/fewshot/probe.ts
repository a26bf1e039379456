// Few-shot probe: a penalised linear model on a person's labelled examples, judged by nested cross-validation
// (out-of-fold metric with its interval, calibration, stable features), and refitted on all of them.

import type { RunOptions } from '../analysis/run';
import { crossValidate, type CvOptions, type ProbeKind } from './crossValidation';
import type { FoldScheme } from './folds';
import type { Matrix } from './matrix';
import type { ProbeModel } from './probeModel';
import {
  aurocReport,
  calibrationCurve,
  importance,
  spearman,
  spearmanReport,
  type CalibrationBin,
  type Importance,
  type Interval,
} from './report';
import { validateProbeInput } from './validate';

export type { ProbeKind } from './crossValidation';

export interface ProbeInput {
  X: Matrix;
  /** One name per column of X. */
  names: readonly string[];
  /** Per row: 0 / 1 (binary) or a number (continuous). */
  y: ArrayLike<number>;
  kind: ProbeKind;
  /** Per row, the group it belongs to (exon, gene); a group is never split between training and test. */
  groups?: readonly string[];
}

export interface ProbeOptions extends Partial<CvOptions>, RunOptions {
  /** Bins of the calibration curve (default 10, fewer when examples are few). */
  bins?: number;
}

/** Penalties tried by default: half-decades from 100 (close to an intercept-only model) down to 1e-4. */
export const DEFAULT_LAMBDAS: readonly number[] = Array.from({ length: 13 }, (_, i) => 10 ** (2 - i / 2));

export interface FoldReport {
  test: Int32Array;
  groups: string[];
  lambda: number;
  /** The metric on this fold's test rows alone (NaN when they hold one class, or a constant label). */
  metric: number;
  /** Standardised coefficients of the fold's model. */
  coef: Float64Array;
}

export interface ProbeReport {
  kind: ProbeKind;
  n: number;
  /** Binary: positives among the n examples. */
  positives?: number;
  scheme: FoldScheme;
  /** AUROC with DeLong's 95% interval (binary) or Spearman's rho with Fisher's z 95% interval (continuous). */
  metric: Interval & { name: 'AUROC' | 'Spearman rho' };
  /** Binary: out-of-fold probabilities, binned. */
  calibration?: CalibrationBin[];
  /** Per example, the prediction of the model that did not see it (a probability for binary labels). */
  outOfFold: Float64Array;
  /** The penalty of the final model, and the grid's held-out loss behind the choice (NaN: not reached). */
  lambda: number;
  lambdas: Float64Array;
  loss: Float64Array;
  importance: Importance[];
  folds: FoldReport[];
  /** Fits that stopped before the solver's tolerance (none expected; shown if they happen). */
  warnings: string[];
}

/**
 * Cross-validate and fit a probe. Throws ProbeInputError for input that cannot give an honest estimate (one
 * class, fewer than 10 examples of a class, fewer than 3 groups, non-finite values, mismatched lengths).
 */
export async function fitProbe(
  input: ProbeInput,
  opts: ProbeOptions = {},
): Promise<{ report: ProbeReport; model: ProbeModel }> {
  const cvOpts: CvOptions = {
    lambdas: opts.lambdas ?? DEFAULT_LAMBDAS,
    folds: opts.folds ?? 5,
    innerFolds: opts.innerFolds ?? 3,
    leaveOneOutUpTo: opts.leaveOneOutUpTo ?? 10,
    seed: opts.seed ?? 1,
    innerTol: opts.innerTol ?? 1e-4,
  };
  const { kind, X, y, groups } = input;
  const positives = validateProbeInput(input, cvOpts);
  const cv = await crossValidate(kind, X, y, groups, cvOpts, opts);
  const binary = kind === 'binary';
  const metricOf = (pred: ArrayLike<number>, labels: ArrayLike<number>) =>
    binary ? aurocReport(pred, labels) : spearmanReport(pred, labels);
  const folds: FoldReport[] = cv.folds.map((f) => ({
    test: f.test,
    groups: f.groups,
    lambda: f.choice.lambda,
    coef: f.model.coef,
    metric: binary
      ? aurocReport(pick(cv.outOfFold, f.test), pick(y, f.test)).value
      : spearman(pick(cv.outOfFold, f.test), pick(y, f.test)),
  }));
  const fits = [
    ...cv.folds.map((f, i) => ({ fit: f.model.fit, at: `fold ${i + 1}` })),
    { fit: cv.model.fit, at: 'the final fit' },
  ];
  const warnings = fits
    .filter((w) => !w.fit.converged)
    .map(
      (w) => `${w.at} stopped after ${w.fit.iterations} Newton steps with gradient ${w.fit.gradient.toExponential(2)}`,
    );
  const report: ProbeReport = {
    kind,
    n: X.rows,
    positives: binary ? positives : undefined,
    scheme: cv.scheme,
    metric: { name: binary ? 'AUROC' : 'Spearman rho', ...metricOf(cv.outOfFold, y) },
    calibration: binary ? calibrationCurve(cv.outOfFold, y, Math.min(opts.bins ?? 10, X.rows / 10)) : undefined,
    outOfFold: cv.outOfFold,
    lambda: cv.choice.lambda,
    lambdas: cv.choice.lambdas,
    loss: cv.choice.loss,
    importance: importance(
      input.names,
      cv.model.coef,
      cv.folds.map((f) => f.model.coef),
    ),
    folds,
    warnings,
  };
  const model: ProbeModel = {
    kind,
    names: [...input.names],
    lambda: cv.model.lambda,
    mean: cv.model.std.mean,
    scale: cv.model.std.scale,
    intercept: cv.model.intercept,
    coef: cv.model.coef,
  };
  return { report, model };
}

function pick(v: ArrayLike<number>, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (r) => v[r]!);
}
