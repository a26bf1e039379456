// Feature blocks for a probe: the sequence-only baseline (one-hot windows and k-mer counts) that every
// probe is shown beside, named blocks of model outputs (zero-shot scores, embeddings), and their assembly
// into one matrix with a name per column.

import type { Variant } from '../analysis/variantEffect';
import { BASES, encode } from '../genome/tokens';
import { countKmers } from '../model/markov';
import { ProbeInputError } from './inputError';
import { matrix, type Matrix } from './matrix';

/** rows x names.length values, row-major. */
export interface FeatureBlock {
  names: string[];
  rows: number;
  data: Float64Array | Float32Array;
}

/** All k-mers in the order countKmers indexes them (first base most significant). */
export function kmerNames(k: number): string[] {
  return Array.from({ length: 4 ** k }, (_, code) =>
    Array.from({ length: k }, (_, i) => BASES[(code >> (2 * (k - 1 - i))) & 3]!).join(''),
  );
}

/** Counts of each k-mer of s (windows with N or other letters skipped), in kmerNames order. */
function kmerCounts(s: string, k: number): Uint32Array {
  return countKmers([encode(s)], k - 1, false);
}

export interface VariantBaselineOptions {
  /** One-hot of the reference and the variant base at offsets -k..k around the site (default 2). */
  window?: number;
  /** Change in k-mer counts (variant minus reference) for k = 1..kmer, over the k-mers that touch the site. */
  kmer?: number;
}

/**
 * Baseline features of single-base substitutions in `seq`: the one-hot reference window, the one-hot variant
 * window (positions beyond the sequence are all zero), and the k-mers the substitution creates minus those it
 * destroys.
 */
export function variantBaseline(
  seq: string,
  variants: readonly Variant[],
  opts: VariantBaselineOptions = {},
): FeatureBlock {
  const k = opts.window ?? 2,
    K = opts.kmer ?? 3;
  if (!Number.isInteger(k) || k < 0 || !Number.isInteger(K) || K < 0) {
    throw new ProbeInputError(`window and k-mer length must be whole numbers from 0, got ${k} and ${K}`);
  }
  const offsets = Array.from({ length: 2 * k + 1 }, (_, i) => i - k);
  const tag = (o: number) => (o < 0 ? `${o}` : `+${o}`);
  const names = [
    ...offsets.flatMap((o) => BASES.map((b) => `ref${tag(o)}=${b}`)),
    ...offsets.flatMap((o) => BASES.map((b) => `alt${tag(o)}=${b}`)),
    ...Array.from({ length: K }, (_, i) => kmerNames(i + 1).map((m) => `kmer-change:${m}`)).flat(),
  ];
  const data = new Float64Array(variants.length * names.length);
  variants.forEach((v, r) => {
    checkSubstitution(seq, v, r);
    const around = (reach: number) =>
      Array.from({ length: 2 * reach + 1 }, (_, i) => seq[v.pos - reach + i] ?? 'N').join('');
    const ref = around(k).toUpperCase(),
      alt = ref.slice(0, k) + v.alt.toUpperCase() + ref.slice(k + 1);
    let col = r * names.length;
    for (const w of [ref, alt]) {
      for (const base of w) {
        const b = 'ACGT'.indexOf(base);
        if (b >= 0) data[col + b] = 1;
        col += 4;
      }
    }
    const refK = around(K - 1).toUpperCase(),
      altK = refK.slice(0, K - 1) + v.alt.toUpperCase() + refK.slice(K);
    for (let m = 1; m <= K; m++) {
      const before = kmerCounts(refK, m),
        after = kmerCounts(altK, m);
      for (let c = 0; c < before.length; c++) data[col++] = after[c]! - before[c]!;
    }
  });
  return { names, rows: variants.length, data };
}

