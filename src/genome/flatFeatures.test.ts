// Feature tables of real GenBank records (NCBI FJ940752.1, BRCA1 exon 18; X62281.1, A. thaliana kin2) and the
// INSDC location syntax, checked against what each record says about itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocationError, parseLocation } from './features';
import { parseSequence } from './parseSequence';

const fixture = (name: string) => readFileSync(`test/data/genbank/${name}`, 'utf8');

// the standard genetic code, written out here so the check does not lean on app code
const BASES = 'TCAG';
const AMINO = 'FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG';
function translate(dna: string): string {
  let out = '';
  for (let i = 0; i + 3 <= dna.length; i += 3) {
    const [a, b, c] = [...dna.slice(i, i + 3)].map((x) => BASES.indexOf(x));
    out += AMINO[16 * a! + 4 * b! + c!];
  }
  return out;
}
/** The /translation qualifier as the record writes it (joined across its lines). */
const translationIn = (text: string) => /\/translation="([^"]+)"/.exec(text)![1]!.replace(/\s+/g, '');

describe('INSDC locations', () => {
  it('reads ranges, partial ends, single bases and sites as 0-based half-open parts', () => {
    expect(parseLocation('79..153')).toEqual({ parts: [[78, 153]], strand: 1 });
    expect(parseLocation('<1..>349')).toEqual({ parts: [[0, 349]], strand: 1 });
    expect(parseLocation('785')).toEqual({ parts: [[784, 785]], strand: 1 });
    expect(parseLocation('121^122')).toEqual({ parts: [[120, 121]], strand: 1 });
    expect(parseLocation('complement(337..>349)')).toEqual({ parts: [[336, 349]], strand: -1 });
  });

  it('reads complement(join()) across lines, as in AC007323 (A. thaliana BAC T25K16, CDS T25K16.2)', () => {
    const loc = parseLocation(`complement(join(6617..6953,7266..7351,7464..7603,
                     7916..7998,8087..8166,8273..8368))`);
    expect(loc.strand).toBe(-1);
    expect(loc.parts).toEqual([
      [6616, 6953],
      [7265, 7351],
      [7463, 7603],
      [7915, 7998],
      [8086, 8166],
      [8272, 8368],
    ]);
    expect(parseLocation('join(complement(20..30),complement(1..5))').strand).toBe(-1);
  });

  it('refuses what it cannot draw, saying where', () => {
    expect(() => parseLocation('J00194.1:100..202')).toThrow(/another record/);
    expect(() => parseLocation('join(1..5,8..)')).toThrow(LocationError);
    expect(() => parseLocation('30..10')).toThrow(/ends \(10\) before it starts \(30\)/);
  });
});

describe('GenBank FEATURES tables', () => {
  it('FJ940752: the partial CDS <79..>153 with codon_start=3 translates to its /translation', () => {
    const text = fixture('FJ940752.gb');
    const [rec] = parseSequence(text).records;
    const f = rec!.features!;
    expect(f.map((x) => `${x.type} ${x.name} ${x.start}-${x.end} ${x.strand}`)).toEqual([
      'gene BRCA1 0-349 1',
      'mRNA BRCA1 78-153 1',
      'CDS BRCA1 (ACR33809.1) 78-153 1',
      'exon BRCA1 exon 18 78-153 1',
    ]);
    const cds = f.find((x) => x.type === 'CDS')!;
    const dna = rec!.sequence.slice(cds.start + 2, cds.end); // codon_start=3
    expect(translate(dna)).toBe(translationIn(text));
  });

  it('X62281: the joined CDS spliced from its three parts translates to its /translation', () => {
    const text = fixture('X62281.gb');
    const { records, notices } = parseSequence(text);
    const f = records[0]!.features!;
    expect(f.map((x) => x.type)).toEqual(['exon', 'mRNA', 'gene', 'CDS', 'exon', 'exon']);
    const cds = f.find((x) => x.type === 'CDS')!;
    expect(cds.parts).toEqual([
      [103, 160],
      [319, 390],
      [503, 579],
    ]);
    const dna = cds.parts.map(([a, b]) => records[0]!.sequence.slice(a, b)).join('');
    expect(translate(dna)).toBe(`${translationIn(text)}*`); // the record's CDS includes the stop codon
    expect(f.find((x) => x.type === 'mRNA')!.parts).toEqual([
      [43, 160],
      [319, 390],
      [503, 579],
    ]);
    expect(notices.join(' ')).not.toMatch(/not drawn/);
  });

  it('EMBL FT lines are read the same way, and a bad location is named with its line', () => {
    const embl = [
      'ID   X1; SV 1; linear; genomic DNA; STD; PLN; 20 BP.',
      'FT   gene            complement(3..12)',
      'FT                   /gene="abc"',
      'FT   CDS             join(3..5,X9:1..4)',
      'SQ   Sequence 20 BP;',
      '     acgtacgtac gtacgtacgt                                               20',
      '//',
    ].join('\n');
    const { records, notices } = parseSequence(embl);
    expect(records[0]!.features).toEqual([
      { type: 'gene', name: 'abc', start: 2, end: 12, strand: -1, parts: [[2, 12]], source: 'record' },
    ]);
    expect(
      notices.some((n) => /line 4: the CDS feature's location "join\(3..5,X9:1..4\)".*another record/.test(n)),
    ).toBe(true);
  });
});
