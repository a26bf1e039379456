// What the track panel says in words: one base's numbers, and the scan's summary. A base the model makes no
// prediction for (NaN: a causal model without a start token has none for the first base it reads) is said to
// have none, never given a number.
import type { LikelihoodTrack } from '../analysis/likelihoodScan';

/** Positions of the scan without a prediction. */
export function unpredicted(scan: LikelihoodTrack): number[] {
  const out: number[] = [];
  for (let p = 0; p < scan.length; p++) if (Number.isNaN(scan.logprobs[p * 4]!)) out.push(p);
  return out;
}

/** The read-out of base p (0-based). */
export function describeBase(p: number, seq: string, scan: LikelihoodTrack): string {
  const head = `Position ${p + 1} (${seq[p]}): `;
  if (Number.isNaN(scan.logprobs[p * 4]!))
    return `${head}no prediction: the model predicts each base from the bases before it, and none come before this one`;
  const probs = [0, 1, 2, 3].map((b) => `${'ACGT'[b]} ${Math.exp(scan.logprobs[p * 4 + b]!).toFixed(3)}`).join(', ');
  const o = scan.observedBits[p]!;
  return `${head}log2 P(observed) ${Number.isFinite(o) ? o.toFixed(2) : 'n/a (N)'} bits, entropy ${scan.entropyBits[p]!.toFixed(2)} bits; P: ${probs}`;
}

/** The mean over bases with a prediction (N and unpredicted bases left out), and what the summary says of the rest. */
export function scanSummary(scan: LikelihoodTrack): { mean: number; missing: string } {
  let s = 0,
    n = 0;
  for (const v of scan.observedBits)
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  const none = unpredicted(scan);
  const where =
    none
      .slice(0, 3)
      .map((p) => p + 1)
      .join(', ') + (none.length > 3 ? ', …' : '');
  return {
    mean: n ? s / n : NaN,
    missing: none.length
      ? ` Position${none.length > 1 ? 's' : ''} ${where} ${none.length > 1 ? 'have' : 'has'} no prediction (the model predicts each base from those before it) and ${none.length > 1 ? 'are' : 'is'} left out of the mean and of the exported tracks.`
      : '',
  };
}
