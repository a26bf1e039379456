// What a probe's cross-validation says: the out-of-fold metric with its interval (AUROC by DeLong, Spearman's
// rho by Fisher's z), a calibration curve with Wilson intervals, and the features that matter with how often
// the folds agree on their sign.

import { aurocInterval, midranks } from '../eval/metrics';

const Z95 = 1.959964;

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

/** Wilson's score interval (default 95%) for k successes in n trials; NaN for n = 0. */
export function wilson(k: number, n: number, z = Z95): { lo: number; hi: number } {
  if (n === 0) return { lo: NaN, hi: NaN };
  const p = k / n,
    z2 = z * z,
    centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

export interface CalibrationBin {
  n: number;
  /** Mean predicted probability and observed share of positives in the bin, with its Wilson 95% interval. */
  predicted: number;
  observed: number;
  lo: number;
  hi: number;
}

/**
 * Calibration curve: the examples ordered by predicted probability and cut into `bins` groups of (nearly)
 * equal size, so every point rests on the same number of labels (fixed-width bins can leave some nearly
 * empty when the probabilities crowd together).
 */
export function calibrationCurve(prob: ArrayLike<number>, y: ArrayLike<number>, bins: number): CalibrationBin[] {
  const order = Array.from({ length: prob.length }, (_, i) => i).sort((a, b) => prob[a]! - prob[b]!);
  const count = Math.max(1, Math.min(Math.floor(bins), order.length));
  return Array.from({ length: count }, (_, b) => {
    const part = order.slice(Math.round((b * order.length) / count), Math.round(((b + 1) * order.length) / count));
    const pos = part.reduce((s, i) => s + y[i]!, 0);
    return {
      n: part.length,
      predicted: part.reduce((s, i) => s + prob[i]!, 0) / part.length,
      observed: pos / part.length,
      ...wilson(pos, part.length),
    };
  });
}

/** AUROC of out-of-fold probabilities with DeLong's 95% interval. */
export function aurocReport(prob: ArrayLike<number>, y: ArrayLike<number>): Interval {
  const r = aurocInterval(
    prob,
    Array.from(y, (v) => v === 1),
  );
  return { value: r.auc, lo: r.lo, hi: r.hi };
}

/** Spearman's rho: Pearson's correlation of midranks (ties averaged); NaN when either side is constant. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rx = midranks(Array.from(x)),
    ry = midranks(Array.from(y));
  const mean = (rx.length + 1) / 2;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < rx.length; i++) {
    const a = rx[i]! - mean,
      b = ry[i]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/**
 * Spearman's rho with a 95% interval by Fisher's z, atanh(rho) +- 1.96 sqrt(1.06 / (n - 3)) (the variance of
 * Fieller, Hartley and Pearson 1957 for rank correlation). It treats examples as independent: with correlated
 * groups (variants of one exon) the interval is too narrow. NaN interval for n < 4.
 */
export function spearmanReport(pred: ArrayLike<number>, y: ArrayLike<number>): Interval {
  const rho = spearman(pred, y),
    n = pred.length;
  if (!Number.isFinite(rho) || n < 4) return { value: rho, lo: NaN, hi: NaN };
  const z = Math.atanh(Math.min(Math.max(rho, -1 + 1e-15), 1 - 1e-15)),
    half = Z95 * Math.sqrt(1.06 / (n - 3));
  return { value: rho, lo: Math.tanh(z - half), hi: Math.tanh(z + half) };
}

export interface Importance {
  name: string;
  /** Coefficient of the final fit per standard deviation of the feature (0 for a constant feature). */
  coef: number;
  /** Share of the outer folds whose coefficient has the final fit's sign. */
  signAgreement: number;
}

/** Features by decreasing |standardised coefficient| of the final fit, with the folds' sign agreement. */
export function importance(names: readonly string[], final: Float64Array, folds: Float64Array[]): Importance[] {
  return names
    .map((name, j) => ({
      name,
      coef: final[j]!,
      signAgreement: folds.filter((c) => Math.sign(c[j]!) === Math.sign(final[j]!)).length / folds.length,
    }))
    .sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef));
}
