// What the share-link tests encode: random bases, real analyses as the app shares them (BRCA1, the lambda
// example, a soft-masked Alu), and the bare fields of a saved analysis.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { parseSequence } from '../genome/parseSequence';
import { parseRegion } from '../genome/region';
import { BRCA1_FASTA, readFasta } from '../node/data';
import { REPO_ROOT } from '../node/nodeRuntime';
import { mustSkip } from '../node/prerequisites';
import type { SavedAnalysis } from './savedAnalysis';

/** Uniformly random bases: an exact 32-bit LCG (Math.imul), using high bits (the low ones cycle fast). */
export function randomSeq(n: number, seed = 1): string {
  let x = seed,
    s = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    s += 'ACGT'[x >>> 30];
  }
  return s;
}

export const noBrca1 = mustSkip(inject('prerequisites'), 'the share-link tests on real BRCA1 DNA (shared data)', {
  shared: true,
});
export const brca1 = noBrca1 ? { name: '', sequence: '', softMasked: new Uint8Array(0) } : readFasta(BRCA1_FASTA)[0]!;
export const bare = { models: {}, view: {}, analyses: {} };

/** Real analyses as the app shares them: 717 bp of BRCA1 with 13 variants; the lambda example; a soft-masked Alu. */
export function realStates(): SavedAnalysis[] {
  const from = 41_245_001 - parseRegion(brca1.name).start;
  const sequence = brca1.sequence.slice(from, from + 717);
  const variants = Array.from({ length: 13 }, (_, k) => {
    const i = 20 + k * 51;
    return `chr17:${41_245_001 + i}${sequence[i]}>${sequence[i] === 'A' ? 'G' : 'A'}`;
  });
  const example = (file: string) =>
    parseSequence(readFileSync(join(REPO_ROOT, 'public/examples', file), 'utf8')).records[0]!;
  const lambda = example('lambda_cI_cro.fa'),
    alu = example('human_alu_chr22.fa');
  return [
    {
      name: 'chr17:41245001-41245717',
      sequence,
      softMasked: brca1.softMasked.slice(from, from + 717),
      models: { primary: 'mlm-hybrid-chr22' },
      view: { focus: 358 },
      analyses: { attention: { layer: 1, head: 0 }, variants: { variants, window: 256, bothStrands: false } },
    },
    {
      name: lambda.name,
      sequence: lambda.sequence,
      softMasked: lambda.softMasked,
      models: { primary: 'clm-hybrid-chr22' },
      view: { zoom: -2, start: 100, focus: 20 }, // zoomed out from the opening view (letters)
      analyses: {
        attention: { layer: 1, head: 3 },
        variants: { variants: ['5G>A'], window: 512, bothStrands: true },
        mutagenesis: { start: 10, end: 30, method: 'dll' },
      },
    },
    {
      name: alu.name,
      sequence: alu.sequence,
      softMasked: alu.softMasked,
      models: { primary: 'mlm-hybrid-chr22' },
      view: {},
      analyses: {},
    },
  ];
}
