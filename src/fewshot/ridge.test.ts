import { describe, expect, it } from 'vitest';
import { golden, toMatrix } from './testSupport';
import { linearPredictor } from './linear';
import { allRows, matrix } from './matrix';
import { fitRidge } from './ridge';

// One standardised column (z . z / n = 1): the minimum of (1/2n) |y - b - w z|^2 + (lambda/2) w^2 is b = mean(y),
// w = (z . y / n) / (1 + lambda). x = 1..4 (mean 2.5, sd sqrt(1.25)), y = 1, 3, 2, 6: z . y / n = 7 / (4 sqrt(1.25)).
// At lambda = 0.5 the raw slope is 7 / (4 * 1.25 * 1.5) = 14/15 and the raw intercept 3 - 2.5 * 14/15 = 2/3.
const X = matrix(4, 1, Float64Array.of(1, 2, 3, 4));
const y = [1, 3, 2, 6];

describe('fitRidge', () => {
  it('matches the closed form', () => {
    const m = fitRidge(X, y, allRows(4), 0.5);
    expect(m.intercept).toBeCloseTo(3, 12);
    expect(m.coef[0]).toBeCloseTo(7 / (4 * Math.sqrt(1.25)) / 1.5, 12);
    expect(m.rawCoef[0]).toBeCloseTo(14 / 15, 12);
    expect(m.rawIntercept).toBeCloseTo(2 / 3, 12);
    expect(fitRidge(X, y, allRows(4), 1).coef[0]).toBeCloseTo(7 / (4 * Math.sqrt(1.25)) / 2, 12);
  });

  it('scales with the labels (the tolerance is relative to their spread)', () => {
    const small = fitRidge(X, y, allRows(4), 0.5),
      big = fitRidge(
        X,
        y.map((v) => v * 1e6 + 5),
        allRows(4),
        0.5,
      );
    expect(big.coef[0]! / 1e6).toBeCloseTo(small.coef[0]!, 12);
    expect((big.intercept - 5) / 1e6).toBeCloseTo(small.intercept, 12);
  });

  it('starts from a nearby solution and reaches the same one', () => {
    const Xc = toMatrix(golden.fits[3]!.X),
      yc = golden.fits[3]!.y;
    const start = fitRidge(Xc, yc, allRows(Xc.rows), 1);
    const warm = fitRidge(Xc, yc, allRows(Xc.rows), 0.1, { start: start.fit });
    const cold = fitRidge(Xc, yc, allRows(Xc.rows), 0.1);
    warm.coef.forEach((v, j) => expect(v).toBeCloseTo(cold.coef[j]!, 9));
  });

  for (const c of golden.fits.filter((f) => f.kind === 'continuous')) {
    it(`matches scikit-learn: ${c.name}`, () => {
      const Xc = toMatrix(c.X);
      for (const f of c.fits) {
        const m = fitRidge(Xc, c.y, allRows(Xc.rows), f.lambda);
        expect(m.fit.converged).toBe(true);
        expect(m.intercept).toBeCloseTo(f.intercept, 7);
        m.coef.forEach((v, j) => expect(v).toBeCloseTo(f.coef[j]!, 7));
        const raw = c.X.map((row) => m.rawIntercept + row.reduce((s, x, j) => s + x * m.rawCoef[j]!, 0));
        linearPredictor(m, Xc).forEach((v, i) => expect(v).toBeCloseTo(raw[i]!, 7));
      }
    });
  }
});
