import { describe, expect, it } from 'vitest';
import { auroc, aurocDifference, aurocInterval } from './metrics';

describe('auroc', () => {
  it('is 1 for perfect separation, 0 for reversed, 0.5 for all ties', () => {
    expect(auroc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auroc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(auroc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
  });
  it('matches a hand count of concordant pairs', () => {
    // positives 0.8, 0.4; negatives 0.5, 0.1, 0.4: pairs (pos > neg) = 3 + 1 + tie 0.5 = 4.5 of 6
    expect(auroc([0.8, 0.4, 0.5, 0.1, 0.4], [true, true, false, false, false])).toBeCloseTo(4.5 / 6, 12);
  });
  it('ignores non-finite scores and needs both classes', () => {
    expect(auroc([NaN, 1, 2], [true, false, true])).toBe(1);
    expect(auroc([1, 2], [true, true])).toBeNaN();
  });
});

describe('aurocInterval', () => {
  it("matches DeLong's variance counted by hand", () => {
    // positives 0.8, 0.4; negatives 0.5, 0.1, 0.4. Per positive, the share of negatives below it (ties
    // half): 1, 0.5 (sample variance 0.125); per negative, the share of positives above it: 0.5, 1, 0.75
    // (0.0625). Variance 0.125 / 2 + 0.0625 / 3 = 1 / 12.
    const r = aurocInterval([0.8, 0.4, 0.5, 0.1, 0.4], [true, true, false, false, false]);
    expect(r.auc).toBeCloseTo(0.75, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 12), 12);
    expect(r.lo).toBeCloseTo(0.75 - 1.959964 * Math.sqrt(1 / 12), 9);
    expect(r.hi).toBe(1); // clipped
  });
  it('agrees with auroc and narrows as samples grow', () => {
    let x = 11;
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const draw = (n: number) => {
      const labels = Array.from({ length: n }, (_, i) => i % 3 === 0);
      return { labels, scores: labels.map((l) => Math.round((rand() + (l ? 0.3 : 0)) * 20) / 20) }; // with ties
    };
    const small = draw(60),
      big = draw(6000);
    const a = aurocInterval(small.scores, small.labels),
      b = aurocInterval(big.scores, big.labels);
    expect(a.auc).toBeCloseTo(auroc(small.scores, small.labels), 12);
    expect(b.auc).toBeCloseTo(auroc(big.scores, big.labels), 12);
    expect(a.lo).toBeLessThan(a.auc);
    expect(b.hi - b.lo).toBeLessThan((a.hi - a.lo) / 5); // 100x the samples: about a tenth of the width
    expect(b.lo).toBeGreaterThan(0.5); // a real shift is resolved at n = 6000
  });
  it('has no interval without two of each class', () => {
    expect(aurocInterval([1, 2, 3], [true, false, false]).se).toBeNaN();
  });
});

describe('aurocDifference', () => {
  // 4 positives, 5 negatives, ties within and across the two scores. Reference: DeLong's definition by its
  // pairwise kernel (psi = 1, 1/2, 0 for >, =, <) in exact fractions, a Python script independent of the
  // midrank code here: AUROC 7/10 and 4/5; var(a - b) = 931/9600; z = -0.32112, two-sided p = 0.74812 (erfc).
  const labels = [true, true, true, true, false, false, false, false, false];
  const a = [0.9, 0.6, 0.4, 0.4, 0.5, 0.1, 0.4, 0.2, 0.7];
  const b = [0.3, 0.8, 0.6, 0.5, 0.2, 0.6, 0.1, 0.4, 0.3];
  it("matches DeLong's covariance computed by the pairwise kernel", () => {
    const r = aurocDifference(a, b, labels);
    expect(r.a).toBeCloseTo(0.7, 12);
    expect(r.b).toBeCloseTo(0.8, 12);
    expect(r.diff).toBeCloseTo(-0.1, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(931 / 9600), 12);
    expect(r.p).toBeCloseTo(0.7481231, 6);
    expect(r.lo).toBeCloseTo(-0.1 - 1.959964 * Math.sqrt(931 / 9600), 9);
    expect([r.m, r.n]).toEqual([4, 5]);
  });
  it('is antisymmetric, and zero with p = 1 for the same ranking', () => {
    const r = aurocDifference(b, a, labels);
    expect(r.diff).toBeCloseTo(0.1, 12);
    expect(r.p).toBeCloseTo(0.7481231, 6);
    const same = aurocDifference(
      a,
      a.map((x) => 3 * x - 1),
      labels,
    ); // a monotone transform ranks the same
    expect([same.diff, same.se, same.p]).toEqual([0, 0, 1]);
  });
  it('compares only the samples both score', () => {
    const withGap = aurocDifference([...a, NaN, 0.3], [...b, 0.9, NaN], [...labels, true, false]);
    expect(withGap.diff).toBeCloseTo(-0.1, 12);
    expect([withGap.m, withGap.n]).toEqual([4, 5]);
  });
  it('resolves a real difference on many samples and not a null one', () => {
    let x = 5;
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const n = 4000;
    const lab = Array.from({ length: n }, (_, i) => i % 2 === 0);
    const signal = lab.map((l) => rand() + (l ? 0.2 : 0));
    const stronger = signal.map((s, i) => s + (lab[i] ? 0.2 : 0) + 0.1 * rand());
    const noise1 = lab.map(() => rand()),
      noise2 = lab.map(() => rand());
    expect(aurocDifference(stronger, signal, lab).p).toBeLessThan(1e-6);
    expect(aurocDifference(noise1, noise2, lab).p).toBeGreaterThan(0.01);
    expect(() => aurocDifference([1, 2], [1], [true, false])).toThrow(/same samples/);
  });
});
