import { describe, expect, it } from 'vitest';
import { encodeLink, decodeLink } from '../share/savedAnalysis';
import { compareMethod, differenceBits, meanFinite } from './compare';

describe('compare view', () => {
  it('takes A - B per base, NaN where either model has no score (N)', () => {
    const d = differenceBits(Float32Array.from([-1, -2, NaN, -0.5]), Float32Array.from([-1.5, -1, -1, -Infinity]));
    expect(Array.from(d.subarray(0, 2))).toEqual([0.5, -1]);
    expect(Number.isNaN(d[2]!) && Number.isNaN(d[3]!)).toBe(true);
    expect(meanFinite(d)).toBeCloseTo(-0.25, 6);
    expect(meanFinite(Float32Array.from([NaN]))).toBeNaN();
    expect(() => differenceBits(new Float32Array(3), new Float32Array(4))).toThrow(/not the same sequence/);
  });

  it('compares variants by a method both models have', () => {
    expect(compareMethod('clm', 'clm')).toBe('dll');
    expect(compareMethod('mlm', 'mlm')).toBe('masked');
    expect(compareMethod('mlm', 'clm')).toBe('influence');
    expect(compareMethod('clm', 'mlm')).toBe('influence');
  });

  it('keeps the pair in the share link, and refuses a malformed second model', () => {
    const link = encodeLink({
      name: 'x',
      sequence: 'ACGTACGT',
      models: { primary: 'clm-hybrid-chr22', compare: 'markov-k9-chr22' },
      view: {},
      analyses: {},
    });
    expect(decodeLink(`#${link}`).models).toEqual({ primary: 'clm-hybrid-chr22', compare: 'markov-k9-chr22' });
    expect(() =>
      decodeLink(`#${encodeLink({ name: 'x', sequence: 'ACGT', models: { compare: 'a b' }, view: {}, analyses: {} })}`),
    ).toThrow(/compare/);
  });
});
