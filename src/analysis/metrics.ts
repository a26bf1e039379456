// Evaluation metrics: AUROC by ranks (ties averaged), with DeLong's confidence interval. Held-out bits per
// nucleotide are in heldout.ts.

/** Midranks (1-based, ties averaged) of values. */
function midranks(values: number[]): number[] {
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

/** Area under the ROC curve for `scores` predicting `labels` (true = positive); NaN without both classes. */
export function auroc(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).filter((i) => Number.isFinite(scores[i]!));
  const ranks = midranks(idx.map((i) => scores[i]!));
  let pos = 0, rankSum = 0;
  idx.forEach((i, k) => { if (labels[i]) { pos++; rankSum += ranks[k]!; } });
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface AurocInterval { auc: number; se: number; lo: number; hi: number }

/**
 * AUROC with a two-sided confidence interval (default 95%) from DeLong's variance (DeLong, DeLong and
 * Clarke-Pearson 1988), by midranks as Sun and Xu (2014): each positive's share of negatives it outranks
 * and each negative's share of positives that outrank it, their sample variances over m and n. Clipped
 * to [0, 1]; NaN without two of each class (a variance needs two).
 */
export function aurocInterval(scores: ArrayLike<number>, labels: ArrayLike<boolean>, z = 1.959964): AurocInterval {
  const pos: number[] = [], neg: number[] = [];
  for (let i = 0; i < scores.length; i++) if (Number.isFinite(scores[i]!)) (labels[i] ? pos : neg).push(scores[i]!);
  const m = pos.length, n = neg.length;
  if (m < 2 || n < 2) return { auc: auroc(scores, labels), se: NaN, lo: NaN, hi: NaN };
  const all = midranks([...pos, ...neg]), rp = midranks(pos), rn = midranks(neg);
  const v10 = pos.map((_, i) => (all[i]! - rp[i]!) / n); // share of negatives below positive i (ties half)
  const v01 = neg.map((_, j) => 1 - (all[m + j]! - rn[j]!) / m); // share of positives above negative j
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const variance = (v: number[]) => { const mu = mean(v); return v.reduce((a, b) => a + (b - mu) ** 2, 0) / (v.length - 1); };
  const auc = mean(v10), se = Math.sqrt(variance(v10) / m + variance(v01) / n);
  return { auc, se, lo: Math.max(0, auc - z * se), hi: Math.min(1, auc + z * se) };
}
