// Cuts the small real fixtures in test/data/ out of the shared data, so that the evaluation's tests run on a
// fresh clone: 4 kb of the BRCA1 region around exon 19 and a few of its SGE dev variants, up to four of each
// consequence and SGE class, evenly spread.
//
//   GLM_SHARED_DATA=<folder> npx tsx test/data/cutFixtures.ts     (rewrites the files; deterministic)

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRegion } from '../../src/genome/region';
import { BRCA1_DEV_TSV, BRCA1_FASTA, readFasta, readText } from '../../src/node/data';
import { REPO_ROOT } from '../../src/node/nodeRuntime';

const FROM = 41207600, TO = 41211599; // 1-based inclusive: exon 19 (41,209,059-41,209,162) and 2.4 kb of introns
const EXON = '19', PER_CLASS = 4;

const region = readFasta(BRCA1_FASTA)[0]!;
const start = parseRegion(region.name).start;
const seq = region.sequence.slice(FROM - start, TO - start + 1);
const fasta = `>chr17:${FROM}-${TO}\n${seq.match(/.{1,60}/g)!.join('\n')}\n`;
writeFileSync(join(REPO_ROOT, 'test/data/brca1_exon19.fa'), fasta);

const [header, ...lines] = readText(BRCA1_DEV_TSV).trim().split('\n');
const cols = header!.split('\t'), col = (name: string) => cols.indexOf(name);
const inside = (f: string[]) => Number(f[col('pos')]) >= FROM && Number(f[col('pos')]) <= TO;
const rows = lines.map((l) => l.split('\t')).filter((f) => f[col('exon')] === EXON && inside(f));
const classes = new Map<string, string[][]>();
for (const f of rows) {
  const key = `${f[col('consequence')]}\t${f[col('func_class')]}`;
  classes.set(key, [...(classes.get(key) ?? []), f]);
}
const spread = (c: string[][]) => {
  const n = Math.min(PER_CLASS, c.length);
  return Array.from({ length: n }, (_, i) => c[Math.floor((i * c.length) / n)]!);
};
const kept = [...classes.values()].flatMap(spread);
kept.sort((a, b) => rows.indexOf(a) - rows.indexOf(b));
const tsv = [header, ...kept.map((f) => f.join('\t'))].join('\n');
writeFileSync(join(REPO_ROOT, 'test/data/brca1_sge_exon19.tsv'), `${tsv}\n`);
process.stderr.write(`test/data: ${seq.length} bases of BRCA1, ${kept.length} of exon ${EXON}'s ${rows.length} SGE rows\n`);
