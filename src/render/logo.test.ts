// The logo: letter height = P x information (2 - entropy bits); the probability stack; the glyph outlines.
import { describe, expect, it } from 'vitest';
import { GLYPHS } from './glyphs';
import { logoColumn } from './logo';

describe('sequence logo heights', () => {
  it('draws a uniform column 0 bits tall and a certain base 2 bits tall', () => {
    const uniform = logoColumn([0.25, 0.25, 0.25, 0.25]);
    expect(uniform.entropy).toBeCloseTo(2, 12);
    expect(uniform.heights.every((h) => Math.abs(h) < 1e-12)).toBe(true);
    const certain = logoColumn([0, 0, 1, 0]);
    expect(certain.information).toBe(2);
    expect(certain.heights).toEqual([0, 0, 2, 0]);
  });

  it('scales each letter by P x information: a hand-worked column', () => {
    // P = (1/2, 1/4, 1/8, 1/8): H = 1/2 + 2/4 + 3/8 + 3/8 = 1.75 bits, information 0.25 bits
    const c = logoColumn([0.5, 0.25, 0.125, 0.125]);
    expect(c.entropy).toBeCloseTo(1.75, 12);
    expect(c.information).toBeCloseTo(0.25, 12);
    expect(c.heights.map((h) => Number(h.toFixed(12)))).toEqual([0.125, 0.0625, 0.03125, 0.03125]);
    // the probability stack draws the same column 1 tall, letters as P
    expect(logoColumn([0.5, 0.25, 0.125, 0.125], 'probability').heights).toEqual([0.5, 0.25, 0.125, 0.125]);
  });

  it('a confident base is taller than a guess in the logo, though both stack to 1 as probabilities', () => {
    const sure = logoColumn([0.97, 0.01, 0.01, 0.01]);
    const guess = logoColumn([0.4, 0.2, 0.2, 0.2]);
    const total = (h: number[]) => h.reduce((s, x) => s + x, 0);
    expect(total(sure.heights)).toBeGreaterThan(1.7);
    expect(total(guess.heights)).toBeLessThan(0.1);
    expect(total(logoColumn([0.4, 0.2, 0.2, 0.2], 'probability').heights)).toBeCloseTo(1, 12);
  });
});

describe('glyph outlines', () => {
  const area = (ring: [number, number][]) =>
    ring.reduce((s, [x, y], i) => {
      const [u, v] = ring[(i + 1) % ring.length]!;
      return s + (x * v - u * y) / 2;
    }, 0);

  it('fill the unit box from 0 to 1 in height, so a letter is exactly as tall as its box', () => {
    for (const rings of Object.values(GLYPHS)) {
      const ys = rings.flat().map(([, y]) => y);
      expect(Math.min(...ys)).toBeCloseTo(0, 9);
      expect(Math.max(...ys)).toBeCloseTo(1, 9);
    }
  });

  it("wind A's counter against its outline, so non-zero filling leaves it open", () => {
    const [outline, hole] = GLYPHS.A;
    expect(Math.sign(area(outline!))).toBe(-Math.sign(area(hole!)));
  });
});
