// The read-out of one base under the pointer or focused: its probabilities, log2 P of the observed base,
// entropy and information, its genomic coordinate when the record names its region, and the features over it.
import type { LikelihoodTrack } from '../analysis/likelihoodScan';
import type { SequenceRecord } from '../genome/parseSequence';
import type { AnnotationSet } from '../render/annotationTrack';
import { logoColumn } from '../render/logo';

export function describeBase(p: number, record: SequenceRecord, scan: LikelihoodTrack, first: number): string {
  const probs = [0, 1, 2, 3].map((b) => Math.exp(scan.logprobs[p * 4 + b]!));
  const listed = probs.map((q, b) => `${'ACGT'[b]} ${q.toFixed(3)}`).join(', ');
  const o = scan.observedBits[p]!;
  const where = first !== 1 ? `; ${record.name.split(':')[0]}:${(first + p).toLocaleString('en-US')}` : '';
  const bits = Number.isFinite(o) ? o.toFixed(2) : 'n/a (N)';
  const information = logoColumn(probs).information.toFixed(2);
  return (
    `Position ${p + 1} (${record.sequence[p]}): log2 P(observed) ${bits} bits, ` +
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
