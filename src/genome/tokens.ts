// Token vocabulary shared with training/model.py (contracts.json): one token per base, bases first.

import { CONTRACT_VOCAB } from '../contracts';

export type Base = 'A' | 'C' | 'G' | 'T';
export const BASES: readonly Base[] = ['A', 'C', 'G', 'T'];
export const VOCAB: readonly string[] = CONTRACT_VOCAB;
// the ids analyses index by, fixed here for speed; src/contracts.test.ts checks them against VOCAB
export const N_ID = 4;
export const MASK_ID = 5;
export const BOS_ID = 6;

const CODE = new Int32Array(128).fill(N_ID);
BASES.forEach((b, i) => {
  CODE[b.charCodeAt(0)] = i;
  CODE[b.toLowerCase().charCodeAt(0)] = i;
});

/** Encode an already validated sequence (ACGTN, any case) into token ids. */
export function encode(seq: string): Int32Array {
  const out = new Int32Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = CODE[seq.charCodeAt(i) & 127] ?? N_ID;
  return out;
}

const COMPLEMENT: Record<string, string> = {
  A: 'T',
  C: 'G',
  G: 'C',
  T: 'A',
  N: 'N',
  a: 't',
  c: 'g',
  g: 'c',
  t: 'a',
  n: 'n',
};

export function reverseComplement(seq: string): string {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) out += COMPLEMENT[seq[i]!] ?? 'N';
  return out;
}

/** Reverse complement of token ids: bases swap A<->T and C<->G; N and special tokens keep their id. */
export function reverseComplementTokens(t: Int32Array): Int32Array {
  const out = new Int32Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const x = t[t.length - 1 - i]!;
    out[i] = x < N_ID ? 3 - x : x;
  }
  return out;
}
