import { describe, expect, it } from 'vitest';
import { encode } from '../genome/tokens';
import { fakeLanguageModel } from '../model/testing/fakeLanguageModel';
import { embedSequences, embedVariants, siteWindows } from './embedding';

/**
 * Hidden state of row t of a row: [token t, t, sum of tokens 0..t, 1] (size 4), so every pooled value can be
 * written down by hand; `calls` records the batch shapes it was run with.
 */
function fakeModel(objective: 'mlm' | 'clm', context: number) {
  const model = fakeLanguageModel({
    objective,
    context,
    hidden: {
      size: 4,
      of(row, out) {
        let sum = 0;
        row.forEach((tok, t) => {
          sum += tok;
          out.set([tok, t, sum, 1], t * 4);
        });
      },
    },
  });
  return { model, calls: model.calls };
}

/** The hand-written hidden state [token, t, prefix sum, 1] of row t of window w. */
function stateOf(w: string, t: number): number[] {
  const tok = encode(w);
  return [tok[t]!, t, tok.slice(0, t + 1).reduce((a, b) => a + b, 0), 1];
}
const mean = (w: string, from: number, to: number) =>
  [0, 1, 2, 3].map(
    (j) =>
      Array.from({ length: to - from }, (_, k) => stateOf(w, from + k)[j]!).reduce((a, b) => a + b, 0) / (to - from),
  );

const seq = 'ACGTTGCAAGTCCATGACGTAGCTAGGATCCATGCAAT'; // 38 bases
const variants = [
  { pos: 10, ref: 'T', alt: 'G' },
  { pos: 10, ref: 'T', alt: 'A' },
  { pos: 2, ref: 'G', alt: 'C' },
];

describe('variant embeddings', () => {
  it('pools the site row, its +-reach mean and the window mean of the reference and variant windows', async () => {
    const { model, calls } = fakeModel('mlm', 64);
    const e = await embedVariants(model, seq, variants, { window: 9, reach: 2 });
    const wins = siteWindows(seq, variants, 9, 64);
    const placed = wins.map((w) => [w.seq, w.site]);
    expect(placed).toEqual([
      [seq.slice(6, 15), 4],
      [seq.slice(6, 15), 4],
      [seq.slice(0, 9), 2],
    ]);
    wins.forEach((w, i) => {
      const alt = w.seq.slice(0, w.site) + w.alt + w.seq.slice(w.site + 1);
      const row = (a: Float32Array) => Array.from(a.subarray(i * 4, i * 4 + 4));
      for (const [side, s] of [
        ['ref', w.seq],
        ['alt', alt],
      ] as const) {
        expect(row(e.pools.site[side])).toEqual(stateOf(s, w.site));
        // the third variant's site is 2 from the start: its local mean is clipped to rows 0..4
        const lo = Math.max(0, w.site - 2),
          hi = Math.min(9, w.site + 3);
        mean(s, lo, hi).forEach((v, j) => expect(row(e.pools.local[side])[j]).toBeCloseTo(v, 5));
        mean(s, 0, 9).forEach((v, j) => expect(row(e.pools.window[side])[j]).toBeCloseTo(v, 5));
      }
    });
    // the two variants at one site share a reference pass: 2 references + 3 variant windows, one batch of 5 rows
    expect(calls).toEqual([{ batch: 5, T: 9 }]);
  });

  it('reads a causal model one row after the site, where its state has read the site', async () => {
    const { model } = fakeModel('clm', 64);
    const e = await embedVariants(model, seq, [variants[0]!], { window: 9, reach: 1 });
    const w = seq.slice(6, 15),
      alt = `${w.slice(0, 4)}G${w.slice(5)}`;
    expect(Array.from(e.pools.site.ref)).toEqual(stateOf(w, 5));
    expect(Array.from(e.pools.site.alt)).toEqual(stateOf(alt, 5));
    mean(alt, 4, 7).forEach((v, j) => expect(e.pools.local.alt[j]).toBeCloseTo(v, 5));
  });

  it('caps the window at the context and refuses what is not a substitution of the sequence', async () => {
    const { model, calls } = fakeModel('mlm', 7);
    await embedVariants(model, seq, variants, { window: 128 });
    expect(calls.every((c) => c.T === 7)).toBe(true);
    const wrongRef = [{ pos: 10, ref: 'A', alt: 'G' }];
    await expect(embedVariants(model, seq, wrongRef)).rejects.toThrow(/variant 1 .*not a substitution/);
    await expect(embedVariants(model, seq, [{ pos: 10, ref: 'TG', alt: 'G' }])).rejects.toThrow(/not a substitution/);
    const markov = { ...model, representation: { kind: 'none' as const } };
    await expect(embedVariants(markov, seq, variants)).rejects.toThrow(/no hidden states/);
  });
});

describe('sequence embeddings', () => {
  it('averages every base once over windows that tile a sequence longer than the context, N left out', async () => {
    const { model, calls } = fakeModel('mlm', 16);
    const long = seq.slice(0, 37) + 'N'; // 38 bases: windows at 0, 16 and 22 (the last ends at the end)
    const e = await embedSequences(model, [seq.slice(0, 10), long]);
    expect(Array.from(e.subarray(0, 4))).toEqual(mean(seq.slice(0, 10), 0, 10).map((v) => Math.fround(v)));
    // by hand: rows 0-15 of window 0, 0-15 of window 16, then rows 10-14 of the window at 22 (bases 32-36)
    const rows = [
      ...Array.from({ length: 16 }, (_, t) => stateOf(long.slice(0, 16), t)),
      ...Array.from({ length: 16 }, (_, t) => stateOf(long.slice(16, 32), t)),
      ...Array.from({ length: 5 }, (_, t) => stateOf(long.slice(22, 38), 10 + t)),
    ];
    const want = [0, 1, 2, 3].map((j) => rows.reduce((a, r) => a + r[j]!, 0) / 37);
    want.forEach((v, j) => expect(e[4 + j]).toBeCloseTo(v, 4));
    expect(calls.map((c) => c.T).sort()).toEqual([10, 16]); // one batch per row length
    await expect(embedSequences(model, ['NNNN'])).rejects.toThrow(/sequence 1 has no A, C, G or T/);
  });
});
