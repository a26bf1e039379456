// For the tests: the scikit-learn / SciPy golden values (training/fewshot_golden.py), a matrix from nested
// lists, and the check that a fold plan is honest.

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { FoldPlan } from './folds';
import { matrix, type Matrix } from './matrix';

export interface GoldenFit {
  lambda: number;
  intercept: number;
  coef: number[];
}
export interface GoldenFitCase {
  name: string;
  kind: 'binary' | 'continuous';
  X: number[][];
  y: number[];
  fits: GoldenFit[];
}
export interface GoldenCvCase {
  name: string;
  kind: 'binary' | 'continuous';
  X: number[][];
  y: number[];
  groups: string[];
  lambda: number;
  outOfFold: number[];
  metric: number;
}
export interface Golden {
  fits: GoldenFitCase[];
  crossValidation: GoldenCvCase[];
  spearman: { x: number[]; y: number[]; rho: number };
}

const GOLDEN = new URL('../../test/data/fewshot/golden.json', import.meta.url);
export const golden: Golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));

export function toMatrix(rows: number[][]): Matrix {
  return matrix(rows.length, rows[0]!.length, Float64Array.from(rows.flat()));
}

/** Every row in exactly one test part, training = the rest, and no group on both sides of a fold. */
export function expectHonest(plan: FoldPlan, rows: Int32Array, groups?: readonly string[]): void {
  const seen = plan.folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
  expect(seen).toEqual(Array.from(rows).sort((a, b) => a - b));
  for (const f of plan.folds) {
    const test = new Set(f.test);
    const rest = Array.from(rows)
      .filter((r) => !test.has(r))
      .sort((a, b) => a - b);
    expect(Array.from(f.train).sort((a, b) => a - b)).toEqual(rest);
    if (!groups) continue;
    const held = new Set(Array.from(f.test, (r) => groups[r]!));
    for (const r of f.train) expect(held.has(groups[r]!)).toBe(false);
    expect([...held].sort()).toEqual(f.groups);
  }
}
