// Variant scores on fake models with fixed logits, against scores computed by hand: masked and wild-type
// marginals, delta log-likelihood (indels, windows past the context), influence, and what cannot be scored.
import { describe, expect, it } from 'vitest';
import { MASK_ID } from '../genome/tokens';
import { fakeLanguageModel } from '../model/testing/fakeLanguageModel';
import { jsDivergence } from './scoring/influence';
import { scoreVariants, type Variant } from './variantEffect';

const P_MASKED = [0.1, 0.2, 0.3, 0.4];

/** Fixed logits: at a masked site P = (0.1, 0.2, 0.3, 0.4); a visible base gets 0.7, the others 0.1. */
const fakeMlm = fakeLanguageModel({
  objective: 'mlm',
  context: 64,
  nAttentionLayers: 1,
  logprob: (row, j, b) => Math.log(row[j] === MASK_ID ? P_MASKED[b]! : row[j]! < 4 ? (b === row[j] ? 0.7 : 0.1) : 0.25),
});

/** A causal fake whose P(base) depends only on the base itself: log-likelihoods add up by hand. */
const P_CLM = [0.4, 0.1, 0.1, 0.4];
const fakeClm = fakeLanguageModel({
  objective: 'clm',
  context: 64,
  nAttentionLayers: 1,
  logprob: (_, __, b) => Math.log(P_CLM[b]!),
});

const seq = 'ACGTACGTTGCAACGTTTGACCA'.repeat(4);

describe('variant scores on fixed logits', () => {
  it('masked marginal is log P(alt) - log P(ref) at the masked site, for every alt from one pass', async () => {
    const vs: Variant[] = [
      { pos: 4, ref: 'A', alt: 'T' },
      { pos: 4, ref: 'A', alt: 'C' },
      { pos: 5, ref: 'C', alt: 'G' },
    ];
    const r = await scoreVariants(fakeMlm, seq, vs, { method: 'masked', window: 32 });
    expect(r.scores.map((s) => s.score)).toEqual(
      [Math.log(4), Math.log(2), Math.log(1.5)].map((x) => expect.closeTo(x, 5)),
    );
    expect(r.forwardRows).toBe(2); // one pass per site
  });

  it('wild-type marginal reads the unmasked pass', async () => {
    const r = await scoreVariants(fakeMlm, seq, [{ pos: 4, ref: 'A', alt: 'T' }], { method: 'wt', window: 32 });
    expect(r.scores[0]!.score).toBeCloseTo(Math.log(0.1 / 0.7), 5);
  });

  it('delta log-likelihood sums over the window, for substitutions and indels', async () => {
    const vs: Variant[] = [
      { pos: 10, ref: 'C', alt: 'A' }, // C(0.1) -> A(0.4): +log 4
      { pos: 10, ref: 'CA', alt: 'C' }, // deletes an A: -log 0.4
      { pos: 10, ref: 'C', alt: 'CGG' }, // inserts GG: +2 log 0.1 (33 + 2 bases still fit the context)
    ];
    const r = await scoreVariants(fakeClm, seq, vs, { method: 'dll', window: 33 });
    expect(r.scores[0]!.score).toBeCloseTo(Math.log(4), 4);
    expect(r.scores[1]!.score).toBeCloseTo(-Math.log(0.4), 4);
    expect(r.scores[2]!.score).toBeCloseTo(2 * Math.log(0.1), 4);
    expect(r.forwardRows).toBe(4); // three alt windows share one reference window
  });

  it('delta log-likelihood takes an empty REF or ALT (HGVS indels name no base beside them)', async () => {
    const vs: Variant[] = [
      { pos: 11, ref: 'A', alt: '' }, // deletes the A at 11: -log 0.4, as { pos: 10, ref: 'CA', alt: 'C' } above
      { pos: 11, ref: '', alt: 'GG' }, // inserts GG before 11: +2 log 0.1
    ];
    const r = await scoreVariants(fakeClm, seq, vs, { method: 'dll', window: 33 });
    expect(r.scores.map((s) => s.note)).toEqual(['', '']);
    expect(r.scores[0]!.score).toBeCloseTo(-Math.log(0.4), 4);
    expect(r.scores[1]!.score).toBeCloseTo(2 * Math.log(0.1), 4);
  });

  it('explains what it cannot score instead of throwing', async () => {
    const vs: Variant[] = [
      { pos: 4, ref: 'G', alt: 'T' },
      { pos: 500, ref: 'A', alt: 'T' },
      { pos: 4, ref: 'AC', alt: 'A' },
      { pos: 4, ref: 'A', alt: 'N' },
    ];
    const r = await scoreVariants(fakeMlm, seq, vs, { method: 'masked', window: 32 });
    expect(r.scores.map((s) => s.score)).toEqual([null, null, null, null]);
    expect(r.scores[0]!.note).toBe('reference mismatch at position 5: the sequence has A, the variant says G');
    expect(r.scores[1]!.note).toMatch(/position 501 is outside the sequence \(1-92\)/);
    expect(r.scores[2]!.note).toMatch(/single-base substitutions only/);
    expect(r.scores[3]!.note).toMatch(/alleles must be A, C, G or T/);
    const d = await scoreVariants(fakeMlm, seq, [{ pos: 4, ref: 'A', alt: 'T' }], { method: 'dll', window: 32 });
    expect(d.scores[0]!.note).toBe('dll needs a causal model');
  });
});

