import { describe, expect, it } from 'vitest';
import { percentile, quantiles, randomSubstitutions } from './calibration';

describe('score calibration', () => {
  it('quantiles interpolate order statistics, and percentile inverts them', () => {
    const v = Array.from({ length: 201 }, (_, i) => i / 2); // 0, 0.5, ..., 100
    const q = quantiles([...v].reverse());
    expect(q[0]).toBe(0);
    expect(q[50]).toBe(50);
    expect(q[100]).toBe(100);
    expect(q[37]).toBeCloseTo(37, 9);
    expect(percentile(q, 12.25)).toBeCloseTo(12.25, 9);
    expect(percentile(q, -5)).toBe(0);
    expect(percentile(q, 500)).toBe(100);
  });

  it('a tie of quantiles reads as its upper end', () => {
    const q = quantiles([...Array(50).fill(-1), ...Array(51).fill(0)]);
    expect(percentile(q, -1)).toBe(49); // half the values are -1: the tie's upper end, not 0
    expect(percentile(q, -0.5)).toBeCloseTo(49.5, 9);
    expect(percentile(q, 0)).toBe(100);
    expect(percentile(q, -1.01)).toBe(0);
  });

  it('draws the same substitutions every time, at distinct bases, never the reference', () => {
    const seq = 'ACGTNACGTTGCA'.repeat(50);
    const a = randomSubstitutions(seq, 100, 20);
    expect(randomSubstitutions(seq, 100, 20)).toEqual(a);
    expect(new Set(a.map((v) => v.pos)).size).toBe(100);
    for (const v of a) {
      expect(seq[v.pos]).toBe(v.ref);
      expect(v.alt).not.toBe(v.ref);
      expect(v.pos).toBeGreaterThanOrEqual(20);
      expect(v.pos).toBeLessThan(seq.length - 20);
    }
    expect(() => randomSubstitutions('NNNN'.repeat(20), 5, 2)).toThrow(/only 0 of 5/);
  });
});
