// What a probe's cross-validation says: the out-of-fold metric with its interval (AUROC by DeLong, Spearman's
// rho by Fisher's z), a calibration curve with Wilson intervals, and the features that matter with how often
// the folds agree on their sign.

import { aurocInterval, midranks, normalCdf } from '../eval/metrics';

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

/** A probe's metric minus the baseline's on the same out-of-fold predictions, with a 95% interval and p-value. */
export interface PairedDifference {
  a: number;
  b: number;
  diff: number;
  lo: number;
  hi: number;
  p: number;
  test: 'DeLong' | 'Fisher z';
}

/**
 * Two rank correlations with one label, r1 = rho(a, y) and r2 = rho(b, y), that share y and whose predictions
 * correlate (r12 = rho(a, b)): Zou's (2007) interval for r1 - r2 from each one's Fisher z interval, and the z
 * test of Meng, Rosenthal and Rubin (1992), both with the rank correlation's variance 1.06 / (n - 3).
 */
export function dependentRhoDifference(r1: number, r2: number, r12: number, n: number, z = Z95): PairedDifference {
  const bad = { a: r1, b: r2, diff: r1 - r2, lo: NaN, hi: NaN, p: NaN, test: 'Fisher z' as const };
  if (n < 4 || ![r1, r2, r12].every(Number.isFinite)) return bad;
  const v = 1.06 / (n - 3),
    clip = (r: number) => Math.min(Math.max(r, -1 + 1e-12), 1 - 1e-12);
  const ci = (r: number) => [
    Math.tanh(Math.atanh(clip(r)) - z * Math.sqrt(v)),
    Math.tanh(Math.atanh(clip(r)) + z * Math.sqrt(v)),
  ];
  const [l1, u1] = ci(r1) as [number, number],
    [l2, u2] = ci(r2) as [number, number];
  const c = ((r12 - (r1 * r2) / 2) * (1 - r1 * r1 - r2 * r2 - r12 * r12) + r12 ** 3) / ((1 - r1 * r1) * (1 - r2 * r2));
  const lo = r1 - r2 - Math.sqrt(Math.max(0, (r1 - l1) ** 2 + (u2 - r2) ** 2 - 2 * c * (r1 - l1) * (u2 - r2)));
  const hi = r1 - r2 + Math.sqrt(Math.max(0, (u1 - r1) ** 2 + (r2 - l2) ** 2 - 2 * c * (u1 - r1) * (r2 - l2)));
  const mean2 = (r1 * r1 + r2 * r2) / 2,
    f = Math.min(1, (1 - r12) / (2 * (1 - mean2))),
    h = (1 - f * mean2) / (1 - mean2);
  const se = Math.sqrt(2 * (1 - r12) * h * v);
  const dz = Math.atanh(clip(r1)) - Math.atanh(clip(r2));
  const p = se > 0 ? 2 * (1 - normalCdf(Math.abs(dz) / se)) : dz === 0 ? 1 : 0;
  return { ...bad, lo, hi, p };
}

/** rho(a, y) - rho(b, y) for two predictions of the same examples (dependentRhoDifference). */
export function rhoDifference(a: ArrayLike<number>, b: ArrayLike<number>, y: ArrayLike<number>): PairedDifference {
  return dependentRhoDifference(spearman(a, y), spearman(b, y), spearman(a, b), a.length);
}
