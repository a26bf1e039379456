import { describe, expect, it } from 'vitest';
import type { DependencyMap } from '../analysis/dependency/dependencyMap';
import { describeCell } from '../analysis/dependency/describe';
import { dependencyTsv } from './dependencyTsv';

// a 3-base map of positions 2-4 (0-based 1-3) of ACGNT... with one row at an N
const map: DependencyMap = {
  start: 1,
  end: 4,
  strands: 'forward',
  causal: false,
  passes: 7,
  forwardRows: 7,
  workers: 1,
  values: Float32Array.from([0, 1.5, 0.25, 2, 0, 0.125, NaN, NaN, NaN]),
  argmax: Uint8Array.from([255, 2 * 4 + 3, 0, 0 * 4 + 1, 255, 5, 255, 255, 255]),
  influence: new Float32Array(12),
  windows: [{ start: 0, end: 3, keepStart: 0, keepEnd: 3 }],
};
const seq = 'ACGNT';

describe('dependency map TSV and read-out', () => {
  it('writes the matrix with genomic labels and empty cells where nothing was computed', () => {
    const lines = dependencyTsv('chr1:101-105', seq, map).replace(/\n$/, '').split('\n');
    expect(lines[1]).toBe('i\\j\t102C\t103G\t104N');
    expect(lines[2]).toBe('102C\t0.000000\t1.500000\t0.250000');
    expect(lines[4]).toBe('104N\t\t\t');
  });

  it('names the substitution and the target base of the max, in 1-based positions', () => {
    expect(describeCell(map, seq, 0, 1)).toBe(
      'Substituted 2 (C) → read 3 (G): e = 1.5000 bits, largest for C>G at 2, in the odds of T at 3',
    );
    expect(describeCell(map, seq, 1, 1)).toBe('Substituted 3 (G) → read 3 (G): e = 0 (the diagonal)');
    expect(describeCell(map, seq, 2, 0)).toBe('Substituted 4 (N) → read 2 (C): no substitution at an N');
  });
});
