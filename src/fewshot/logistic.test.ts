import { describe, expect, it } from 'vitest';
import { golden, toMatrix } from './testSupport';
import { linearPredictor } from './linear';
import { fitLogistic, predictProbability, sigmoid } from './logistic';
import { allRows, matrix } from './matrix';

// x = 3 (four examples, one positive) and x = 7 (four, three positive): mean 5, population sd 2, so z = -1 / +1.
// By symmetry the intercept is 0, and the gradient in w is sigmoid(w) - 3/4 + lambda w. With
// lambda = (3/4 - 2/3) / ln 2 = 1 / (12 ln 2) it vanishes at w = ln 2 (sigmoid(ln 2) = 2/3).
const X = matrix(8, 1, Float64Array.of(3, 3, 3, 3, 7, 7, 7, 7));
const y = [1, 0, 0, 0, 1, 1, 1, 0];
const LAMBDA = 1 / (12 * Math.LN2);

describe('fitLogistic', () => {
  it('matches the solution derived by hand, on both scales', () => {
    const m = fitLogistic(X, y, allRows(8), LAMBDA);
    expect(m.fit.converged).toBe(true);
    expect(m.intercept).toBeCloseTo(0, 12);
    expect(m.coef[0]).toBeCloseTo(Math.LN2, 9);
    expect(m.rawCoef[0]).toBeCloseTo(Math.LN2 / 2, 9); // per unit of x: w / sd
    expect(m.rawIntercept).toBeCloseTo((-5 * Math.LN2) / 2, 9);
    expect(predictProbability(m, X)[7]).toBeCloseTo(2 / 3, 9);
    // not vacuous: twice the penalty moves the solution
    expect(Math.abs(fitLogistic(X, y, allRows(8), 2 * LAMBDA).coef[0]! - Math.LN2)).toBeGreaterThan(0.05);
  });

  it('stays finite on separable classes, where the penalty alone holds it', () => {
    // z = -1 all negative, z = +1 all positive: stationarity is sigmoid(w) + lambda w = 1
    const sep = matrix(4, 1, Float64Array.of(-1, -1, 1, 1)),
      ys = [0, 0, 1, 1];
    const ws = [0.1, 0.01, 0.001].map((lambda) => {
      const m = fitLogistic(sep, ys, allRows(4), lambda);
      expect(m.fit.converged).toBe(true);
      expect(sigmoid(m.coef[0]!) + lambda * m.coef[0]! - 1).toBeCloseTo(0, 10);
      return m.coef[0]!;
    });
    expect(ws[0]).toBeLessThan(ws[1]!); // weaker penalty, larger but finite weight
    expect(ws[1]).toBeLessThan(ws[2]!);
    expect(Number.isFinite(ws[2])).toBe(true);
  });

  it('gives a constant column no weight and otherwise ignores it', () => {
    const withConst = matrix(8, 2, Float64Array.from([3, 3, 3, 3, 7, 7, 7, 7].flatMap((x) => [x, 0.1])));
    const m = fitLogistic(withConst, y, allRows(8), LAMBDA);
    expect(m.std.scale[1]).toBe(0);
    expect(m.coef[1]).toBe(0);
    expect(m.rawCoef[1]).toBe(0);
    expect(m.coef[0]).toBeCloseTo(Math.LN2, 9);
  });

  it('fits only the rows it is given, standardised on those rows', () => {
    const rows = Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7);
    const doubled = matrix(16, 1, Float64Array.from([...X.data, ...X.data.map((v) => v * 100)]));
    const m = fitLogistic(doubled, [...y, ...y.map((v) => 1 - v)], rows, LAMBDA);
    expect(m.coef[0]).toBeCloseTo(Math.LN2, 9);
    expect(m.std.mean[0]).toBe(5);
  });

  for (const c of golden.fits.filter((f) => f.kind === 'binary')) {
    it(`matches scikit-learn: ${c.name}`, () => {
      const Xc = toMatrix(c.X);
      for (const f of c.fits) {
        const m = fitLogistic(Xc, c.y, allRows(Xc.rows), f.lambda);
        expect(m.fit.converged).toBe(true);
        expect(m.intercept).toBeCloseTo(f.intercept, 7);
        m.coef.forEach((v, j) => expect(v).toBeCloseTo(f.coef[j]!, 7));
        // raw-scale coefficients give the same linear predictor as the standardised ones
        const raw = c.X.map((row) => m.rawIntercept + row.reduce((s, x, j) => s + x * m.rawCoef[j]!, 0));
        linearPredictor(m, Xc).forEach((v, i) => expect(v).toBeCloseTo(raw[i]!, 9));
      }
    });
  }
});
