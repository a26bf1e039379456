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
    expect(r.records.map((x) => [x.name, x.sequence])).toEqual([
      ['chr17:100-103', 'ACGT'],
      ['second', 'GGCC'],
    ]);
  });

  it('reads U as T and IUPAC codes as N, counting them', () => {
    const r = parseSequence('ACGUUR-Y');
    expect(r.records[0]!.sequence).toBe('ACGTTNNN');
    expect(r.notices).toContain('Read 2 U as T (RNA input).');
    expect(r.notices).toContain('Read 3 ambiguity codes or gaps as N.');
  });

  it('names the line, column and character of a bad letter', () => {
    expect(() => parseSequence('>x\nACGT\nAC!T')).toThrow(/^Line 3, column 3: "!" is not a nucleotide/);
    try {
      parseSequence('ACGT\nACJT');
    } catch (e) {
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
      'LOCUS       NC_001416                 40 bp    DNA     linear   PHG 28-MAR-2018',
      'DEFINITION  Escherichia phage Lambda, complete genome.',
      'FEATURES             Location/Qualifiers',
      '     source          1..40',
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
    const embl = [
      'ID   X56734; SV 1; linear; mRNA; STD; PLN; 12 BP.',
      'DE   Trifolium repens',
      'SQ   Sequence 12 BP;',
      '     aaacaaacca ag                                                        12',
      '//',
      'ID   SECOND; SV 1;',
      'SQ   Sequence 4 BP;',
      '     acgt 4',
      '//',
    ].join('\n');
    const r = parseSequence(embl);
    expect(r.records.map((x) => [x.name, x.sequence])).toEqual([
      ['X56734', 'AAACAAACCAAG'],
      ['SECOND', 'ACGT'],
    ]);
    expect(() => parseSequence(embl.replace('acgt 4', 'acxt 4'))).toThrow(/^Line 8, column 8: "X" is not a nucleotide/);
  });
});

/** A GenBank record as NCBI writes it: LOCUS with the length, ORIGIN numbered in blocks of 10, 60 bases a line. */
function genbank(
  name: string,
  seq: string,
  o: { locusLength?: number; unit?: string; end?: boolean; extra?: string[] } = {},
): string {
  const origin: string[] = [];
  for (let i = 0; i < seq.length; i += 60) {
    origin.push(
      `${String(i + 1).padStart(9)} ${seq
        .slice(i, i + 60)
        .toLowerCase()
        .replace(/(.{10})(?=.)/g, '$1 ')}`,
    );
  }
  return [
    `LOCUS       ${name.padEnd(16)}${String(o.locusLength ?? seq.length).padStart(11)} ${o.unit ?? 'bp'}    DNA     linear   PRI 01-JUN-2010`,
    `DEFINITION  test record ${name}.`,
    'FEATURES             Location/Qualifiers',
    `     source          1..${seq.length}`,
    '                     /mol_type="genomic DNA"',
    ...(o.extra ?? []),
    'ORIGIN',
    ...origin,
    ...(o.end === false ? [] : ['//']),
  ].join('\n');
}

const SEQ717 = Array.from({ length: 717 }, (_, i) => 'ACGT'[(i * 7 + (i >> 3)) % 4]).join('');

