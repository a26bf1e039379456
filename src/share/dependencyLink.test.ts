// The share link's dependency-map field: kept through a round trip, refused with a specific message when wrong.
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from './savedAnalysis';

const base = { name: 'chr22:1-400', sequence: 'ACGT'.repeat(100), models: {}, view: {}, analyses: {} };
const withMap = (b: typeof base, dependency: unknown) => ({ ...b, analyses: { dependency } }) as never;

describe('dependency map in share links', () => {
  it('round-trips the region and strands', () => {
    expect(decodeLink(encodeLink(withMap(base, { start: 10, end: 266, strands: 'both' }))).analyses.dependency).toEqual(
      { start: 10, end: 266, strands: 'both' },
    );
    expect(decodeLink(encodeLink(base)).analyses.dependency).toBeUndefined();
  });

  it('refuses regions outside the sequence, too short or too long, and unknown strands', () => {
    for (const dependency of [
      { start: 390, end: 401, strands: 'forward' },
      { start: 5, end: 6, strands: 'forward' },
      { start: 0, end: 400, strands: 'sideways' },
    ]) {
      expect(() => decodeLink(encodeLink(withMap(base, dependency)))).toThrow(/dependency map region/);
    }
    const long = { ...base, name: 'x', sequence: 'ACGT'.repeat(300) };
    expect(() => decodeLink(encodeLink(withMap(long, { start: 0, end: 1025, strands: 'forward' })))).toThrow(
      /dependency map region/,
    );
    expect(
      decodeLink(encodeLink(withMap(long, { start: 0, end: 1024, strands: 'forward' }))).analyses.dependency?.end,
    ).toBe(1024);
  });
});
