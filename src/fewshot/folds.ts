// Cross-validation folds over a set of rows: leave-one-group-out when there are few groups, seeded grouped
// K-fold when there are many, stratified K-fold when there are none. A group is never split between folds.

import { rng, shuffle } from '../analysis/random';

export interface Fold {
  train: Int32Array;
  test: Int32Array;
  /** The groups the test rows belong to (empty without groups). */
  groups: string[];
}

export type FoldScheme = 'leave-one-group-out' | 'grouped-k-fold' | 'stratified-k-fold';

export interface FoldOptions {
  /** Folds when groups are many or absent. */
  k: number;
  /** With at most this many groups, each group is its own fold. */
  leaveOneOutUpTo: number;
  seed: number;
}

export interface FoldPlan {
  scheme: FoldScheme;
  folds: Fold[];
}

/**
 * Folds of `rows` (indices into y and groups). Without groups: rows shuffled (ties in random order), ordered
 * by label and dealt round the folds, so each fold holds within one of its share of each class, or spans the
 * range of a continuous label. With groups: leave-one-group-out up to `leaveOneOutUpTo` groups, else the
 * shuffled groups, largest first, each to the fold with fewest rows so far.
 */
export function makeFolds(
  rows: Int32Array,
  y: ArrayLike<number>,
  groups: readonly string[] | undefined,
  opts: FoldOptions,
): FoldPlan {
  const next = rng(opts.seed);
  if (!groups) {
    const k = Math.min(opts.k, rows.length);
    if (k < 2) throw new Error(`cross-validation needs at least 2 rows, got ${rows.length}`);
    const order = shuffle(Array.from(rows), next).sort((a, b) => y[a]! - y[b]!);
    const tests: number[][] = Array.from({ length: k }, () => []);
    order.forEach((r, i) => tests[i % k]!.push(r));
    return { scheme: 'stratified-k-fold', folds: split(rows, tests, []) };
  }
  const members = new Map<string, number[]>();
  for (const r of rows) {
    const g = groups[r]!;
    const m = members.get(g);
    if (m) m.push(r);
    else members.set(g, [r]);
  }
  const names = [...members.keys()].sort();
  if (names.length < 2) throw new Error(`cross-validation needs rows from at least 2 groups, found ${names.length}`);
  if (names.length <= opts.leaveOneOutUpTo) {
    const folds = split(
      rows,
      names.map((g) => members.get(g)!),
      names.map((g) => [g]),
    );
    return { scheme: 'leave-one-group-out', folds };
  }
  const k = Math.min(opts.k, names.length);
  const bins: string[][] = Array.from({ length: k }, () => []),
    sizes = new Array<number>(k).fill(0);
  for (const g of shuffle(names, next).sort((a, b) => members.get(b)!.length - members.get(a)!.length)) {
    const f = sizes.indexOf(Math.min(...sizes));
    bins[f]!.push(g);
    sizes[f]! += members.get(g)!.length;
  }
  const folds = split(
    rows,
    bins.map((b) => b.flatMap((g) => members.get(g)!)),
    bins.map((b) => b.sort()),
  );
  return { scheme: 'grouped-k-fold', folds };
}

/** Folds from their test rows: each fold trains on the rest of `rows`. */
function split(rows: Int32Array, tests: number[][], groups: string[][]): Fold[] {
  return tests.map((test, f) => {
    const held = new Set(test);
    return {
      train: rows.filter((r) => !held.has(r)),
      test: Int32Array.from(test).sort(),
      groups: groups[f] ?? [],
    };
  });
}
