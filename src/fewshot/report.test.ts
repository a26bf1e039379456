import { describe, expect, it } from 'vitest';
import { aurocInterval } from '../eval/metrics';
import { aurocReport, calibrationCurve, importance, spearman, spearmanReport, wilson } from './report';
import { golden } from './testSupport';

describe('wilson', () => {
  it("matches Newcombe's (1998) published Wilson intervals", () => {
    // Statistics in Medicine 17:857, table I, method 3
    const table = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of table) {
      const w = wilson(k!, n!);
      expect(w.lo).toBeCloseTo(lo!, 4);
      expect(w.hi).toBeCloseTo(hi!, 4);
    }
    expect(wilson(0, 0).lo).toBeNaN();
  });
});

describe('calibrationCurve', () => {
  it('cuts examples ordered by probability into equal bins', () => {
    const prob = Array.from({ length: 20 }, (_, i) => (i + 0.5) / 20);
    const y = prob.map((_, i) => (i >= 12 || i === 3 ? 1 : 0)); // 1 of the lower 10 positive, 8 of the upper
    const [low, high] = calibrationCurve(prob, y, 2);
    expect(low).toMatchObject({ n: 10, predicted: 0.25, observed: 0.1 });
    expect(high).toMatchObject({ n: 10, predicted: 0.75, observed: 0.8 });
    expect(low!.lo).toBeCloseTo(wilson(1, 10).lo, 12);
    expect(calibrationCurve(prob, y, 3).map((b) => b.n)).toEqual([7, 6, 7]);
  });
});

describe('spearman', () => {
  it('matches SciPy, ties included', () => {
    const { x, y, rho } = golden.spearman;
    expect(spearman(x, y)).toBeCloseTo(rho, 12);
    expect(
      spearman(
        x,
        x.map((v) => -(v ** 3)),
      ),
    ).toBeCloseTo(-1, 12); // ranks only
    expect(
      spearman(
        x,
        x.map(() => 2),
      ),
    ).toBeNaN();
  });

  it("gives Fisher's z interval with the rank-correlation variance 1.06 / (n - 3)", () => {
    // rho = 0.845238 at n = 10: atanh = 1.239239, half-width 1.959964 sqrt(1.06 / 7) = 0.762700 (by hand)
    const r = spearmanReport(golden.spearman.x, golden.spearman.y);
    expect(r.lo).toBeCloseTo(0.443468, 6);
    expect(r.hi).toBeCloseTo(0.964164, 6);
    expect(spearmanReport([1, 2, 3], [1, 3, 2]).lo).toBeNaN();
  });
});

describe('aurocReport', () => {
  it("is metrics.ts's DeLong interval on 0 / 1 labels", () => {
    const p = [0.8, 0.4, 0.5, 0.1, 0.4],
      y = [1, 1, 0, 0, 0];
    const a = aurocInterval(
      p,
      y.map((v) => v === 1),
    );
    expect(aurocReport(p, y)).toEqual({ value: a.auc, lo: a.lo, hi: a.hi });
  });
});

describe('importance', () => {
  it('orders by |coefficient| and counts folds that agree in sign', () => {
    const folds = [Float64Array.of(0.1, -2, 0), Float64Array.of(-0.1, -0.5, 0.3)];
    const r = importance(['a', 'b', 'c'], Float64Array.of(0.2, -1, 0), folds);
    expect(r.map((f) => f.name)).toEqual(['b', 'a', 'c']);
    expect(r.map((f) => f.signAgreement)).toEqual([1, 0.5, 0.5]);
  });
});