describe('flat files are checked against the length they announce', () => {
  it('refuses a GenBank record cut short, with both numbers, the line where it stops, and the missing //', () => {
    const cut = genbank('GU949562', SEQ717)
      .split('\n')
      .slice(0, 6 + 5)
      .join('\n'); // 5 ORIGIN lines: 300 bases, no //
    expect(() => parseSequence(cut)).toThrow(
      'GenBank record "GU949562" has 300 bases, but its LOCUS line says 717 bp: its sequence stops at line 11, and the record has no closing "//" line, so the text was probably cut short. Paste the whole record.',
    );
    try {
      parseSequence(cut);
    } catch (e) {
      expect((e as SequenceInputError).line).toBe(11);
    }
    // cut short but closed: the numbers still disagree
    const closed = `${cut}\n//`;
    expect(() => parseSequence(closed)).toThrow(
      /^GenBank record "GU949562" has 300 bases, but its LOCUS line says 717 bp: its sequence stops at line 11\. /,
    );
    expect(parseSequence(genbank('GU949562', SEQ717)).records[0]!.sequence).toBe(SEQ717);
  });

  it('reads a complete record without its // and says so', () => {
    const r = parseSequence(genbank('GU949562', SEQ717, { end: false }));
    expect(r.records[0]!.sequence).toHaveLength(717);
    expect(r.notices).toContain(
      'GenBank record "GU949562" has no closing "//" line; its 717 bases match its LOCUS line, so it was read.',
    );
  });

  it('checks an EMBL record against the BP count of its ID line', () => {
    const embl = [
      'ID   X56734; SV 1; linear; mRNA; STD; PLN; 1859 BP.',
      'SQ   Sequence 1859 BP;',
      '     aaacaaacca ag                                                        12',
      '//',
    ].join('\n');
    expect(() => parseSequence(embl)).toThrow(
      /^EMBL record "X56734" has 12 bases, but its ID line says 1859 BP: its sequence stops at line 3\./,
    );
  });

  it('names a contig (CON) record, which holds no bases, and says what to fetch', () => {
    const con = [
      'LOCUS       NT_113891            4795012 bp    DNA     linear   CON 01-JUN-2010',
      'DEFINITION  contig.',
      'CONTIG      join(AC245140.1:1..200000,gap(100),AC241512.1:1..188011)',
      '//',
    ].join('\n');
    expect(() => parseSequence(con)).toThrow(
      /^GenBank record "NT_113891" is a contig \(CON\) record: it lists the pieces it is assembled from \(its CONTIG line\) but holds no bases\. .*FASTA/,
    );
    const emblCon = [
      'ID   CM000663; SV 2; linear; genomic DNA; CON; HUM; 248956422 BP.',
      'CO   join(CM000663.2:1..100)',
      '//',
    ].join('\n');
    expect(() => parseSequence(emblCon)).toThrow(
      /^EMBL record "CM000663" is a contig \(CON\) record: it lists the pieces it is assembled from \(its CO lines\)/,
    );
    expect(() => parseSequence(['LOCUS       EMPTY 10 bp    DNA', 'DEFINITION  nothing.', '//'].join('\n'))).toThrow(
      /^GenBank record "EMPTY" has no ORIGIN block/,
    );
  });

  it('names protein records and pasted protein, also when every letter is an IUPAC code', () => {
    const protein = genbank('AAA59172', 'MKTAYIAKQRQISFVKSHFSRQ', { unit: 'aa' }).replace(/[efilpq]/g, 'a');
    expect(() => parseSequence(protein)).toThrow(
      /^GenBank record "AAA59172" is a protein record \(its LOCUS line says 22 aa\)/,
    );
    expect(() =>
      parseSequence(genbank('P1', 'ACGTACGTAC', { extra: ['                     /mol_type="protein"'] })),
    ).toThrow(/^GenBank record "P1" is a protein record \(\/mol_type="protein"\)/);
    expect(() =>
      parseSequence('ID   CYC_HUMAN   Reviewed;   105 AA.\nSQ   SEQUENCE   105 AA;\n     MGDVEKGKKI\n//'),
    ).toThrow(/^EMBL record "CYC_HUMAN" is a protein record/);
    expect(() => parseSequence('MKTAYRSWHVDBKK')).toThrow(
      /^The sequence looks like protein, not DNA: 12 of its 14 letters/,
    );
    expect(() => parseSequence('>sp|P69905|HBA_HUMAN\nMVLSPADKTNVKAAWGKVGAHAGEYGAEALERMFLSF')).toThrow(
      /^Line 2, column 3: "L" is not a nucleotide; the line reads as protein \(amino-acid letters\)/,
    );
    // DNA with a few ambiguity codes, or a degenerate primer, is still DNA
    expect(parseSequence('GAYTGYTGNCCNGGRAC').records[0]!.sequence).toBe('GANTGNTGNCCNGGNAC');
    expect(() => parseSequence('>x\nACGTACGT\nACGXACGT')).toThrow(
      /^Line 3, column 4: "X" is not a nucleotide \(expected A, C, G, T, U, N or an IUPAC code\)/,
    );
  });

  it('reads a GenBank record followed by an EMBL one, and refuses text after // that starts no record', () => {
    const embl = ['ID   SECOND; SV 1; linear; DNA; STD; PLN; 4 BP.', 'SQ   Sequence 4 BP;', '     acgt 4', '//'].join(
      '\n',
    );
    const r = parseSequence(`${genbank('FIRST', 'GGCCAATT')}\n\n${embl}\n`);
    expect(r.records.map((x) => [x.name, x.sequence])).toEqual([
      ['FIRST', 'GGCCAATT'],
      ['SECOND', 'ACGT'],
    ]);
    expect(r.notices[0]).toBe('Read 2 records: 1 GenBank, 1 EMBL (the sequence blocks only).');
    expect(() => parseSequence(`${genbank('FIRST', 'GGCCAATT')}\n>fasta\nACGT`)).toThrow(
      /^Line 9: ">fasta" follows the end \("\/\/"\) of GenBank record "FIRST" but does not start a new record/,
    );
  });

  it('reads CR-only line endings and a UTF-8 byte-order mark as ordinary text', () => {
    expect(parseSequence('>a\rACGT\r>b\rGG\r').records.map((x) => [x.name, x.sequence])).toEqual([
      ['a', 'ACGT'],
      ['b', 'GG'],
    ]);
    expect(parseSequence('\uFEFF>x\r\nACGT').records[0]!.name).toBe('x');
    expect(parseSequence(`\uFEFF${genbank('BOM', 'ACGTACGT')}`.replace(/\n/g, '\r')).records[0]!.sequence).toBe(
      'ACGTACGT',
    );
  });
});
