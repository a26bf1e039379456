// The four base letters as filled outlines in a unit box, so a logo can stretch each letter to its exact height
// (a font's letters carry side bearings and ascent that would make a 1-bit letter look shorter or taller than
// 1 bit). Drawn with moveTo/lineTo/fill only, so the SVG export draws them the same way.

type Ring = [number, number][]; // x right, y up, both 0..1

/** An elliptical arc centred on (0.5, 0.5) from a0 to a1 degrees, in 7.5-degree steps (so 90 and 270, the
 *  letter's top and bottom, are points of it when a0 is a multiple of 7.5). */
function arc(rx: number, ry: number, a0: number, a1: number): Ring {
  const steps = Math.round(Math.abs(a1 - a0) / 7.5);
  const out: Ring = [];
  for (let i = 0; i <= steps; i++) {
    const a = ((a0 + ((a1 - a0) * i) / steps) * Math.PI) / 180;
    out.push([0.5 + rx * Math.cos(a), 0.5 + ry * Math.sin(a)]);
  }
  return out;
}

/** An open ring: the outer arc one way, the inner arc back. */
const openRing = (a0: number, a1: number): Ring => [...arc(0.5, 0.5, a0, a1), ...arc(0.3, 0.31, a1, a0)];

/** Each letter as rings; a hole runs the other way round from its outline (non-zero fill leaves it empty). */
export const GLYPHS: Record<'A' | 'C' | 'G' | 'T', Ring[]> = {
  A: [
    [
      [0, 0],
      [0.21, 0],
      [0.31, 0.27],
      [0.69, 0.27],
      [0.79, 0],
      [1, 0],
      [0.61, 1],
      [0.39, 1],
    ],
    [
      [0.37, 0.43],
      [0.5, 0.8],
      [0.63, 0.43],
    ],
  ],
  C: [openRing(45, 315)],
  G: [
    openRing(45, 345),
    [
      [0.55, 0.38],
      [1, 0.38],
      [1, 0.53],
      [0.55, 0.53],
    ],
  ],
  T: [
    [
      [0, 1],
      [0, 0.83],
      [0.41, 0.83],
      [0.41, 0],
      [0.59, 0],
      [0.59, 0.83],
      [1, 0.83],
      [1, 1],
    ],
  ],
};

/** Draws base b (0-3) filling the box (x, y) to (x + w, y + h), y down; nothing for a box under 0.5 px. */
export function drawGlyph(ctx: CanvasRenderingContext2D, b: number, x: number, y: number, w: number, h: number) {
  if (h < 0.5 || w < 0.5) return;
  const rings = GLYPHS['ACGT'[b] as 'A' | 'C' | 'G' | 'T'];
  ctx.beginPath();
  for (const ring of rings) {
    ring.forEach(([u, v], i) => (i ? ctx.lineTo(x + u * w, y + (1 - v) * h) : ctx.moveTo(x + u * w, y + (1 - v) * h)));
  }
  ctx.fill();
}
