// HGVS genomic descriptions: each edit the app's variant model holds, read into REF/ALT by hand; the rest refused
// with why (transcript and protein notation, unwritten bases, malformed ranges).
import { describe, expect, it } from 'vitest';
import { readHgvs } from './hgvs';

const variant = (text: string) => {
  const r = readHgvs(text);
  if (!r || 'problem' in r) throw new Error(`${text}: ${r ? r.problem : 'not HGVS'}`);
  return r.variant;
};
const problem = (text: string) => {
  const r = readHgvs(text);
  if (!r || !('problem' in r)) throw new Error(`${text} was read`);
  return r.problem;
};

describe('HGVS genomic notation', () => {
  it("is not claimed for the app's own notation", () => {
    expect(readHgvs('chr17:41209148T>G')).toBeNull();
    expect(readHgvs('123A>G')).toBeNull();
  });

  it('reads substitutions, deletions, duplications, delins and insertions into REF/ALT at a 1-based position', () => {
    expect(variant('chr17:g.41209148T>G')).toEqual({ chrom: 'chr17', pos: 41209148, ref: 'T', alt: 'G' });
    expect(variant('chr17:g.41209148delT')).toEqual({ chrom: 'chr17', pos: 41209148, ref: 'T', alt: '' });
    expect(variant('chr17:g.41209148_41209150delcca')).toEqual({ chrom: 'chr17', pos: 41209148, ref: 'CCA', alt: '' });
    // the insertion goes between 41209148 and 41209149: before the base at 41209149, which REF '' stands at
    expect(variant('chr17:g.41209148_41209149insAC')).toEqual({ chrom: 'chr17', pos: 41209149, ref: '', alt: 'AC' });
    expect(variant('chr17:g.41209148_41209149dupTC')).toEqual({
      chrom: 'chr17',
      pos: 41209148,
      ref: 'TC',
      alt: 'TCTC',
    });
    expect(variant('chr17:g.41209148_41209150delTCAinsG')).toEqual({
      chrom: 'chr17',
      pos: 41209148,
      ref: 'TCA',
      alt: 'G',
    });
    expect(variant('NC_012920.1:m.8993T>G')).toMatchObject({
      chrom: 'chrM',
      pos: 8993,
      note: expect.stringMatching(/^NC_012920\.1 is chrM of GRCh37 and GRCh38/),
    });
    expect(variant('chrM:m.8993T>G')).toEqual({ chrom: 'chrM', pos: 8993, ref: 'T', alt: 'G' });
  });

  it('refuses edits whose bases are not written: the reference check needs them', () => {
    expect(problem('chr17:g.41209148_41209150del')).toBe(
      'the deleted bases are not written, and the app checks a ' +
        "variant's bases against the reference before scoring it: write the 3 bases of the reference at " +
        '41209148-41209150 after del (g.41209148_41209150del…)',
    );
    expect(problem('chr17:g.41209148del')).toMatch(
      /the 1 base of the reference at 41209148 after del \(g\.41209148del…\)$/,
    );
    expect(problem('chr17:g.41209148_41209150delinsGG')).toMatch(/\(g\.41209148_41209150del…insGG\)$/);
    expect(problem('chr17:g.41209148dup')).toMatch(/^the duplicated bases are not written/);
    expect(problem('chr17:g.41209148_41209150delTC')).toBe(
      'g.41209148_41209150 spans 3 bases, but TC (2 bases) is written',
    );
  });

  it('refuses transcript and protein notation, saying why it cannot be placed', () => {
    expect(problem('NM_007294.3:c.5266dupC')).toMatch(
      /^coding \(c\.\) positions count along a transcript's coding sequence, and the app has no transcripts/,
    );
    expect(problem('BRCA1:c.68_69delAG')).toMatch(
      /give the genomic variant instead \(NC_000017\.10:g\.41209148T>G or chr17:41209148T>G\)/,
    );
    expect(problem('NR_027676.1:n.100A>G')).toMatch(/^non-coding transcript \(n\.\)/);
    expect(problem('NM_007294.3:r.100a>g')).toMatch(/^RNA \(r\.\)/);
    expect(problem('NP_009225.1:p.Arg1699Trp')).toMatch(/^a protein \(p\.\) change does not say which bases changed/);
    expect(problem('p.(Arg1699Trp)')).toMatch(/^a protein/);
  });

  it('refuses what is malformed or names no chromosome it can place', () => {
    expect(problem('g.123A>G')).toMatch(/^g\. names no reference sequence/);
    expect(problem('chr17:g.41209148_41209150insA')).toBe(
      'an insertion lies between two neighbouring positions (g.41209148_41209149insA)',
    );
    expect(problem('chr17:g.41209148insA')).toMatch(/^an insertion lies between two neighbouring positions/);
    expect(problem('chr17:g.41209150_41209148delTCA')).toMatch(/^a range runs from the lower position to the higher/);
    expect(problem('chr17:g.41209148_41209149inv')).toMatch(/^g\.41209148_41209149inv is not an edit the app reads/);
    expect(problem('chr17:g.[41209148T>G')).toMatch(/^an HGVS allele in brackets/);
    expect(problem('chr17:m.100A>G')).toBe('m. is for the mitochondrion, and chr17 is not it: write chr17:g.…');
    expect(problem('NC_000017.9:g.41209148T>G')).toBe(
      'NC_000017.9 is chr17, but not NC_000017.10 (GRCh37) or ' +
        'NC_000017.11 (GRCh38): its positions may differ from theirs',
    );
    expect(problem('chr17:g.0A>G')).toBe('positions start at 1');
    expect(problem('chr17:g.4,1209148T>G')).toMatch(/^4,1209148 is not a position/);
  });
});
