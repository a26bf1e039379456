// The app's local genomes: a region read from .2bit, FASTA + .fai and bgzip + .fai + .gzi (as File blobs, the
// way the page gets them) is the generated sequence; what cannot be read says why.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRCA1_FASTA, readSge } from '../node/data';
import { REPO_ROOT } from '../node/nodeRuntime';
import { writeTwoBit } from '../node/twoBitWriter';
import { LocalGenomeError, openLocalGenome, parseRegionText, readRegion, type LocalGenome } from './localGenome';
import { parseSequence } from './parseSequence';

const dir = mkdtempSync(join(tmpdir(), 'local-genome-'));
const file = (name: string, from = dir) => new File([readFileSync(join(from, name))], name);
const fail = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('no error');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(LocalGenomeError);
      return (e as Error).message;
    },
  );
let x = 99;
const rand = () => {
  x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  return x >>> 8;
};
const chr2 = Array.from({ length: 150_000 }, () => 'ACGT'[rand() % 4]).join('');
const chrM = 'ACGTTGCA'.repeat(100);

beforeAll(() => {
  writeFileSync(join(dir, 'g.fa'), `>chr2 test\n${chr2.match(/.{1,70}/g)!.join('\n')}\n>chrM\n${chrM}\n`);
  execFileSync('samtools', ['faidx', 'g.fa'], { cwd: dir });
  writeFileSync(join(dir, 'g.fa.gz'), execFileSync('bgzip', ['-c', 'g.fa'], { cwd: dir }));
  execFileSync('samtools', ['faidx', 'g.fa.gz'], { cwd: dir });
  writeFileSync(join(dir, 'misnamed.fa'), `>chr2:1001-1100\n${chr2.slice(0, 150)}\n`);
  execFileSync('samtools', ['faidx', 'misnamed.fa'], { cwd: dir });
  copyFileSync(BRCA1_FASTA, join(dir, 'brca1.fa'));
  execFileSync('samtools', ['faidx', 'brca1.fa'], { cwd: dir });
  writeTwoBit(
    join(dir, 'g.2bit'),
    [
      { name: 'chr2', length: chr2.length },
      { name: 'chrM', length: chrM.length },
    ],
    [
      { name: 'chr2', sequence: chr2 },
      { name: 'chrM', sequence: chrM },
    ],
  );
});

