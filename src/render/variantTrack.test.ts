// The lollipops' scale: the largest |score| rounded up to 1, 2 or 5 x 10^k.
import { describe, expect, it } from 'vitest';
import { variantScale } from './variantTrack';

const v = (score: number | null) => ({ index: 0, label: '', score });

describe('variant lollipop scale', () => {
  it('rounds the largest |score| up to a plain number, ignoring unscored rows', () => {
    expect(variantScale([v(-0.31), v(0.12), v(null)])).toBe(0.5);
    expect(variantScale([v(-2), v(1.5)])).toBe(2);
    expect(variantScale([v(3.7)])).toBe(5);
    expect(variantScale([v(-12)])).toBe(20);
    expect(variantScale([v(null)])).toBe(0.01);
  });
});
