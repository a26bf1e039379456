// Ruler ticks: nice steps in genomic coordinates, labels that never overlap at any zoom.
import { describe, expect, it } from 'vitest';
import { CHAR_PX, coordinatesOf, niceStep, rulerTicks } from './ruler';
import { LABEL_WIDTH } from './trackGeometry';

describe('ruler', () => {
  it('steps through 1, 2, 5 x 10^k', () => {
    expect([0.3, 1, 1.5, 2, 3, 7, 10, 11, 4999, 5001].map(niceStep)).toEqual([1, 1, 2, 2, 5, 10, 10, 20, 5000, 10000]);
  });

  it('reads a chrom:start-end name as genomic coordinates, anything else as positions from 1', () => {
    expect(coordinatesOf('chr17:41208960-41209260')).toEqual({ first: 41208960, name: 'chr17' });
    expect(coordinatesOf('NC_001416.1:37800-38799')).toEqual({ first: 37800, name: 'NC_001416.1' });
    expect(coordinatesOf('sequence')).toEqual({ first: 1, name: 'position' });
  });

  it('puts ticks on multiples of the step at the centre of their base, in genomic coordinates', () => {
    // BRCA1 exon 19 example: base 0 is chr17:41,208,960; at 8 px per base a label of 10 characters needs 9 bases
    const view = { start: 0, bpPerPixel: 1 / 8, width: LABEL_WIDTH + 800 };
    const ticks = rulerTicks(view, 301, 41208960);
    expect(ticks[0]).toEqual({ coordinate: 41208960, base: 0, x: LABEL_WIDTH + 4, label: '41,208,960' });
    expect(ticks.map((t) => t.coordinate - ticks[0]!.coordinate).slice(0, 3)).toEqual([0, 10, 20]);
    expect(ticks.at(-1)!.coordinate).toBe(41209050); // 100 bases shown: 41,208,960-41,209,059
  });

  it('never lets two labels overlap, from 32 px per base to 1,000 bases per pixel', () => {
    for (const bpPerPixel of [1 / 32, 1 / 8, 1 / 3, 0.6, 1, 7, 55, 1000]) {
      for (const first of [1, 41208960, 99_999_000]) {
        const L = Math.round(900 * bpPerPixel) + 10;
        const ticks = rulerTicks({ start: 0, bpPerPixel, width: LABEL_WIDTH + 900 }, L, first);
        expect(ticks.length).toBeGreaterThan(0);
        for (let i = 1; i < ticks.length; i++) {
          const gap = ticks[i]!.x - ticks[i - 1]!.x;
          const halfWidths = ((ticks[i]!.label.length + ticks[i - 1]!.label.length) / 2) * CHAR_PX;
          expect(gap).toBeGreaterThan(halfWidths);
        }
      }
    }
  });
});
