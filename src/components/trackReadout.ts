// The read-out of one base under the pointer or focused: its probabilities, log2 P of the observed base,
// entropy and information, its genomic coordinate when the record names its region, and the features over it;
// and the scan's summary. A base the model makes no prediction for (NaN: a causal model without a start token
// has none for the first base it reads) is said to have none, never given a number.
import type { LikelihoodTrack } from '../analysis/likelihoodScan';
import type { SequenceRecord } from '../genome/parseSequence';
import type { AnnotationSet } from '../render/annotationTrack';
import { logoColumn } from '../render/logo';

/** Positions of the scan without a prediction. */
export function unpredicted(scan: LikelihoodTrack): number[] {
  const out: number[] = [];
  for (let p = 0; p < scan.length; p++) if (Number.isNaN(scan.logprobs[p * 4]!)) out.push(p);
  return out;
}

/** The read-out of base p (0-based); `first` is the record's first genomic coordinate (1 when it names none). */
export function describeBase(p: number, record: SequenceRecord, scan: LikelihoodTrack, first: number): string {
  const where = first !== 1 ? `; ${record.name.split(':')[0]}:${(first + p).toLocaleString('en-US')}` : '';
  const head = `Position ${p + 1} (${record.sequence[p]}): `;
  if (Number.isNaN(scan.logprobs[p * 4]!))
    return `${head}no prediction: the model predicts each base from the bases before it, and none come before this one${
      where
    }`;
  const probs = [0, 1, 2, 3].map((b) => Math.exp(scan.logprobs[p * 4 + b]!));
  const listed = probs.map((q, b) => `${'ACGT'[b]} ${q.toFixed(3)}`).join(', ');
  const o = scan.observedBits[p]!;
  const bits = Number.isFinite(o) ? o.toFixed(2) : 'n/a (N)';
  const information = logoColumn(probs).information.toFixed(2);
  return (
    `${head}log2 P(observed) ${bits} bits, ` +
    `entropy ${scan.entropyBits[p]!.toFixed(2)} bits; P: ${listed}; information ${information} bits${where}`
  );
}

/** The annotated features over base p, as "; in kin2 exon 1 (exon), ..." for the read-out; '' when none. */
export function featuresAt(sets: AnnotationSet[] | undefined, p: number): string {
  const over = (sets ?? [])
    .flatMap((s) => s.features)
    .filter((f) => f.parts.some(([a, b]) => a <= p && p < b))
    .map((f) => `${f.name} (${f.type})`);
  return over.length ? `; in ${[...new Set(over)].join(', ')}` : '';
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
  const many = none.length > 1;
  return {
    mean: n ? s / n : NaN,
    missing: none.length
      ? ` Position${many ? 's' : ''} ${where} ${many ? 'have' : 'has'} no prediction (the model predicts each base ` +
        `from those before it) and ${many ? 'are' : 'is'} left out of the mean and of the exported tracks.`
      : '',
  };
}
