// The BRCA1 SGE dev split as the few-shot evaluation reads it (Node: the shared data files).

import { parseRegion } from '../genome/region';
import { BRCA1_FASTA, readFasta, readSge } from '../node/data';
import type { FewshotEvalData } from './fewshotEval';

/** Substitutions of the BRCA1 region; LOF = 1 against FUNC and INT; the exon is the group. */
export function brca1DevData(): FewshotEvalData {
  const region = readFasta(BRCA1_FASTA)[0]!,
    start = parseRegion(region.name).start,
    sge = readSge();
  return {
    seq: region.sequence,
    variants: sge.map((v) => ({ pos: v.pos - start, ref: v.ref, alt: v.alt })),
    y: Float64Array.from(sge, (v) => (v.funcClass === 'LOF' ? 1 : 0)),
    groups: sge.map((v) => v.exon),
  };
}
