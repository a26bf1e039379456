import { describe, expect, it } from 'vitest';
import { parseSequence, SequenceInputError } from './parseSequence';

describe('parseSequence', () => {
  it('reads a raw sequence, ignoring whitespace and digits (GenBank numbering)', () => {
    const r = parseSequence('        1 acgtacgtac gtACGT\n       17 NNAC');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.sequence).toBe('ACGTACGTACGTACGTNNAC');
    expect(Array.from(r.records[0]!.softMasked.slice(0, 13))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(r.notices.join(' ')).toMatch(/12 lower-case \(soft-masked\) bases/);
  });

  it('reads every record of a multi-record FASTA, with names', () => {
    const r = parseSequence('>chr17:100-103 some text\nACGT\n>second\nGG\nCC\n');
    expect(r.records.map((x) => [x.name, x.sequence])).toEqual([['chr17:100-103', 'ACGT'], ['second', 'GGCC']]);
  });

  it('reads U as T and IUPAC codes as N, counting them', () => {
    const r = parseSequence('ACGUUR-Y');
    expect(r.records[0]!.sequence).toBe('ACGTTNNN');
    expect(r.notices).toContain('Read 2 U as T (RNA input).');
    expect(r.notices).toContain('Read 3 ambiguity codes or gaps as N.');
  });

  it('names the line, column and character of a bad letter', () => {
    expect(() => parseSequence('>x\nACGT\nAC!T')).toThrow(/^Line 3, column 3: "!" is not a nucleotide/);
    try { parseSequence('ACGT\nACJT'); } catch (e) {
      expect(e).toBeInstanceOf(SequenceInputError);
      expect((e as SequenceInputError).line).toBe(2);
      expect((e as SequenceInputError).column).toBe(3);
    }
  });

  it('refuses empty input, empty records and oversized input with the limit', () => {
    expect(() => parseSequence('  \n\n')).toThrow(/No sequence found/);
    expect(() => parseSequence('>a\n>b\nACGT')).toThrow(/record "a" has no sequence/);
    expect(() => parseSequence('ACGT'.repeat(30), 100)).toThrow(/longer than 100 bases/);
    expect(parseSequence('ACGT'.repeat(25), 100).records[0]!.sequence).toHaveLength(100);
  });
});

describe('flat files', () => {
  it('reads the ORIGIN block of a GenBank record, ignoring its numbers and lower case', () => {
    const gb = [
      'LOCUS       NC_001416              48502 bp    DNA     linear   PHG 28-MAR-2018',
      'DEFINITION  Escherichia phage Lambda, complete genome.',
      'FEATURES             Location/Qualifiers',
      '     source          1..48502',
      'ORIGIN',
      '        1 gggcggcgac ctcgcgggtt ttcgctattt',
      '       31 atgaaaattt',
      '//',
    ].join('\n');
    const r = parseSequence(gb);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.name).toBe('NC_001416');
    expect(r.records[0]!.sequence).toBe('GGGCGGCGACCTCGCGGGTTTTCGCTATTTATGAAAATTT');
    expect(Array.from(r.records[0]!.softMasked).every((m) => m === 0)).toBe(true);
    expect(r.notices).toEqual(['Read 1 GenBank record (the sequence block only).']);
  });

  it('reads EMBL, several records, and names the original line of a bad letter', () => {
    const embl = ['ID   X56734; SV 1; linear; mRNA; STD; PLN; 1859 BP.', 'DE   Trifolium repens', 'SQ   Sequence 12 BP;',
      '     aaacaaacca ag                                                        12', '//',
      'ID   SECOND; SV 1;', 'SQ   Sequence 4 BP;', '     acgt 4', '//'].join('\n');
    const r = parseSequence(embl);
    expect(r.records.map((x) => [x.name, x.sequence])).toEqual([['X56734', 'AAACAAACCAAG'], ['SECOND', 'ACGT']]);
    expect(() => parseSequence(embl.replace('acgt 4', 'acxt 4'))).toThrow(/^Line 8, column 8: "X" is not a nucleotide/);
  });
});
