// Evaluation metrics: AUROC by ranks (ties averaged). Held-out bits per nucleotide are in heldout.ts.

/** Area under the ROC curve for `scores` predicting `labels` (true = positive); NaN without both classes. */
export function auroc(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const idx = Array.from({ length: scores.length }, (_, i) => i).filter((i) => Number.isFinite(scores[i]!));
  idx.sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0, neg = 0, rankSum = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && scores[idx[j]!] === scores[idx[i]!]) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1..j
    for (let k = i; k < j; k++) if (labels[idx[k]!]) { pos++; rankSum += avgRank; } else neg++;
    i = j;
  }
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
