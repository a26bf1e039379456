import { describe, expect, it } from 'vitest';
import { parseVcf } from './vcf';
import { parseVariantList } from './variantSyntax';

const HEADER = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';

describe('parseVcf', () => {
  it('splits multi-allelic records and keeps indels left-anchored', () => {
    const r = parseVcf(`${HEADER}17\t41276135\tv0\tT\tG,C\t.\t.\t.\n17\t100\t.\tAT\tA\t.\t.\t.\n`);
    expect(r.errors).toEqual([]);
    expect(r.variants.map((v) => [v.chrom, v.pos, v.ref, v.alt, v.line])).toEqual([
      ['17', 41276135, 'T', 'G', 3], ['17', 41276135, 'T', 'C', 3], ['17', 100, 'AT', 'A', 4]]);
  });
  it('marks symbolic alleles and reports malformed lines by number', () => {
    const r = parseVcf(`${HEADER}1\t5\t.\tA\t<DEL>\t.\t.\t.\n1\tx\t.\tA\tG\t.\t.\t.\n1\t7\n`);
    expect(r.variants[0]!.problem).toMatch(/not a sequence/);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5]);
  });
  it('refuses text without a #CHROM header', () => {
    expect(parseVcf('hello').errors[0]!.message).toMatch(/not a VCF/);
  });
});

describe('parseVariantList', () => {
  it('reads local and genomic notations', () => {
    const r = parseVariantList('123A>G, chr17:41245466 G>A\n17-41245466-G-A; chr17:41245466:g:a, 10AT>A');
    expect(r.errors).toEqual([]);
    expect(r.variants.map((v) => [v.chrom, v.pos, v.ref, v.alt])).toEqual([
      [null, 123, 'A', 'G'], ['chr17', 41245466, 'G', 'A'], ['17', 41245466, 'G', 'A'], ['chr17', 41245466, 'G', 'A'], [null, 10, 'AT', 'A']]);
  });
  it('names what is wrong', () => {
    const r = parseVariantList('12X>G, 0A>G, 5A>A');
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/"12X>G" is not a variant/);
    expect(r.errors[1]).toMatch(/positions start at 1/);
    expect(r.errors[2]).toMatch(/REF and ALT are the same/);
  });
});
