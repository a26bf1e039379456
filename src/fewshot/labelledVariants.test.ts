import { describe, expect, it } from 'vitest';
import { ProbeInputError } from './inputError';
import { readLabelKind, readLabelledVariants } from './labelledVariants';

const table = (rows: string[]) => ['#CHROM\tPOS\tREF\tALT\tscore\tclass\texon', ...rows].join('\n');
const rows = ['17\t100\tA\tg\t0.5\t1\te1', 'chr17\t101\tC\tT\t-2\t0\te2', '17\t102\tG\tA\t1e-3\t1\te1'];

describe('labelled variants', () => {
  it('reads the variant of every label row, whatever the case of the header and the alleles', () => {
    const { table: t, variants } = readLabelledVariants(table(rows), { kind: 'binary', label: 'class', group: 'exon' });
    expect(variants).toEqual([
      { chrom: '17', pos: 100, ref: 'A', alt: 'G' },
      { chrom: 'chr17', pos: 101, ref: 'C', alt: 'T' },
      { chrom: '17', pos: 102, ref: 'G', alt: 'A' },
    ]);
    expect(Array.from(t.y)).toEqual([1, 0, 1]);
    expect(t.groups).toEqual(['e1', 'e2', 'e1']);
  });

  it('chooses the kind: a named positive or labels all 0 and 1 are classes, other numbers are continuous', () => {
    expect(readLabelKind(table(rows), { label: 'class' }).kind).toBe('binary');
    expect(readLabelKind(table(rows), { label: 'score' }).kind).toBe('continuous');
    expect(readLabelKind(table(rows), { label: 'exon', positive: 'e1' }).kind).toBe('binary');
    expect(() => readLabelKind(table(rows), { label: 'exon' })).toThrow(
      "3 of 3 data lines refused: 3 with a 'exon' that is not a number (line 2 ('e1'), 3 ('e2'), 4 ('e1')); " +
        'for classes, name the positive one with --positive',
    );
  });

  it('lists every line that names no variant in one message, and a header without the variant columns', () => {
    const bad = [...rows, '17\t-4\tA\tG\t1\t1\te3', '17\t1.5\tA\tG\t1\t0\te3'];
    let e: unknown;
    try {
      readLabelledVariants(table(bad), { kind: 'binary', label: 'class' });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ProbeInputError);
    expect((e as ProbeInputError).message).toBe(
      '2 of 5 labelled lines do not name a variant ' +
        "(chrom, a position from 1, ref and alt): line 5 ('17', '-4', 'A', 'G'), line 6 ('17', '1.5', 'A', 'G')",
    );
    expect((e as ProbeInputError).lines).toEqual([5, 6]);
    expect(() => readLabelledVariants('chrom\tposition\tclass\n17\t5\t1', { kind: 'binary', label: 'class' })).toThrow(
      'no pos, ref, alt in its header (columns: chrom, position, class)',
    );
  });
});
