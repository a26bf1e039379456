import { describe, expect, it } from 'vitest';
import { mutagenesisTsv, variantsTsv } from './tables';
import { toBedGraph, toWig } from './tracks';

describe('track exports', () => {
  const t = { name: 'logp', description: 'log2 P', values: Float32Array.from([-1, -1, NaN, -0.5, -2]) };
  it('bedGraph is 0-based half-open on the genome, merges equal runs and skips N', () => {
    expect(toBedGraph('chr17:41276100-41276104', t)).toBe(
      'track type=bedGraph name="logp" description="log2 P"\nchr17\t41276099\t41276101\t-1\nchr17\t41276102\t41276103\t-0.5\nchr17\t41276103\t41276104\t-2\n',
    );
    expect(toBedGraph('17:100-104', t).split('\n')[1]).toBe('chr17\t99\t101\t-1');
    expect(toBedGraph('my_seq', t).split('\n')[1]).toBe('my_seq\t0\t2\t-1');
  });
  it('WIG uses 1-based fixedStep blocks broken at N', () => {
    expect(toWig('chr17:41276100-41276104', t)).toBe(
      'track type=wiggle_0 name="logp" description="log2 P"\nfixedStep chrom=chr17 start=41276100 step=1 span=1\n-1\n-1\nfixedStep chrom=chr17 start=41276103 step=1 span=1\n-0.5\n-2\n',
    );
  });
});

describe('table exports', () => {
  it('writes the variant table with genomic positions and every method', () => {
    const tsv = variantsTsv(
      'chr17:1000-2000',
      ['masked', 'wt'],
      [
        { text: '5A>G', index: 4, ref: 'A', alt: 'G', scores: { masked: -1.25, wt: null }, note: '' },
        { text: '9C>T', index: null, ref: 'C', alt: 'T', scores: {}, note: 'reference mismatch' },
      ],
    );
    expect(tsv).toBe(
      'variant\tchrom\tpos\tref\talt\tmasked\twt\tnote\n5A>G\t17\t1004\tA\tG\t-1.250000\t\t\n9C>T\t17\t\tC\tT\t\t\treference mismatch\n',
    );
  });
  it('adds a percentile column after each score the model has a distribution for', () => {
    const q = Array.from({ length: 101 }, (_, i) => -5 + i / 10); // -5 .. 5
    const tsv = variantsTsv(
      'chr17:1000-2000',
      ['masked', 'wt'],
      [
        { text: '5A>G', index: 4, ref: 'A', alt: 'G', scores: { masked: -4.5, wt: 1 }, note: '' },
        { text: '6C>T', index: 5, ref: 'C', alt: 'T', scores: { masked: null }, note: 'no score' },
      ],
      { masked: q },
    );
    expect(tsv).toBe(
      'variant\tchrom\tpos\tref\talt\tmasked\tmasked_percentile\twt\tnote\n' +
        '5A>G\t17\t1004\tA\tG\t-4.500000\t5.0\t1.000000\t\n6C>T\t17\t1005\tC\tT\t\t\t\tno score\n',
    );
  });
  it('writes the mutagenesis matrix one position per row', () => {
    const tsv = mutagenesisTsv('chr1:11-20', 'ACGTACGTAC', 2, Float32Array.from([1, 2, NaN, 3, NaN, 0.5, 0.25, 0.125]));
    expect(tsv.split('\n').slice(0, 3)).toEqual([
      'chrom\tpos\tref\tA\tC\tG\tT',
      '1\t13\tG\t1.000000\t2.000000\t\t3.000000',
      '1\t14\tT\t\t0.500000\t0.250000\t0.125000',
    ]);
  });
});
