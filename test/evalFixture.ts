// The evaluation's data cut down to the committed fixtures (test/data, made by cutFixtures.ts): 4 kb of the BRCA1
// region around exon 19, 35 of its SGE dev variants, and four grammar sites placed in that record.

import { join } from 'node:path';
import type { GrammarSite } from '../src/eval/grammarProbe';
import { evalData, type EvalData } from '../src/eval/evaluate';
import { readFasta, readSge } from '../src/node/data';
import { REPO_ROOT } from '../src/node/nodeRuntime';

export const FIXTURES = join(REPO_ROOT, 'test/data');

export function fixtureEvalData(): EvalData {
  const region = readFasta(join(FIXTURES, 'brca1_exon19.fa'))[0]!;
  const sge = readSge(join(FIXTURES, 'brca1_sge_exon19.tsv'));
  // sites for the probe's plumbing, not its biology
  const sites: GrammarSite[] = (
    [
      ['donor', 700],
      ['acceptor', 1500],
      ['random', 2500],
      ['random', 3000],
    ] as const
  ).map(([kind, pos]) => {
    const base = region.sequence[pos]!;
    return { kind, record: region.name, pos, ref: base.toUpperCase(), repeat: base >= 'a' };
  });
  const grammar = { sites, records: new Map([[region.name, region.sequence]]), heldoutGenes: 1 };
  return evalData({ ...region, source: 'test/data/brca1_exon19.fa' }, sge, grammar);
}
