// npm run score against a whole genome read by index: every reference format gives the same scores as the
// engine on the generated sequence itself; a missing index is built once, or named with what makes it.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreVariants } from '../analysis/variantEffect';
import { loadModel } from '../model/loadModel';
import { buildFai, faiText } from '../node/faidx';
import { fileSource } from '../node/fileSource';
import { ScoreError, type ScoreArgs } from '../score/scoreArgs';
import { TSV_HEADER } from '../score/scoreOutput';
import { at, MARKOV, score, upper, variantLines, writeGenomeFiles } from '../score/testGenome';

beforeAll(writeGenomeFiles, 60_000);

describe('score against a genome read by index', () => {
  it('builds the same .fai as samtools faidx', async () => {
    expect(faiText(await buildFai(at('ref.fa')))).toBe(readFileSync(at('ref.fa.fai'), 'utf8'));
  });

  it("gives the same scores from every reference format, and they are the engine's on the whole contig", async () => {
    const whole = await score({ fasta: at('whole.fa') });
    expect(whole.notes[0]).toMatch(/read whole, in memory$/);
    const rows = whole.lines.slice(1).map((l) => l.split('\t'));
    expect(rows.length).toBe(variantLines().length + 1); // one line has two ALTs
    // independent of the CLI: scoreVariants on each whole contig, placed by hand
    const model = await loadModel(fileSource(MARKOV));
    for (const [c, chrom] of [
      [0, '1'],
      [1, 'MT'],
    ] as const) {
      const mine = rows.filter((r) => r[0] === chrom && r[4] !== '');
      const direct = await scoreVariants(
        model,
        upper[c]!,
        mine.map((r) => ({ pos: Number(r[1]) - 1, ref: r[2]!, alt: r[3]! })),
        { method: 'dll', window: 129 },
      );
      expect(mine.map((r) => r[4])).toEqual(direct.scores.map((s) => s.score!.toFixed(6)));
      expect(mine.length).toBeGreaterThan(c === 0 ? 40 : 8);
    }
    const note = (k: string) => rows.find((r) => `${r[0]}:${r[1]}` === k)![TSV_HEADER.indexOf('note')];
    expect(note('1:90001')).toMatch(/^reference mismatch at 1:90001: the sequence has [ACGT], the variant says [AC]$/);
    expect(note('5:100')).toBe('no sequence named 5 in the FASTA');
    for (const fasta of ['ref.fa', 'ref.fa.gz', 'ref.2bit']) {
      const r = await score({ fasta: at(fasta) });
      expect(r.notes[0]).toMatch(/read by (index|its 2bit index)/);
      expect(r.lines).toEqual(whole.lines);
    }
  });

  it('builds a missing .fai beside a large FASTA once, and names what is missing or cannot be read by index', async () => {
    const first = await score({ fasta: at('noindex.fa'), inMemoryMax: 0 });
    expect(first.notes[0]).toMatch(
      new RegExp(
        `^${at('noindex.fa')} had no index: built ${at('noindex.fa.fai')} \\(samtools faidx format, 2 sequences\\)`,
      ),
    );
    expect(readFileSync(at('noindex.fa.fai'), 'utf8')).toBe(readFileSync(at('ref.fa.fai'), 'utf8'));
    const again = await score({ fasta: at('noindex.fa'), inMemoryMax: 0 });
    expect(again.notes[0]).toMatch(/read by index/);
    expect(again.lines).toEqual(first.lines);
    const e = await score({ fasta: at('nogzi.fa.gz') }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScoreError);
    expect((e as Error).message).toBe(
      `${at('nogzi.fa.gz')} is bgzipped but ${at('nogzi.fa.gz.gzi')} is missing: make it with samtools faidx ${at('nogzi.fa.gz')}`,
    );
    const message = (args: Partial<ScoreArgs>) =>
      score(args).then(
        () => 'no error',
        (x: unknown) => (x as Error).message,
      );
    writeFileSync(at('plain.fa.gz'), gzipSync(readFileSync(at('ref.fa'))));
    expect(await message({ fasta: at('plain.fa.gz'), inMemoryMax: 1000 })).toMatch(
      new RegExp(
        `^${at('plain.fa.gz')} is gzipped \\(not bgzipped\\), so it cannot be read by index and is too large to read whole: recompress it with bgzip`,
      ),
    );
    const region = { chrom: '1', start: 1, end: 1000 };
    expect(await message({ vcf: at('v.vcf'), region })).toBe(
      `--region needs a bgzipped VCF, and ${at('v.vcf')} is not compressed: bgzip it (bgzip -c IN.vcf > IN.vcf.gz) and index it (tabix -p vcf IN.vcf.gz)`,
    );
    copyFileSync(at('v.vcf.gz'), at('noindex.vcf.gz'));
    expect(await message({ vcf: at('noindex.vcf.gz'), region })).toMatch(
      new RegExp(`^--region needs an index of ${at('noindex.vcf.gz')}: no ${at('noindex.vcf.gz')}.tbi or`),
    );
  });
});