/** A masked fake in which base j is predicted from base j - 1 alone: 0.7 on that base, 0.1 on the others. */
const fakeNeighbour = fakeLanguageModel({
  objective: 'mlm',
  context: 64,
  nAttentionLayers: 1,
  // the first base of a row has no neighbour
  logprob: (row, j, b) => Math.log(j > 0 && row[j - 1]! < 4 ? (b === row[j - 1] ? 0.7 : 0.1) : 0.25),
});

describe('influence (mean Jensen-Shannon divergence)', () => {
  it('JS divergence is 0 for equal and 1 bit for disjoint distributions', () => {
    const lp = (p: number[]) => p.map(Math.log);
    expect(jsDivergence(lp([0.1, 0.2, 0.3, 0.4]), lp([0.1, 0.2, 0.3, 0.4]))).toBeCloseTo(0, 9);
    expect(jsDivergence(lp([1, 0, 0, 0]), lp([0, 1, 0, 0]))).toBeCloseTo(1, 6);
  });

  it("is minus the one changed neighbour's divergence over the other W - 1 positions, on both strands", async () => {
    // the substitution moves only the next base's prediction, from 0.7 on the ref base to 0.7 on the alt:
    // JSD = 0.7 log2(0.7 / 0.4) + 0.1 log2(0.1 / 0.4) (the mixture holds 0.4 on both bases)
    const jsd = 0.7 * Math.log2(0.7 / 0.4) + 0.1 * Math.log2(0.1 / 0.4);
    const vs: Variant[] = [
      { pos: 40, ref: seq[40]!, alt: seq[40] === 'A' ? 'G' : 'A' },
      { pos: 41, ref: seq[41]!, alt: seq[41] === 'T' ? 'C' : 'T' },
    ];
    for (const bothStrands of [false, true]) {
      const r = await scoreVariants(fakeNeighbour, seq, vs, { method: 'influence', window: 33, bothStrands });
      r.scores.forEach((s) => expect(s.score!).toBeCloseTo(-jsd / 32, 6));
      expect(r.forwardRows).toBe((bothStrands ? 2 : 1) * 4); // a reference and an alt row per site and strand
    }
    // a model that reads every base alone is moved nowhere but at the site
    const local = await scoreVariants(fakeMlm, seq, vs, { method: 'influence', window: 33 });
    local.scores.forEach((s) => expect(s.score!).toBeCloseTo(0, 6));
  });
});
describe('delta log-likelihood past the model context', () => {
  it('slides windows so a 301-bp window on a 64-base model still sums every base', async () => {
    const long = 'ACGTTGCAAGGCTTAACCGGTATCGATCGGATCCATGCAAGTCTTGACGGTACCATGGCAAT'.repeat(8); // 496 bp
    const pos = 250;
    const alt = long[pos] === 'A' ? 'C' : 'A';
    const r = await scoreVariants(
      fakeClm,
      long,
      [
        { pos, ref: long[pos]!, alt },
        { pos, ref: long.slice(pos, pos + 2), alt: long[pos]! },
      ],
      { method: 'dll', window: 301 },
    );
    expect(r.scores[0]!.score).toBeCloseTo(
      Math.log(P_CLM['ACGT'.indexOf(alt)]! / P_CLM['ACGT'.indexOf(long[pos]!)]!),
      4,
    );
    expect(r.scores[1]!.score).toBeCloseTo(-Math.log(P_CLM['ACGT'.indexOf(long[pos + 1]!)]!), 4); // the deleted base
    expect(r.forwardRows).toBeGreaterThan(3 * 2); // several windows per sequence
  });
});
