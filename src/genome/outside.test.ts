// Variants outside the analysed record: the SGE VCF of four BRCA1 exons against 200 bases of one of them, and
// hand-placed variants at the record's edges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../node/data';
import { liesOutside, OUTSIDE_LISTED_MAX, outsideSummary, splitOutside } from './outside';
import { parseVcf } from './vcf';

const record = { name: 'chr17:41209001-41209200', length: 200 };
const at = (chrom: string | null, pos: number, ref = 'A') => ({ chrom, pos, ref });

describe('variants outside the analysed record', () => {
  it('are those on another chromosome or past either end, REF included', () => {
    expect(liesOutside(record, at('chr17', 41_209_001))).toBe(false);
    expect(liesOutside(record, at('17', 41_209_200))).toBe(false);
    expect(liesOutside(record, at('chr17', 41_209_000))).toBe(true);
    expect(liesOutside(record, at('chr17', 41_209_200, 'AC'))).toBe(true);
    expect(liesOutside(record, at('chr5', 41_209_100))).toBe(true);
    // a position in the pasted sequence: 1-200
    expect(liesOutside(record, at(null, 200))).toBe(false);
    expect(liesOutside(record, at(null, 201))).toBe(true);
  });

  it('a whole VCF is summarised in one line, its rows in window listed in file order', () => {
    const text = readFileSync(join(SHARED_DATA, 'brca1/brca1_sge_dev.vcf'), 'utf8');
    const { variants } = parseVcf(text);
    // counted without the placing code: data lines whose POS is within 41,209,001-41,209,200 (all SNVs)
    const inWindow = text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => Number(l.split('\t')[1]))
      .filter((p) => p >= 41_209_001 && p <= 41_209_200).length;
    expect([variants.length, inWindow]).toEqual([1517, 303]);
    const { listed, outside } = splitOutside(variants, record, (v) => v);
    expect(listed).toHaveLength(303);
    expect(outside).toHaveLength(1517 - 303);
    expect(listed.map((v) => v.line)).toEqual([...listed.map((v) => v.line)].sort((a, b) => a - b));
    expect(outsideSummary(outside.length, record)).toBe(
      '1,214 variants lie outside the analysed sequence (chr17:41,209,001-41,209,200)',
    );
  });

  it('a few outside stay listed with the others, so each shows its reason', () => {
    const few = Array.from({ length: OUTSIDE_LISTED_MAX }, (_, i) => at('chr1', i + 1)).concat(at('chr17', 41_209_100));
    expect(splitOutside(few, record, (v) => v)).toEqual({ listed: few, outside: [] });
    const many = [...few, at('chr1', 99)];
    expect(splitOutside(many, record, (v) => v)).toEqual({
      listed: [at('chr17', 41_209_100)],
      outside: many.filter((v) => v.chrom === 'chr1'),
    });
    expect(splitOutside(many, null, (v) => v).outside).toEqual([]);
    expect(outsideSummary(1, { name: 'my_seq', length: 1000 })).toBe(
      '1 variant lies outside the analysed sequence ("my_seq", 1-1,000)',
    );
  });
});
