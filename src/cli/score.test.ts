import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { auroc } from '../analysis/metrics';
import { scoreVariants } from '../analysis/variantEffect';
import { parseRegion } from '../genome/region';
import { loadModel } from '../model/loadModel';
import { BRCA1_DEV_TSV, BRCA1_FASTA, readFasta, readSge } from './data';
import { fileSource } from './fileSource';
import { REPO_ROOT, useNodeBackend } from './nodeRuntime';
import { runScore, TSV_HEADER } from './score';

const MARKOV = join(REPO_ROOT, 'public/models/markov-k9-chr22');

async function score(args: Parameters<typeof runScore>[0]): Promise<string[][]> {
  const lines: string[] = [];
  await runScore(args, (l) => lines.push(l));
  return lines.map((l) => l.split('\t'));
}

describe('npm run score', () => {
  it('reproduces the evaluation AUROC on the BRCA1 dev VCF', async () => {
    await useNodeBackend('wasm');
    const rows = await score({ model: MARKOV, fasta: BRCA1_FASTA, vcf: BRCA1_DEV_TSV.replace('.tsv', '.vcf'), method: 'dll', window: 129 });
    expect(rows[0]).toEqual(TSV_HEADER);
    const sge = readSge();
    expect(rows.length - 1).toBe(sge.length);
    const cliScores = rows.slice(1).map((r) => -Number(r[4]));
    const lof = sge.map((v) => v.funcClass === 'LOF');
    // the same numbers straight from the engine, as npm run eval computes them
    const region = readFasta(BRCA1_FASTA)[0]!;
    const start = parseRegion(region.name).start;
    const model = await loadModel(fileSource(MARKOV));
    const direct = await scoreVariants(model, region.sequence, sge.map((v) => ({ pos: v.pos - start, ref: v.ref, alt: v.alt })), { method: 'dll', window: 129 });
    expect(auroc(cliScores, lof)).toBeCloseTo(auroc(direct.scores.map((s) => -s.score!), lof), 5);
    rows.slice(1).forEach((r, i) => expect(Number(r[4])).toBeCloseTo(direct.scores[i]!.score!, 5));
  });

  it('explains every variant it cannot score, reads gzip, and never throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const vcf = join(dir, 'small.vcf.gz');
    writeFileSync(vcf, gzipSync(readFileSync(join(REPO_ROOT, 'test/data/small.vcf'))));
    const fa = join(dir, 'ref.fa.gz');
    writeFileSync(fa, gzipSync(readFileSync(BRCA1_FASTA)));
    const rows = await score({ model: join(REPO_ROOT, '.cache/smoke-mlm'), fasta: fa, vcf, method: 'masked', window: 65 });
    const byId = new Map(rows.slice(1).map((r) => [`${r[0]}:${r[1]}${r[2]}>${r[3]}`, r]));
    const note = (k: string) => byId.get(k)![7];
    expect(Number(byId.get('17:41276135T>G')![4])).toBeLessThan(10);
    expect(byId.get('17:41276135T>G')![4]).not.toBe('');
    expect(byId.get('chr17:41276135T>A')![4]).not.toBe(''); // chr17 and 17 match
    expect(note('17:41276136G>A')).toMatch(/^reference mismatch at 17:41276136: the sequence has [ACGT], the variant says G$/);
    expect(note('17:40000000A>G')).toBe('17:40000000 is outside the FASTA (17:40577017-41752017)');
    expect(note('17:41276133C><DEL>')).toMatch(/not a sequence/);
    expect(note('17:41276134TT>T')).toMatch(/single-base substitutions only/);
    expect(note('5:100A>G')).toBe('no sequence named 5 in the FASTA');
    expect(rows.length - 1).toBe(8); // the malformed POS line is reported on stderr, not scored
  });
});
