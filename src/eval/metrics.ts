// Evaluation metrics: AUROC by ranks (ties averaged), with DeLong's confidence interval for one AUROC and his
// test for the difference of two on the same samples. Held-out bits per nucleotide are in heldout.ts.

/** Midranks (1-based, ties averaged) of values. */
export function midranks(values: number[]): number[] {
  const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Array<number>(values.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && values[idx[j]!] === values[idx[i]!]) j++;
    for (let k = i; k < j; k++) out[idx[k]!] = (i + 1 + j) / 2;
    i = j;
  }
  return out;
}

/** The indices where every one of the score vectors (of one length) is finite. */
function finiteIndices(...scores: ArrayLike<number>[]): number[] {
  return Array.from({ length: scores[0]!.length }, (_, i) => i).filter((i) =>
    scores.every((s) => Number.isFinite(s[i]!)),
  );
}

/** The scores at indices idx, split by label. */
function byClass(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  idx: number[],
): { pos: number[]; neg: number[] } {
  return {
    pos: idx.filter((i) => labels[i]).map((i) => scores[i]!),
    neg: idx.filter((i) => !labels[i]).map((i) => scores[i]!),
  };
}

/** Area under the ROC curve for `scores` predicting `labels` (true = positive); NaN without both classes. */
export function auroc(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const idx = finiteIndices(scores);
  const ranks = midranks(idx.map((i) => scores[i]!));
  let pos = 0,
    rankSum = 0;
  idx.forEach((i, k) => {
    if (labels[i]) {
      pos++;
      rankSum += ranks[k]!;
    }
  });
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface AurocInterval {
  auc: number;
  se: number;
  lo: number;
  hi: number;
}

/**
 * AUROC with a two-sided confidence interval (default 95%) from DeLong's variance (DeLong, DeLong and
 * Clarke-Pearson 1988), by midranks as Sun and Xu (2014): each positive's share of negatives it outranks
 * and each negative's share of positives that outrank it, their sample variances over m and n. Clipped
 * to [0, 1]; NaN without two of each class (a variance needs two).
 */
export function aurocInterval(scores: ArrayLike<number>, labels: ArrayLike<boolean>, z = 1.959964): AurocInterval {
  const { pos, neg } = byClass(scores, labels, finiteIndices(scores));
  if (pos.length < 2 || neg.length < 2) return { auc: auroc(scores, labels), se: NaN, lo: NaN, hi: NaN };
  const { v10, v01 } = placements(pos, neg);
  const auc = mean(v10),
    se = Math.sqrt(covariance(v10, v10) / pos.length + covariance(v01, v01) / neg.length);
  return { auc, se, lo: Math.max(0, auc - z * se), hi: Math.min(1, auc + z * se) };
}

export interface AurocDifference {
  /** AUROC of the first and the second scores on the samples both score, and a - b. */
  a: number;
  b: number;
  diff: number;
  /** DeLong's standard error of the difference, its two-sided interval (default 95%) and p-value (normal). */
  se: number;
  lo: number;
  hi: number;
  p: number;
  /** Positives and negatives compared. */
  m: number;
  n: number;
}

/**
 * DeLong's test of two correlated AUROCs: two scores of the same samples (say two models on one variant
 * set). The placements of each score as in aurocInterval; var(a - b) = (S10_aa + S10_bb - 2 S10_ab) / m +
 * (S01_aa + S01_bb - 2 S01_ab) / n, S the sample covariances of the placements over positives (10) and
 * negatives (01). Samples where either score is not finite are left out of both. NaN without two of each class.
 */
export function aurocDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  z = 1.959964,
): AurocDifference {
  if (a.length !== b.length || a.length !== labels.length)
    throw new Error('aurocDifference: scores and labels of the same samples');
  const keep = finiteIndices(a, b);
  const sa = byClass(a, labels, keep),
    sb = byClass(b, labels, keep);
  const m = sa.pos.length,
    n = sa.neg.length;
  if (m < 2 || n < 2) return { a: NaN, b: NaN, diff: NaN, se: NaN, lo: NaN, hi: NaN, p: NaN, m, n };
  const pa = placements(sa.pos, sa.neg),
    pb = placements(sb.pos, sb.neg);
  const aucA = mean(pa.v10),
    aucB = mean(pb.v10),
    diff = aucA - aucB;
  const variance =
    (covariance(pa.v10, pa.v10) + covariance(pb.v10, pb.v10) - 2 * covariance(pa.v10, pb.v10)) / m +
    (covariance(pa.v01, pa.v01) + covariance(pb.v01, pb.v01) - 2 * covariance(pa.v01, pb.v01)) / n;
  const se = Math.sqrt(Math.max(0, variance));
  // identical rankings: no difference and no variance, so nothing against equality
  const p = se > 0 ? 2 * (1 - normalCdf(Math.abs(diff) / se)) : diff === 0 ? 1 : 0;
  return { a: aucA, b: aucB, diff, se, lo: diff - z * se, hi: diff + z * se, p, m, n };
}

/**
 * DeLong's placements: per positive, the share of negatives it outranks; per negative, the share of
 * positives above it (ties half). Their means are the AUROC; by midranks as Sun and Xu (2014).
 */
function placements(pos: number[], neg: number[]): { v10: number[]; v01: number[] } {
  const m = pos.length,
    n = neg.length;
  const all = midranks([...pos, ...neg]),
    rp = midranks(pos),
    rn = midranks(neg);
  return { v10: pos.map((_, i) => (all[i]! - rp[i]!) / n), v01: neg.map((_, j) => 1 - (all[m + j]! - rn[j]!) / m) };
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/** Sample covariance (n - 1) of two vectors of the same length. */
function covariance(x: number[], y: number[]): number {
  const mx = mean(x),
    my = mean(y);
  return x.reduce((acc, xi, i) => acc + (xi - mx) * (y[i]! - my), 0) / (x.length - 1);
}

/** Standard normal CDF via erf (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const erf =
    1 -
    t *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
