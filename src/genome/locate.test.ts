import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../node/nodeRuntime';
import { findSpan, placeVariant } from './locate';
import { parseSequence } from './parseSequence';
import { parseVariantList } from './variantSyntax';

const records = [
  { name: 'chr22:1001-1010', sequence: 'ACGTACGTAC' },
  { name: 'chr17:41245001-41245010', sequence: 'GGGGCCCCAA' },
];

describe('placeVariant (the app and the CLI place variants with it)', () => {
  it('takes any record when nothing is analysed (the CLI), and says which record a variant lies in otherwise (the app)', () => {
    expect(placeVariant(records, { chrom: 'chr17', pos: 41245005, ref: 'C' })).toEqual({ record: 1, index: 4 });
    expect(placeVariant(records, { chrom: '17', pos: 41245005, ref: 'C' }, 1)).toEqual({ record: 1, index: 4 });
    expect(placeVariant(records, { chrom: 'chr17', pos: 41245005, ref: 'C' }, 0)).toEqual({
      problem:
        'chr17:41245005 is in record 2 ("chr17:41245001-41245010"), not in the analysed record 1 ("chr22:1001-1010"); analyse record 2 to score it',
    });
    expect(placeVariant(records, { chrom: 'chr22', pos: 1002, ref: 'C' }, 0)).toEqual({ record: 0, index: 1 });
  });

  it('prefers the analysed record when records overlap, and places position-only variants on it', () => {
    const overlapping = [
      { name: 'chr1:1-4', sequence: 'ACGT' },
      { name: 'chr1:1-4', sequence: 'ACGT' },
    ];
    expect(placeVariant(overlapping, { chrom: 'chr1', pos: 2, ref: 'C' }, 1)).toEqual({ record: 1, index: 1 });
    expect(placeVariant(records, { chrom: null, pos: 4, ref: 'G' }, 1)).toEqual({ record: 1, index: 3 });
    expect(placeVariant(records, { chrom: null, pos: 4, ref: 'G' }, 0)).toEqual({
      problem: 'reference mismatch at position 4: the sequence has T, the variant says G',
    });
  });

  it('explains genomic positions on records that name no region', () => {
    expect(placeVariant([{ name: 'myseq', sequence: 'ACGT' }], { chrom: 'chr17', pos: 3, ref: 'G' }, 0)).toEqual({
      problem:
        'no sequence named chr17 in the FASTA (name the FASTA record like chr17:START-END to use genomic positions)',
    });
    // a whole chromosome named as one needs no such advice
    expect(placeVariant([{ name: 'chr17', sequence: 'ACGT' }], { chrom: '5', pos: 3, ref: 'G' }, 0)).toEqual({
      problem: 'no sequence named 5 in the FASTA',
    });
  });

  it('matches chrM, M and MT, and places by name and length alone for genomes read by index', () => {
    const genome = [
      { name: 'chr1', length: 1000 },
      { name: 'chrM', length: 16569 },
    ];
    expect(findSpan(genome, 'MT', 16569, 1)).toEqual({ record: 1, index: 16568 });
    expect(findSpan(genome, 'M', 1, 1)).toEqual({ record: 1, index: 0 });
    expect(findSpan([{ name: 'MT', length: 10 }], 'chrM', 3, 1)).toEqual({ record: 0, index: 2 });
    expect(findSpan(genome, '1', 1000, 2)).toEqual({ problem: '1:1000 is outside the FASTA (1:1-1000)' });
    expect(placeVariant([{ name: 'chrM', sequence: 'ACGT' }], { chrom: 'MT', pos: 2, ref: 'C' })).toEqual({
      record: 0,
      index: 1,
    });
  });

  it('places typed variants with thousands separators, accessions and HGVS on records named as regions', () => {
    // chr17:41209001-41209200 and chr17:41276001-41276200 (test/data/brca1_slices.py); 41209148-9 is TC, 41276135 T
    const recs = parseSequence(readFileSync(join(REPO_ROOT, 'test/data/brca1_slices.fa'), 'utf8')).records;
    const { variants, errors } = parseVariantList(
      'chr17:41,209,148T>G; NC_000017.10:g.41209148T>G; ' +
        'chr17:g.41209148_41209149insAC; chr17:g.41209148delT; 17:g.41,276,135T>C; chr17:g.41209148_41209149dupTC',
    );
    expect(errors).toEqual([]);
    expect(variants.map((v) => placeVariant(recs, v))).toEqual([
      { record: 0, index: 147 },
      { record: 0, index: 147 },
      { record: 0, index: 148 },
      { record: 0, index: 147 },
      { record: 1, index: 134 },
      { record: 0, index: 147 },
    ]);
    expect(placeVariant(recs, parseVariantList('chr17:g.41209148delA').variants[0]!)).toEqual({
      problem: 'reference mismatch at chr17:41209148: the sequence has T, the variant says A',
    });
  });
});
