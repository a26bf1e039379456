// Level of detail: the thresholds between letters, bars and per-pixel summaries.
import { describe, expect, it } from 'vitest';
import { detailAt, LETTER_MIN_PX } from './lod';

describe('level of detail', () => {
  it('draws letters from 7 px per base, bars down to one base per pixel, summaries beyond', () => {
    expect(LETTER_MIN_PX).toBe(7);
    expect(detailAt(1 / 7)).toBe('letters');
    expect(detailAt(1 / 6.99)).toBe('bars');
    expect(detailAt(1)).toBe('bars');
    expect(detailAt(1.01)).toBe('summary');
  });
});
