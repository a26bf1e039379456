import { describe, expect, it } from 'vitest';
import { looksLikeVcf, parseVcf } from './vcf';
import { parseVariantList } from './variantSyntax';

const HEADER = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';

describe('parseVcf', () => {
  it('splits multi-allelic records and keeps indels left-anchored', () => {
    const r = parseVcf(`${HEADER}17\t41276135\tv0\tT\tG,C\t.\t.\t.\n17\t100\t.\tAT\tA\t.\t.\t.\n`);
    expect(r.errors).toEqual([]);
    expect(r.variants.map((v) => [v.chrom, v.pos, v.ref, v.alt, v.line])).toEqual([
      ['17', 41276135, 'T', 'G', 3],
      ['17', 41276135, 'T', 'C', 3],
      ['17', 100, 'AT', 'A', 4],
    ]);
  });
  it('marks symbolic alleles and reports malformed lines by number', () => {
    const r = parseVcf(`${HEADER}1\t5\t.\tA\t<DEL>\t.\t.\t.\n1\tx\t.\tA\tG\t.\t.\t.\n1\t7\n`);
    expect(r.variants[0]!.problem).toMatch(/not a sequence/);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5]);
  });
  it('refuses text without a #CHROM header', () => {
    expect(parseVcf('hello').errors[0]!.message).toMatch(/not a VCF/);
    expect(parseVcf('17\t100\t.\tA\tG\t.\t.\t.').errors[0]!.message).toMatch(/not a VCF/);
  });
  it('reads header-less data lines (the fixed columns) when asked, and says what a short line lacks', () => {
    const r = parseVcf('chr17\t41245466\trs1\tG\tA\t.\tPASS\t.\n17\t100\t.\tA\tC,T\n\nchr17\t5\tG\tA\n', {
      headerless: true,
    });
    expect(r.variants.map((v) => [v.chrom, v.pos, v.id, v.ref, v.alt, v.line])).toEqual([
      ['chr17', 41245466, 'rs1', 'G', 'A', 1],
      ['17', 100, '.', 'A', 'C', 2],
      ['17', 100, '.', 'A', 'T', 2],
    ]);
    expect(r.errors).toEqual([
      {
        line: 4,
        message:
          'expected at least 5 tab-separated columns (CHROM POS ID REF ALT, then optionally QUAL FILTER INFO), found 4',
        fields: ['chr17', '5', 'G', 'A'],
      },
    ]);
    expect(parseVcf('chr17 41245466 . G A', { headerless: true }).errors[0]!.message).toMatch(
      /separated by spaces: VCF columns are separated by tabs/,
    );
  });
  it('recognises pasted VCF text, with or without its header', () => {
    expect(looksLikeVcf('#CHROM\tPOS\tID\tREF\tALT\n')).toBe(true);
    expect(looksLikeVcf('chr17\t41245466\t.\tG\tA')).toBe(true);
    expect(looksLikeVcf('123A>G, chr17:41245466G>A')).toBe(false);
  });
  it('writes breakend and symbolic alleles back exactly as given; sequence alleles are upper-cased', () => {
    const r = parseVcf(`${HEADER}chr17\t41245466\tbnd\tG\tG]chr17:198982]\t.\t.\t.\nchr17\t9\t.\ta\tg\t.\t.\t.\n`);
    expect(r.variants.map((v) => [v.ref, v.alt, !!v.problem])).toEqual([
      ['G', 'G]chr17:198982]', true],
      ['A', 'G', false],
    ]);
    expect(r.variants[0]!.problem).toBe('allele G>G]chr17:198982] is not a sequence (symbolic, breakend or missing)');
  });
  it('reads CR-only line ends and a byte-order mark', () => {
    const r = parseVcf(`\uFEFF${HEADER}17\t5\t.\tA\tG\t.\t.\t.\n`.replace(/\n/g, '\r'));
    expect(r.errors).toEqual([]);
    expect(r.variants).toHaveLength(1);
  });
});

describe('parseVariantList', () => {
  it('reads local and genomic notations', () => {
    const r = parseVariantList('123A>G, chr17:41245466 G>A\n17-41245466-G-A; chr17:41245466:g:a, 10AT>A');
    expect(r.errors).toEqual([]);
    expect(r.variants.map((v) => [v.chrom, v.pos, v.ref, v.alt])).toEqual([
      [null, 123, 'A', 'G'],
      ['chr17', 41245466, 'G', 'A'],
      ['17', 41245466, 'G', 'A'],
      ['chr17', 41245466, 'G', 'A'],
      [null, 10, 'AT', 'A'],
    ]);
  });
  it('names what is wrong', () => {
    const r = parseVariantList('12X>G, 0A>G, 5A>A');
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/"12X>G" is not a variant/);
    expect(r.errors[1]).toMatch(/positions start at 1/);
    expect(r.errors[2]).toMatch(/REF and ALT are the same/);
  });
  it('says what a tab-separated line needs to be read as VCF', () => {
    expect(parseVariantList('chr17\t41245466\tG\tA').errors).toEqual([
      '"chr17\t41245466\tG\tA" has 4 tab-separated columns; a VCF data line needs at least 5 (CHROM POS ID REF ALT, then optionally QUAL FILTER INFO). Or write chr17:41245466G>A',
    ]);
  });
});
