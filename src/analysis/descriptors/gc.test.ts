// GC content and CpG o/e against hand counts, the island rule at its edges, and the descriptor as the worker and
// a saved analysis use it.
import { describe, expect, it } from 'vitest';
import { analysisOf } from '../registry';
import { gc, gcContent } from './gc';

describe('GC content and CpG islands', () => {
  it('counts each window by hand: GC share of A/C/G/T bases, CpG o/e = CpG x n / (C x G)', () => {
    const r = gcContent('ACGTNCCGG', 5);
    // position 2 (G): window 0-4 'ACGTN' -> 4 bases, C 1, G 1, CpG 1 -> GC 2/4, o/e 1 x 4 / (1 x 1) = 4
    expect(r.gc[2]).toBeCloseTo(0.5, 6);
    expect(r.cpgRatio[2]).toBeCloseTo(4, 6);
    // position 6 (C): window 4-8 'NCCGG' -> 4 bases, C 2, G 2, one CpG -> GC 1, o/e 1 x 4 / 4 = 1
    expect(r.gc[6]).toBeCloseTo(1, 6);
    expect(r.cpgRatio[6]).toBeCloseTo(1, 6);
    // position 0: window clipped to 0-2 'ACG' -> GC 2/3, CpG 1 -> o/e 1 x 3 / 1
    expect(r.gc[0]).toBeCloseTo(2 / 3, 6);
    expect(r.cpgRatio[0]).toBeCloseTo(3, 6);
    // a window of N or with no G has no ratio
    expect(Number.isNaN(gcContent('NNNNN', 3).gc[2]!)).toBe(true);
    expect(Number.isNaN(gcContent('AACAA', 3).cpgRatio[2]!)).toBe(true);
  });

  it('marks a CpG-rich run of 200 bp or more as an island, not AT-rich flanks nor a GC run without CpG', () => {
    const island = 'CG'.repeat(150); // 300 bp, GC 1, CpG o/e 2
    const r = gcContent(`${'AT'.repeat(200)}${island}${'AT'.repeat(200)}`, 51);
    expect(r.islands).toHaveLength(1);
    const [a, b] = r.islands[0]!;
    expect(Math.abs(a - 400)).toBeLessThan(26); // within half a window of the run's ends
    expect(Math.abs(b - 700)).toBeLessThan(26);
    expect(gcContent(`${'AT'.repeat(200)}${'GGCCA'.repeat(60)}${'AT'.repeat(200)}`, 51).islands).toEqual([]); // GC 80%, but no CpG
    expect(gcContent(`${'AT'.repeat(200)}${'CG'.repeat(60)}${'AT'.repeat(200)}`, 51).islands).toEqual([]); // too short
  });

  it('is found by the registry, runs without a model, and its window survives a saved analysis', async () => {
    expect(analysisOf('gc')).toBe(gc);
    const r = await gc.run(null, { text: 'ACGTACGTAC', tokens: new Int32Array(10) }, { window: 11 }, {});
    expect(r.gc).toHaveLength(10);
    expect(gc.transfer(r)).toEqual([r.gc.buffer, r.cpgRatio.buffer]);
    expect(gc.saved!.read(gc.saved!.write({ window: 301 }), 1000)).toEqual({ window: 301 });
    expect(() => gc.saved!.read({ window: 4 }, 1000)).toThrow(/GC window is not valid/);
  });
});
