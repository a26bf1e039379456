// The read-out of one base under the pointer or focused: its probabilities, log2 P of the observed base,
// entropy and information, and its genomic coordinate when the record names its region.
import type { LikelihoodTrack } from '../analysis/likelihoodScan';
import type { SequenceRecord } from '../genome/parseSequence';
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