describe('local genomes in the app', () => {
  it('reads the same region from every format, named chrom:start-end and parsed as the paste box would', async () => {
    const sets = [['g.2bit'], ['g.fa', 'g.fa.fai'], ['g.fa.gz', 'g.fa.gz.fai', 'g.fa.gz.gzi']];
    for (const names of sets) {
      const g = await openLocalGenome(names.map((n) => file(n)));
      expect(g.sequences).toEqual([
        { name: 'chr2', length: 150_000 },
        { name: 'chrM', length: 800 },
      ]);
      const text = await readRegion(g, ' 2:70,001-71,000 ');
      const rec = parseSequence(text).records[0]!;
      expect(rec.name).toBe('chr2:70001-71000');
      expect(rec.sequence).toBe(chr2.slice(70_000, 71_000));
      expect(parseSequence(await readRegion(g, 'MT:1-8')).records[0]!.sequence).toBe('ACGTTGCA');
    }
  });

  it('says what is missing or wrong', async () => {
    expect(await fail(openLocalGenome([file('g.fa')]))).toBe(
      'g.fa needs its index g.fa.fai chosen with it (samtools faidx g.fa makes it): a FASTA is read by index, never whole',
    );
    expect(await fail(openLocalGenome([file('g.fa.gz'), file('g.fa.gz.fai')]))).toMatch(
      /^g\.fa\.gz is compressed, so it needs g\.fa\.gz\.gzi/,
    );
    expect(await fail(openLocalGenome([file('g.fa.fai')]))).toMatch(/^none of g\.fa\.fai is a \.2bit or a FASTA/);
    const g = await openLocalGenome([file('g.2bit')]);
    expect(await fail(readRegion(g, 'chr5:1-10'))).toBe('g.2bit has no sequence chr5 (it has chr2, chrM)');
    expect(await fail(readRegion(g, 'chr2:149,001-150,001'))).toBe(
      'chr2 is 150,000 bases long: the region ends past it (150,001)',
    );
    expect(await fail(readRegion(g, 'chr2:1-100,001'))).toBe(
      'the region is 100,001 bases; the app analyses at most 100,000: narrow it',
    );
    expect(await fail(readRegion(g, 'chr2:10-5'))).toMatch(/^"chr2:10-5" is not a region/);
    expect(parseRegionText('chr17:41,196,312-41,277,500')).toEqual({
      chrom: 'chr17',
      start: 41_196_312,
      end: 41_277_500,
    });
  });

  it('reads regions inside records named chrom:start-end (1-based, inclusive), with the SGE REF bases', async () => {
    const sge = readSge();
    const check = async (g: LocalGenome, region: string, name: string, start: number) => {
      const rec = parseSequence(await readRegion(g, region)).records[0]!;
      expect(rec.name).toBe(name);
      const inside = sge.filter((v) => v.pos >= start && v.pos < start + rec.sequence.length);
      expect(inside.length).toBeGreaterThan(50);
      expect(inside.filter((v) => rec.sequence[v.pos - start] !== v.ref)).toEqual([]);
      // not vacuous: one base off, most REFs differ
      expect(inside.filter((v) => rec.sequence[v.pos - start - 1] !== v.ref).length).toBeGreaterThan(inside.length / 2);
    };
    // the project's own file: one record, chr17:40577017-41752017
    const whole = await openLocalGenome([file('brca1.fa'), file('brca1.fa.fai')]);
    await check(whole, 'chr17:41,200,000-41,210,000', 'chr17:41200000-41210000', 41_200_000);
    // its cut for tests (test/data/brca1_slices.py): two records
    const data = join(REPO_ROOT, 'test/data');
    const cut = await openLocalGenome([file('brca1_slices.fa', data), file('brca1_slices.fa.fai', data)]);
    await check(cut, '17:41,209,001-41,209,200', 'chr17:41209001-41209200', 41_209_001);
    await check(cut, 'chr17:41276001-41276200', 'chr17:41276001-41276200', 41_276_001);
  });

  it('refuses a region outside the region-named records, saying what the file covers', async () => {
    const data = join(REPO_ROOT, 'test/data');
    const cut = await openLocalGenome([file('brca1_slices.fa', data), file('brca1_slices.fa.fai', data)]);
    expect(await fail(readRegion(cut, 'chr17:41,200,000-41,210,000'))).toBe(
      'brca1_slices.fa + .fai holds chr17 only as ' +
        'chr17:41209001-41209200, chr17:41276001-41276200: chr17:41200000-41210000 is not inside one of them',
    );
    expect(await fail(readRegion(cut, 'chr17:41209100-41209201'))).toMatch(
      /: chr17:41209100-41209201 is not inside one of them$/,
    );
    expect(await fail(readRegion(cut, 'chr5:1-10'))).toBe(
      'brca1_slices.fa + .fai has no sequence chr5 (it has chr17:41209001-41209200, chr17:41276001-41276200)',
    );
    const whole = await openLocalGenome([file('brca1.fa'), file('brca1.fa.fai')]);
    expect(await fail(readRegion(whole, 'chr17:1-100'))).toBe(
      'brca1.fa + .fai holds chr17 only as chr17:40577017-41752017: chr17:1-100 is not inside it',
    );
    const misnamed = await openLocalGenome([file('misnamed.fa'), file('misnamed.fa.fai')]);
    expect(await fail(readRegion(misnamed, 'chr2:1001-1010'))).toBe(
      'chr2:1001-1100 holds 150 bases, but its name spans 100: the name does not give its coordinates',
    );
  });
});