function checkSubstitution(seq: string, v: Variant, r: number): void {
  const label = `variant ${r + 1} (${v.ref}>${v.alt} at index ${v.pos})`;
  if (v.ref.length !== 1 || v.alt.length !== 1) {
    throw new ProbeInputError(`${label}: baseline features are defined for single-base substitutions only`);
  }
  if (!Number.isInteger(v.pos) || v.pos < 0 || v.pos >= seq.length) {
    throw new ProbeInputError(`${label}: position outside the sequence (0..${seq.length - 1})`);
  }
  if (seq[v.pos]!.toUpperCase() !== v.ref.toUpperCase()) {
    throw new ProbeInputError(`${label}: the sequence has ${seq[v.pos]} there, not ${v.ref}`);
  }
  if (!'ACGT'.includes(v.alt.toUpperCase()) || v.alt.toUpperCase() === v.ref.toUpperCase()) {
    throw new ProbeInputError(`${label}: the variant base must be A, C, G or T and differ from the reference`);
  }
}

/** Baseline features of whole sequences: for k = 1..maxK, the share of each k-mer among the sequence's k-mers. */
export function sequenceBaseline(seqs: readonly string[], maxK = 3): FeatureBlock {
  const names = Array.from({ length: maxK }, (_, i) => kmerNames(i + 1).map((m) => `kmer:${m}`)).flat();
  const data = new Float64Array(seqs.length * names.length);
  seqs.forEach((s, r) => {
    let col = r * names.length;
    for (let k = 1; k <= maxK; k++) {
      const counts = kmerCounts(s, k),
        total = counts.reduce((a, b) => a + b, 0);
      for (const c of counts) data[col++] = total > 0 ? c / total : 0;
    }
  });
  return { names, rows: seqs.length, data };
}

/** A block of one column per named score (scores[name][row]), e.g. a model's zero-shot scores. */
export function scoreBlock(scores: Record<string, ArrayLike<number>>): FeatureBlock {
  const names = Object.keys(scores),
    rows = names.length ? scores[names[0]!]!.length : 0;
  const data = new Float64Array(rows * names.length);
  names.forEach((name, j) => {
    const col = scores[name]!;
    if (col.length !== rows) {
      throw new ProbeInputError(`score '${name}' has ${col.length} values, '${names[0]}' ${rows}`);
    }
    for (let r = 0; r < rows; r++) data[r * names.length + j] = col[r]!;
  });
  return { names, rows, data };
}

/** A block of embeddings ([rows, dim], row-major) named prefix[0]..prefix[dim - 1]. */
export function embeddingBlock(prefix: string, rows: number, data: Float64Array | Float32Array): FeatureBlock {
  if (rows === 0 || data.length % rows !== 0) {
    throw new ProbeInputError(`embedding '${prefix}': ${data.length} values do not split into ${rows} rows`);
  }
  return { names: Array.from({ length: data.length / rows }, (_, j) => `${prefix}[${j}]`), rows, data };
}

/** a - b, column by column (e.g. the variant window's embedding minus the reference's). */
export function differenceBlock(prefix: string, a: FeatureBlock, b: FeatureBlock): FeatureBlock {
  if (a.rows !== b.rows || a.names.length !== b.names.length) {
    const shape = (x: FeatureBlock) => `${x.rows} x ${x.names.length}`;
    throw new ProbeInputError(`cannot subtract a ${shape(b)} block from a ${shape(a)} one`);
  }
  return embeddingBlock(
    prefix,
    a.rows,
    a.data.map((v, i) => v - b.data[i]!),
  );
}

/** The blocks side by side: one matrix and its column names; refuses blocks of other row counts or NaNs. */
export function assemble(blocks: readonly FeatureBlock[]): { X: Matrix; names: string[] } {
  if (blocks.length === 0) throw new ProbeInputError('no feature blocks to assemble');
  const rows = blocks[0]!.rows,
    names = blocks.flatMap((b) => b.names),
    X = matrix(rows, names.length);
  let offset = 0;
  for (const b of blocks) {
    const w = b.names.length;
    if (b.rows !== rows) {
      throw new ProbeInputError(`feature block '${b.names[0]}' has ${b.rows} rows, the first block ${rows}`);
    }
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < w; j++) {
        const v = b.data[r * w + j]!;
        if (!Number.isFinite(v)) {
          throw new ProbeInputError(`feature '${b.names[j]}' of row ${r + 1} is ${v}, not a number`);
        }
        X.data[r * names.length + offset + j] = v;
      }
    }
    offset += w;
  }
  return { X, names };
}
