import { describe, expect, it } from 'vitest';
import { auroc } from './metrics';

describe('auroc', () => {
  it('is 1 for perfect separation, 0 for reversed, 0.5 for all ties', () => {
    expect(auroc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auroc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(auroc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
  });
  it('matches a hand count of concordant pairs', () => {
    // positives 0.8, 0.4; negatives 0.5, 0.1, 0.4: pairs (pos > neg) = 3 + 1 + tie 0.5 = 4.5 of 6
    expect(auroc([0.8, 0.4, 0.5, 0.1, 0.4], [true, true, false, false, false])).toBeCloseTo(4.5 / 6, 12);
  });
  it('ignores non-finite scores and needs both classes', () => {
    expect(auroc([NaN, 1, 2], [true, false, true])).toBe(1);
    expect(auroc([1, 2], [true, true])).toBeNaN();
  });
});
