import { describe, expect, it } from 'vitest';
import { encode } from '../../genome/tokens';
import { dependencyMap } from './dependencyMap';
import { mergeDependencyRows, shareRows } from './shares';
import { fakeModel } from './testFixtures';

describe('dependency map shares', () => {
  it('computes a share of the rows alone, and shares merge into the whole map (windows, N, both strands)', async () => {
    // 40 bases with an N, context 16: the shares cut through windows; the causal fake reads two bases back,
    // so that its two strands differ
    const s = encode('ACGTTGCAAGGCTTAACCGNTATCGATCGGATCCATGCAA');
    for (const [model, strands] of [
      [fakeModel('mlm', { context: 16 }), 'forward'],
      [fakeModel('clm', { context: 16, twoBack: true, shared: true }), 'both'],
    ] as const) {
      const whole = await dependencyMap(model, s, 0, 40, { strands });
      const cuts: [number, number][] = [
        [0, 7],
        [7, 23],
        [23, 40],
      ];
      const shares = [];
      for (const rows of cuts) {
        const totals: number[] = [];
        const map = await dependencyMap(model, s, 0, 40, {
          strands,
          rows,
          onProgress: (_, total) => totals.push(total),
        });
        for (let i = 0; i < 40; i++)
          if (i < rows[0] || i >= rows[1])
            expect(map.values.subarray(i * 40, (i + 1) * 40).every(Number.isNaN)).toBe(true);
        const subs =
          Array.from(s.subarray(rows[0], rows[1])).filter((t) => t < 4).length * 3 * (strands === 'both' ? 2 : 1);
        expect(totals.at(-1)).toBe(subs);
        shares.push({ rows, map });
      }
      const merged = mergeDependencyRows([shares[2]!, shares[0]!, shares[1]!]);
      expect(Array.from(merged.values)).toEqual(Array.from(whole.values));
      expect(Array.from(merged.argmax)).toEqual(Array.from(whole.argmax));
      expect(Array.from(merged.influence)).toEqual(Array.from(whole.influence));
      expect(merged.workers).toBe(3);
      // each share pays only the reference passes of the windows its rows use
      expect(merged.passes).toBeGreaterThanOrEqual(whole.passes);
      expect(merged.passes - whole.passes).toBeLessThanOrEqual(2 * (strands === 'both' ? 2 : 1) * 16);
    }
    await expect(dependencyMap(fakeModel('mlm'), s, 0, 40, { rows: [5, 41] })).rejects.toThrow(/must lie in 0-40/);
    const part = await dependencyMap(fakeModel('mlm'), s, 0, 40, { rows: [0, 20] });
    expect(() => mergeDependencyRows([{ rows: [0, 20], map: part }])).toThrow(/stop at row 20 of 40/);
    expect(() =>
      mergeDependencyRows([
        { rows: [0, 20], map: part },
        { rows: [10, 40], map: part },
      ]),
    ).toThrow(/do not tile/);
    // shares of equal work: the Ns of the first half count for nothing
    expect(shareRows(encode('NNNNAAAA' + 'AAAAAAAA'), 2)).toEqual([
      [0, 10],
      [10, 16],
    ]); // 6 bases each
    expect(shareRows(encode('ACGTACGTA'), 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 9],
    ]);
    expect(shareRows(encode('AC'), 4)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
