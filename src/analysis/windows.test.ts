import { describe, expect, it } from 'vitest';
import { planWindows } from './windows';

describe('planWindows', () => {
  it('uses one window when the sequence fits', () => {
    expect(planWindows(100, 512, false)).toEqual([{ start: 0, end: 100, keepStart: 0, keepEnd: 100 }]);
  });

  for (const causal of [false, true]) {
    for (const L of [513, 700, 1000, 1024, 4096, 5000]) {
      it(`${causal ? 'causal' : 'masked'}: kept ranges tile [0, ${L}) inside full-length windows`, () => {
        const ws = planWindows(L, 512, causal);
        let next = 0;
        for (const w of ws) {
          expect(w.end - w.start).toBe(512);
          expect(w.keepStart).toBe(next);
          expect(w.keepStart).toBeGreaterThanOrEqual(w.start);
          expect(w.keepEnd).toBeLessThanOrEqual(w.end);
          next = w.keepEnd;
          for (let p = w.keepStart; p < w.keepEnd && w.start > 0; p++) {
            // past the first window every base has at least a quarter context on its left, and
            // a masked model's base also keeps a quarter on its right unless at the sequence end
            expect(p - w.start).toBeGreaterThanOrEqual(causal ? 256 : 128);
            if (!causal && w.end < L) expect(w.end - p).toBeGreaterThan(128);
          }
        }
        expect(next).toBe(L);
      });
    }
  }
});
