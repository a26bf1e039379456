// Fold assignment: properties over random rows, labels and groups, and the three schemes on fixed cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFolds, type FoldPlan } from './folds';
import { expectHonest } from './testSupport';

const dataset = fc
  .record({
    n: fc.integer({ min: 4, max: 60 }),
    groupCount: fc.integer({ min: 2, max: 15 }),
    k: fc.integer({ min: 2, max: 6 }),
    leaveOneOutUpTo: fc.integer({ min: 0, max: 12 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    keep: fc.double({ min: 0.3, max: 1, noNaN: true }),
  })
  .chain((d) =>
    fc.record({
      d: fc.constant(d),
      y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: d.n, maxLength: d.n }),
      groups: fc.array(
        fc.integer({ min: 0, max: d.groupCount - 1 }).map((g) => `g${g}`),
        { minLength: d.n, maxLength: d.n },
      ),
    }),
  );

describe('makeFolds', () => {
  it('has a check that catches a leak (so the properties below can fail)', () => {
    const groups = ['a', 'a', 'b', 'b'],
      rows = Int32Array.of(0, 1, 2, 3);
    const leaky: FoldPlan = {
      scheme: 'grouped-k-fold',
      folds: [
        { train: Int32Array.of(1, 2, 3), test: Int32Array.of(0), groups: ['a'] },
        { train: Int32Array.of(0), test: Int32Array.of(1, 2, 3), groups: ['a', 'b'] },
      ],
    };
    expect(() => expectHonest(leaky, rows, groups)).toThrow();
  });

  it('never splits a group between training and test, and tests every row once (grouped)', () => {
    fc.assert(
      fc.property(dataset, ({ d, y, groups }) => {
        // a subset of rows, as the inner level sees an outer fold's training part
        const rows = Int32Array.from({ length: d.n }, (_, i) => i).filter(
          (i) => (i * 7919) % 100 < d.keep * 100 || i < 2,
        );
        const distinct = new Set(Array.from(rows, (r) => groups[r]!)).size;
        if (distinct < 2) {
          expect(() => makeFolds(rows, y, groups, d)).toThrow(/at least 2 groups/);
          return;
        }
        const plan = makeFolds(rows, y, groups, d);
        expectHonest(plan, rows, groups);
        if (distinct <= d.leaveOneOutUpTo) {
          expect(plan.scheme).toBe('leave-one-group-out');
          expect(plan.folds.length).toBe(distinct);
        } else {
          expect(plan.scheme).toBe('grouped-k-fold');
          expect(plan.folds.length).toBe(Math.min(d.k, distinct));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('tests every row once and spreads each class over the folds (no groups)', () => {
    fc.assert(
      fc.property(dataset, ({ d, y }) => {
        const rows = Int32Array.from({ length: d.n }, (_, i) => i);
        const plan = makeFolds(rows, y, undefined, d);
        expectHonest(plan, rows);
        expect(plan.scheme).toBe('stratified-k-fold');
        const k = plan.folds.length,
          pos = y.filter((v) => v === 1).length;
        for (const f of plan.folds) {
          const fp = Array.from(f.test).filter((r) => y[r] === 1).length;
          expect(Math.abs(fp - pos / k)).toBeLessThanOrEqual(1); // stratified: within one of an even share
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic for a seed and changes with it', () => {
    const rows = Int32Array.from({ length: 40 }, (_, i) => i),
      y = Array.from({ length: 40 }, (_, i) => i % 2);
    const groups = Array.from({ length: 40 }, (_, i) => `e${i % 13}`);
    const a = makeFolds(rows, y, groups, { k: 4, leaveOneOutUpTo: 10, seed: 3 });
    expect(makeFolds(rows, y, groups, { k: 4, leaveOneOutUpTo: 10, seed: 3 })).toEqual(a);
    const b = makeFolds(rows, y, groups, { k: 4, leaveOneOutUpTo: 10, seed: 4 });
    expect(b.folds.map((f) => f.groups)).not.toEqual(a.folds.map((f) => f.groups));
  });

  it('balances fold sizes when groups differ in size', () => {
    // one group of 20 rows and twelve of 2: the big one alone in a fold, the small ones shared among the rest
    const groups = [...Array(20).fill('big'), ...Array.from({ length: 24 }, (_, i) => `s${i % 12}`)];
    const rows = Int32Array.from(groups.keys());
    const plan = makeFolds(rows, new Array(44).fill(0), groups, { k: 3, leaveOneOutUpTo: 10, seed: 1 });
    expect(plan.folds.map((f) => f.test.length).sort((a, b) => a - b)).toEqual([12, 12, 20]);
  });
});
