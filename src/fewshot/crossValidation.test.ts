// Nested cross-validation: every example predicted once by a model that never saw it or its group (at either
// level), scikit-learn's leave-one-group-out predictions, and a penalty choice that follows the data.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { auroc } from '../eval/metrics';
import { rng } from '../analysis/random';
import { choosePenalty, crossValidate, type CvOptions } from './crossValidation';
import * as folds from './folds';
import { expectHonest, golden, toMatrix } from './testSupport';
import { allRows, matrix } from './matrix';
import { spearman } from './report';

const calls: { rows: Int32Array; plan: folds.FoldPlan }[] = [];
vi.mock('./folds', async (original) => {
  const real = await original<typeof folds>();
  return {
    ...real,
    makeFolds: (...args: Parameters<typeof real.makeFolds>) => {
      const plan = real.makeFolds(...args);
      calls.push({ rows: args[0], plan });
      return plan;
    },
  };
});

const opts = (over: Partial<CvOptions> = {}): CvOptions => ({
  lambdas: [1, 0.1],
  folds: 4,
  innerFolds: 3,
  leaveOneOutUpTo: 5,
  seed: 1,
  innerTol: 1e-4,
  ...over,
});

function synthetic(n: number, p: number, signal: number, seed: number) {
  const next = rng(seed),
    X = matrix(
      n,
      p,
      Float64Array.from({ length: n * p }, () => next() * 2 - 1),
    );
  const y = Array.from({ length: n }, (_, i) => signal * (X.data[i * p]! - X.data[i * p + 1]!) + next() - 0.5);
  return { X, y };
}

describe('crossValidate', () => {
  it('predicts every example once, from models that saw neither it nor its group, at both levels', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 50 }),
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 0, max: 99 }),
        async (n, groupCount, seed) => {
          const { X, y } = synthetic(n, 2, 1, seed);
          const groups = Array.from({ length: n }, (_, i) => `exon${(i * 31 + seed) % groupCount}`);
          calls.length = 0;
          const cv = await crossValidate('continuous', X, y, groups, opts({ seed }));
          expect(cv.outOfFold.every(Number.isFinite)).toBe(true);
          const [outer, ...inner] = calls;
          expectHonest(outer!.plan, outer!.rows, groups);
          expect(Array.from(outer!.rows)).toEqual(Array.from({ length: n }, (_, i) => i));
          expect(inner.length).toBe(cv.folds.length + 1); // one inner search per outer fold, one for the final fit
          cv.folds.forEach((fold, f) => {
            expect(Array.from(inner[f]!.rows)).toEqual(Array.from(outer!.plan.folds[f]!.train));
            const held = new Set(fold.groups);
            for (const r of inner[f]!.rows) expect(held.has(groups[r]!)).toBe(false);
            expectHonest(inner[f]!.plan, inner[f]!.rows, groups);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  for (const c of golden.crossValidation) {
    it(`matches scikit-learn's leave-one-group-out predictions: ${c.name}`, async () => {
      const o = opts({ lambdas: [c.lambda], leaveOneOutUpTo: 10 });
      const cv = await crossValidate(c.kind, toMatrix(c.X), c.y, c.groups, o);
      expect(cv.scheme).toBe('leave-one-group-out');
      cv.outOfFold.forEach((v, i) => expect(v).toBeCloseTo(c.outOfFold[i]!, 9));
      const metric =
        c.kind === 'binary'
          ? auroc(
              cv.outOfFold,
              c.y.map((v) => v === 1),
            )
          : spearman(cv.outOfFold, c.y);
      expect(metric).toBeCloseTo(c.metric, 12);
    });
  }

  it('picks a strong penalty for noise and a weak one for a clear signal', async () => {
    const lambdas = [100, 10, 1, 0.1, 0.01, 0.001];
    const noise = synthetic(120, 10, 0, 5),
      clear = synthetic(120, 10, 3, 5);
    const a = await crossValidate('continuous', noise.X, noise.y, undefined, opts({ lambdas }));
    const b = await crossValidate('continuous', clear.X, clear.y, undefined, opts({ lambdas }));
    expect(a.choice.lambda).toBeGreaterThanOrEqual(10);
    expect(b.choice.lambda).toBeLessThanOrEqual(0.01);
    // the search stopped two penalties past the best
    const tried = a.choice.loss.filter(Number.isFinite).length;
    expect(tried).toBe(a.choice.lambdas.indexOf(a.choice.lambda) + 3);
  });

  it('ranks penalties with a loose inner tolerance as with a tight one', async () => {
    const lambdas = [10, 3, 1, 0.3, 0.1, 0.03, 0.01];
    for (const kind of ['binary', 'continuous'] as const) {
      const { X, y } = synthetic(150, 40, 1, 9),
        labels = kind === 'binary' ? y.map((v) => (v > 0 ? 1 : 0)) : y;
      const loose = choosePenalty(kind, X, labels, undefined, allRows(150), opts({ lambdas, innerTol: 1e-4 }), 1);
      const tight = choosePenalty(kind, X, labels, undefined, allRows(150), opts({ lambdas, innerTol: 1e-10 }), 1);
      expect(loose.lambda).toBe(tight.lambda);
      const moved = Array.from(loose.loss, (v, l) => Math.abs(v - tight.loss[l]!)).filter(Number.isFinite);
      expect(Math.max(...moved)).toBeLessThan(1e-4);
      expect(Math.max(...moved)).toBeGreaterThan(0); // the loose fits are not the tight ones
    }
  });

  it('refuses a grouping that leaves a training part without a class', async () => {
    const X = matrix(
      30,
      1,
      Float64Array.from({ length: 30 }, (_, i) => i),
    );
    const y = Array.from({ length: 30 }, (_, i) => (i < 10 ? 1 : 0));
    const groups = y.map((v, i) => (v ? 'exon1' : `exon${2 + (i % 3)}`)); // every positive in exon1
    await expect(crossValidate('binary', X, y, groups, opts())).rejects.toThrow(
      /'exon1' held out, no positive example/,
    );
  });
});
