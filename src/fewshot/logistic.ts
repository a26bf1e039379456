// L2-penalised logistic regression: (1/n) sum log-loss + (lambda / 2) |w|^2 on standardised columns, the
// intercept unpenalised (scikit-learn's LogisticRegression on standardised X with C = 1 / (n lambda)).

import { fitLinear, linearPredictor, type LinearModel } from './linear';
import type { Matrix } from './matrix';
import type { Loss, SolveOptions } from './newton';

/** log(1 + e^x) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** Log-loss of eta for labels y in {0, 1}: softplus(eta) - y eta. */
export const logisticLoss: Loss = {
  evaluate(eta, y, d, h) {
    let total = 0;
    for (let i = 0; i < eta.length; i++) {
      const e = eta[i]!,
        p = sigmoid(e);
      total += softplus(e) - y[i]! * e;
      d[i] = p - y[i]!;
      h[i] = p * (1 - p);
    }
    return total;
  },
  value(eta, y) {
    let total = 0;
    for (let i = 0; i < eta.length; i++) total += softplus(eta[i]!) - y[i]! * eta[i]!;
    return total;
  },
  quadratic: false,
  start(y) {
    const m = y.reduce((a, b) => a + b, 0) / y.length;
    return Math.log(Math.max(m, 1e-6) / Math.max(1 - m, 1e-6));
  },
};

/** Fit on the given rows of X; y holds 0 / 1 per row of X. */
export function fitLogistic(
  X: Matrix,
  y: ArrayLike<number>,
  rows: Int32Array,
  lambda: number,
  opts?: SolveOptions,
): LinearModel {
  return fitLinear(X, y, rows, logisticLoss, lambda, opts);
}

/** Probability of the positive class for the given rows of X (all by default). */
export function predictProbability(m: LinearModel, X: Matrix, rows?: Int32Array): Float64Array {
  return linearPredictor(m, X, rows).map(sigmoid);
}
