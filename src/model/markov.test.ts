import { describe, expect, it } from 'vitest';
import { encode } from '../genome/tokens';
import { countKmers, MarkovModel } from './markov';

describe('Markov baseline', () => {
  it('counts k-mers on both strands, skipping N', () => {
    // order 1 on "AAC": forward AA, AC; reverse complement "GTT": GT, TT
    const c = countKmers([encode('AAC')], 1);
    const idx = (s: string) => encode(s).reduce((a, t) => a * 4 + t, 0);
    expect(c[idx('AA')]).toBe(1);
    expect(c[idx('AC')]).toBe(1);
    expect(c[idx('GT')]).toBe(1);
    expect(c[idx('TT')]).toBe(1);
    expect(c.reduce((a, b) => a + b, 0)).toBe(4);
    expect(countKmers([encode('ANA')], 1).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('smooths each order towards the one below (hand-computed)', async () => {
    const counts = countKmers([encode('AAAAC')], 1, false); // AA x3, AC x1
    const m = new MarkovModel(1, counts, 2);
    // order 0: counts A 3, C 1 (the next bases), total 4: P0(A) = (3 + 2*0.25)/(4+2) = 3.5/6
    // order 1, context A: P1(A|A) = (3 + 2*P0(A)) / (4 + 2)
    const p0A = 3.5 / 6;
    const { logprobs } = await m.forward(encode('AA'), 1);
    expect(Math.exp(logprobs[0]!)).toBeCloseTo(p0A, 6); // position 0 has no context: order 0
    expect(Math.exp(logprobs[4]!)).toBeCloseTo((3 + 2 * p0A) / 6, 6);
    // an unseen context (G) falls back to the order-0 distribution
    const g = await m.forward(encode('GA'), 1);
    expect(Math.exp(g.logprobs[4]!)).toBeCloseTo(p0A, 6);
    let s = 0;
    for (let b = 0; b < 4; b++) s += Math.exp(g.logprobs[4 + b]!);
    expect(s).toBeCloseTo(1, 6);
  });
});
