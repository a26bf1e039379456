// Colour choices that survive colour-blindness: Okabe-Ito for bases, viridis for heatmaps.

export const BASE_COLORS = ['#009E73', '#0072B2', '#E69F00', '#D55E00'] as const; // A C G T
export const N_COLOR = '#999999';

const VIRIDIS = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
] as const;

/** Viridis colour for t in [0, 1] as [r, g, b]. */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!,
    b = VIRIDIS[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + f * (b[c]! - a[c]!))) as [number, number, number];
}

// Purple-orange diverging scale (ColorBrewer PuOr, colour-blind safe): t in [-1, 1], 0 is white.
const PUOR_NEG = [179, 88, 6] as const; // t = -1: orange-brown (predicted damaging)
const PUOR_POS = [84, 39, 136] as const; // t = +1: purple (more likely than the reference)

export function diverging(t: number): [number, number, number] {
  const x = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const end = x < 0 ? PUOR_NEG : PUOR_POS;
  const f = Math.abs(x);
  return [0, 1, 2].map((c) => Math.round(255 + f * (end[c]! - 255))) as [number, number, number];
}
