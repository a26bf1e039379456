// Typed variant lists: positions with thousands separators stay one variant, chromosome accessions read as
// chromosomes, HGVS reads as the same variant as the app's own notation, and what cannot be placed says why.
import { describe, expect, it } from 'vitest';
import { parseVariantList, splitVariantList } from './variantSyntax';

const one = (text: string) => {
  const r = parseVariantList(text);
  expect(r.errors).toEqual([]);
  expect(r.variants).toHaveLength(1);
  return r.variants[0]!;
};
const refused = (text: string) => {
  const r = parseVariantList(text);
  expect(r.variants).toEqual([]);
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
};

describe('variant lists', () => {
  it('reads a comma between digits as a thousands separator, and other commas as separators', () => {
    expect(splitVariantList('chr17:41,209,148T>G')).toEqual(['chr17:41,209,148T>G']);
    expect(splitVariantList('123A>G,456C>T, chr17:41,209,148T>G;17-41,209,149-C-A\n5G>A')).toEqual([
      '123A>G',
      '456C>T',
      'chr17:41,209,148T>G',
      '17-41,209,149-C-A',
      '5G>A',
    ]);
    expect(one('chr17:41,209,148T>G')).toEqual({
      chrom: 'chr17',
      pos: 41_209_148,
      ref: 'T',
      alt: 'G',
      text: 'chr17:41,209,148T>G',
    });
    // before the fix the tail 148T>G became a second variant at position 148 of the paste
    expect(parseVariantList('chr17:41,209,148T>G, 148T>G').variants.map((v) => [v.chrom, v.pos])).toEqual([
      ['chr17', 41_209_148],
      [null, 148],
    ]);
    expect(one('17-41,209,149-c-a')).toMatchObject({ chrom: '17', pos: 41_209_149, ref: 'C', alt: 'A' });
  });

  it('refuses commas that do not group thousands instead of guessing', () => {
    expect(refused('chr17:41,20,9148T>G')).toBe(
      '"chr17:41,20,9148T>G": 41,20,9148 is not a position: ' +
        'commas may only separate groups of three digits (41,209,148)',
    );
    expect(refused('1,2345A>G')).toMatch(/^"1,2345A>G": 1,2345 is not a position/);
    expect(refused('chr17:41.209.148T>G')).toMatch(/is not a variant: write 123A>G/);
  });

  it('reads a human chromosome accession as its chromosome, noting its assembly; other names stay names', () => {
    expect(one('NC_000017.10:41209148T>G')).toEqual({
      chrom: 'chr17',
      pos: 41_209_148,
      ref: 'T',
      alt: 'G',
      text: 'NC_000017.10:41209148T>G',
      note:
        "NC_000017.10 is chr17 of GRCh37 (hg19); the analysed sequence's name does not say its assembly: " +
        'check it is the same',
    });
    expect(one('NC_001416.1:37899C>T')).toMatchObject({ chrom: 'NC_001416.1', pos: 37_899 });
    expect(one('NC_001416.1:37899C>T').note).toBeUndefined();
    expect(refused('NC_000017:41209148T>G')).toMatch(
      /no version: .* write NC_000017\.10 \(GRCh37\) or NC_000017\.11 \(GRCh38\)$/,
    );
  });

  it("reads HGVS genomic notation as the same variant as the app's own notation", () => {
    const plain = one('chr17:41209148T>G');
    const spellings = [
      'chr17:g.41209148T>G',
      'chr17:g.41,209,148T>G',
      'NC_000017.10:g.41209148T>G',
      'NC_000017.11:g.41209148T>G',
    ];
    for (const hgvs of spellings) {
      const v = one(hgvs);
      expect([v.chrom, v.pos, v.ref, v.alt]).toEqual([plain.chrom, plain.pos, plain.ref, plain.alt]);
      expect(v.text).toBe(hgvs);
    }
    expect(one('17:g.41209148T>G')).toMatchObject({ chrom: '17', pos: 41_209_148 });
    expect(one('NC_000017.11:g.41209148T>G').note).toMatch(/^NC_000017\.11 is chr17 of GRCh38 \(hg38\)/);
    expect(parseVariantList('NC_000017.10:g.41209148T>G, NC_000017.10:g.41209150C>A').variants).toHaveLength(2);
  });

  it('lists every refusal with its item, and keeps the good ones', () => {
    const r = parseVariantList('NM_007294.4:c.5266dupC; chr17:g.41209148T>G; p.Arg1699Trp');
    expect(r.variants.map((v) => v.pos)).toEqual([41_209_148]);
    expect(r.errors).toEqual([
      expect.stringMatching(/^"NM_007294\.4:c\.5266dupC": coding \(c\.\) positions/),
      expect.stringMatching(/^"p\.Arg1699Trp": a protein \(p\.\) change/),
    ]);
  });
});
