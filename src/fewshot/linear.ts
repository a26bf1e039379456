// A linear model fitted on standardised columns (standardisation taken from its training rows), with its
// coefficients on both scales and its predictions for any rows of a matrix.

import { standardisation, StandardisedRows, type Matrix, type Standardisation } from './matrix';
import { solve, type LinearFit, type Loss, type SolveOptions } from './newton';

export interface LinearModel {
  std: Standardisation;
  lambda: number;
  /** On the standardised scale: eta = intercept + sum_j coef_j (x_j - mean_j) / scale_j. */
  intercept: number;
  coef: Float64Array;
  /** The same model on the raw scale: eta = rawIntercept + sum_j rawCoef_j x_j (0 for constant columns). */
  rawIntercept: number;
  rawCoef: Float64Array;
  fit: LinearFit;
}

/** Fit `loss` with penalty lambda on the given rows of X against y (one label per row of X). */
export function fitLinear(
  X: Matrix,
  y: ArrayLike<number>,
  rows: Int32Array,
  loss: Loss,
  lambda: number,
  opts: SolveOptions = {},
): LinearModel {
  const std = standardisation(X, rows);
  const fit = solve(
    new StandardisedRows(X, rows, std),
    Float64Array.from(rows, (r) => y[r]!),
    loss,
    lambda,
    opts,
  );
  return withRawScale(std, lambda, fit.intercept, fit.coef, fit);
}

/** The model with its raw-scale coefficients derived from the standardised ones. */
export function withRawScale(
  std: Standardisation,
  lambda: number,
  intercept: number,
  coef: Float64Array,
  fit: LinearFit,
): LinearModel {
  const raw = rawCoefficients(std, intercept, coef);
  return { std, lambda, intercept, coef, rawIntercept: raw.intercept, rawCoef: raw.coef, fit };
}

/** Standardised-scale coefficients on the raw scale: coef_j / scale_j (0 for constant columns) and the intercept. */
export function rawCoefficients(
  std: Standardisation,
  intercept: number,
  coef: Float64Array,
): { intercept: number; coef: Float64Array } {
  const raw = coef.map((c, j) => (std.scale[j]! > 0 ? c / std.scale[j]! : 0));
  return { intercept: raw.reduce((b, c, j) => b - c * std.mean[j]!, intercept), coef: raw };
}

/** The linear predictor for the given rows of X (all rows by default). */
export function linearPredictor(m: LinearModel, X: Matrix, rows?: Int32Array): Float64Array {
  if (X.cols !== m.coef.length) {
    throw new Error(`the model has ${m.coef.length} features, the matrix ${X.cols} columns`);
  }
  const n = rows?.length ?? X.rows,
    out = new Float64Array(n);
  return new StandardisedRows(X, rows ?? Int32Array.from({ length: n }, (_, i) => i), m.std)
    .times(m.coef, out)
    .map((v) => v + m.intercept);
}
