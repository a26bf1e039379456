import { describe, expect, it } from 'vitest';
import {
  assemble,
  differenceBlock,
  embeddingBlock,
  kmerNames,
  scoreBlock,
  sequenceBaseline,
  variantBaseline,
  type FeatureBlock,
} from './features';

/** The block's row as name -> value, non-zero entries only. */
function nonZero(b: FeatureBlock, row: number): Record<string, number> {
  const w = b.names.length,
    out: Record<string, number> = {};
  b.names.forEach((n, j) => {
    const v = b.data[row * w + j]!;
    if (v !== 0) out[n] = v;
  });
  return out;
}

describe('variantBaseline', () => {
  it('one-hot windows and the k-mers a substitution creates and destroys, by hand', () => {
    // ACGT[A]CGTA, A>G at 4: window +-1 is TAC -> TGC; its 2-mers TA, AC become TG, GC
    const b = variantBaseline('ACGTACGTA', [{ pos: 4, ref: 'A', alt: 'G' }], { window: 1, kmer: 2 });
    expect(b.names.length).toBe(2 * 3 * 4 + 4 + 16);
    expect(nonZero(b, 0)).toEqual({
      'ref-1=T': 1,
      'ref+0=A': 1,
      'ref+1=C': 1,
      'alt-1=T': 1,
      'alt+0=G': 1,
      'alt+1=C': 1,
      'kmer-change:A': -1,
      'kmer-change:G': 1,
      'kmer-change:TA': -1,
      'kmer-change:AC': -1,
      'kmer-change:TG': 1,
      'kmer-change:GC': 1,
    });
  });

  it('leaves positions beyond the sequence at zero, and counts only k-mers inside it', () => {
    const b = variantBaseline('caGT', [{ pos: 0, ref: 'C', alt: 't' }], { window: 2, kmer: 2 });
    expect(nonZero(b, 0)).toEqual({
      'ref+0=C': 1,
      'ref+1=A': 1,
      'ref+2=G': 1,
      'alt+0=T': 1,
      'alt+1=A': 1,
      'alt+2=G': 1,
      'kmer-change:C': -1,
      'kmer-change:T': 1,
      'kmer-change:CA': -1,
      'kmer-change:TA': 1,
    });
  });

  it('refuses what is not a single-base substitution of the sequence, naming the variant', () => {
    const seq = 'ACGTACGT';
    expect(() =>
      variantBaseline(seq, [
        { pos: 1, ref: 'C', alt: 'T' },
        { pos: 2, ref: 'A', alt: 'T' },
      ]),
    ).toThrow('variant 2 (A>T at index 2): the sequence has G there, not A');
    expect(() => variantBaseline(seq, [{ pos: 2, ref: 'GT', alt: 'G' }])).toThrow(/single-base substitutions only/);
    expect(() => variantBaseline(seq, [{ pos: 2, ref: 'G', alt: 'G' }])).toThrow(/differ from the reference/);
    expect(() => variantBaseline(seq, [{ pos: 8, ref: 'A', alt: 'G' }])).toThrow(/outside the sequence \(0..7\)/);
    expect(() => variantBaseline(seq, [], { window: -1 })).toThrow(/whole numbers from 0, got -1 and 3/);
  });
});

describe('sequenceBaseline', () => {
  it('gives each k the share of each k-mer, skipping N', () => {
    const b = sequenceBaseline(['AACN', 'CA'], 2);
    expect(nonZero(b, 0)).toEqual({ 'kmer:A': 2 / 3, 'kmer:C': 1 / 3, 'kmer:AA': 0.5, 'kmer:AC': 0.5 });
    expect(nonZero(b, 1)).toEqual({ 'kmer:A': 0.5, 'kmer:C': 0.5, 'kmer:CA': 1 }); // names follow countKmers' order
    expect(nonZero(sequenceBaseline(['NNN'], 1), 0)).toEqual({});
  });

  it('names k-mers first base most significant', () => {
    expect(kmerNames(2).slice(0, 5)).toEqual(['AA', 'AC', 'AG', 'AT', 'CA']);
    expect(kmerNames(3)[0b00_11_10]).toBe('ATG'); // A = 0, T = 3, G = 2, two bits each
  });
});

describe('assemble', () => {
  it('puts named blocks side by side', () => {
    const ref = embeddingBlock('ref', 2, Float32Array.of(1, 2, 3, 4));
    const alt = embeddingBlock('alt', 2, Float32Array.of(1, 5, 3, 9));
    const { X, names } = assemble([scoreBlock({ llr: [0.5, -2] }), ref, alt, differenceBlock('alt-ref', alt, ref)]);
    expect(names).toEqual(['llr', 'ref[0]', 'ref[1]', 'alt[0]', 'alt[1]', 'alt-ref[0]', 'alt-ref[1]']);
    expect(Array.from(X.data)).toEqual([0.5, 1, 2, 1, 5, 0, 3, -2, 3, 4, 3, 9, 0, 5]);
  });

  it('refuses blocks of other row counts and values that are not numbers', () => {
    expect(() => assemble([scoreBlock({ a: [1, 2] }), scoreBlock({ b: [1] })])).toThrow(
      "feature block 'b' has 1 rows, the first block 2",
    );
    expect(() => assemble([scoreBlock({ a: [1, NaN] })])).toThrow("feature 'a' of row 2 is NaN, not a number");
    expect(() => scoreBlock({ a: [1, 2], b: [1] })).toThrow("score 'b' has 1 values, 'a' 2");
    expect(() => embeddingBlock('e', 3, new Float32Array(4))).toThrow(/do not split into 3 rows/);
  });
});
