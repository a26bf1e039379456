// Annotation rows: overlapping features go on separate rows, touching ones share a row.
import { describe, expect, it } from 'vitest';
import type { SequenceFeature } from '../genome/features';
import { annotationHeight, ANNOTATION_ROW, marksAsFeatures, packRows } from './annotationTrack';

const f = (start: number, end: number): SequenceFeature => ({
  ...{ type: 'exon', name: `${start}`, start, end, strand: 1 },
  ...{ parts: [[start, end]] as [number, number][], source: 'record' },
});

describe('annotation rows', () => {
  it('packs features greedily by start: overlaps go down a row, [a, b) and [b, c) share one', () => {
    expect(packRows([f(0, 10), f(5, 20), f(10, 15), f(12, 30), f(20, 25)])).toEqual([0, 1, 0, 2, 0]);
    expect(annotationHeight({ title: 't', unit: '', features: [f(0, 10), f(5, 20)] })).toBe(2 * ANNOTATION_ROW + 4);
  });

  it('draws the gallery marks as features with their label and kind', () => {
    expect(marksAsFeatures([{ start: 109, end: 193, label: 'exon 19', kind: 'exon' }])).toEqual([
      { type: 'exon', name: 'exon 19', start: 109, end: 193, strand: 0, parts: [[109, 193]], source: 'mark' },
    ]);
  });
});
