// Level of detail of the per-base tracks, by pixels per base: letters (sequence, logo glyphs) where a letter is
// readable, one coloured bar per base down to a pixel per base, and above a base per pixel no bases at all (as
// igv.js's sequence track returns none past its bp-per-pixel threshold): per-pixel summaries instead.

/** Letters are drawn from this many pixels per base; below it neighbouring letters crowd each other. */
export const LETTER_MIN_PX = 7;

export type Detail = 'letters' | 'bars' | 'summary';

export function detailAt(bpPerPixel: number): Detail {
  if (1 / bpPerPixel >= LETTER_MIN_PX) return 'letters';
  return bpPerPixel <= 1 ? 'bars' : 'summary';
}
