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
