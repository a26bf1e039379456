// Ridge regression: (1/(2n)) sum (y - eta)^2 + (lambda / 2) |w|^2 on standardised columns, the intercept
// unpenalised (scikit-learn's Ridge on standardised X with alpha = n lambda).

import { fitLinear, withRawScale, type LinearModel } from './linear';
import type { Matrix } from './matrix';
import type { Loss, SolveOptions } from './newton';

/** Half the squared error: its Hessian is constant, so one exact Newton step solves the fit. */
export const squaredLoss: Loss = {
  evaluate(eta, y, d, h) {
    let total = 0;
    for (let i = 0; i < eta.length; i++) {
      const r = eta[i]! - y[i]!;
      total += 0.5 * r * r;
      d[i] = r;
      h[i] = 1;
    }
    return total;
  },
  value(eta, y) {
    let total = 0;
    for (let i = 0; i < eta.length; i++) total += 0.5 * (eta[i]! - y[i]!) ** 2;
    return total;
  },
  quadratic: true,
  start: (y) => y.reduce((a, b) => a + b, 0) / y.length,
};

/**
 * Fit on the given rows of X; y holds a number per row of X. Predict with linearPredictor. The labels are
 * standardised for the solve and the fit scaled back (the solution is linear in y), so the solver's tolerance
 * means the same for labels in thousands as in fractions.
 */
export function fitRidge(
  X: Matrix,
  y: ArrayLike<number>,
  rows: Int32Array,
  lambda: number,
  opts?: SolveOptions,
): LinearModel {
  let mean = 0,
    sq = 0;
  for (const r of rows) mean += y[r]! / rows.length;
  for (const r of rows) sq += (y[r]! - mean) ** 2;
  const sd = Math.sqrt(sq / rows.length) || 1;
  const scaled = Float64Array.from({ length: y.length }, (_, i) => (y[i]! - mean) / sd);
  const from = opts?.start;
  const start = from && { ...from, intercept: (from.intercept - mean) / sd, coef: from.coef.map((c) => c / sd) };
  const m = fitLinear(X, scaled, rows, squaredLoss, lambda, { ...opts, start });
  const fit = {
    ...m.fit,
    intercept: mean + sd * m.intercept,
    coef: m.coef.map((c) => c * sd),
    gradient: m.fit.gradient * sd,
  };
  return withRawScale(m.std, lambda, fit.intercept, fit.coef, fit);
}
