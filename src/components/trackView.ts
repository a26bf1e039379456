// Which bases the track panels show. Zoom 0 is the opening view: bases as letters (DEFAULT_PX_PER_BASE) when the
// whole sequence spans at most MAX_DEFAULT_SCREENS plot widths at that size, else the whole sequence fitted.
// Each step in doubles the pixels per base (up to MAX_PX_PER_BASE); steps out (negative zoom) halve them down to
// the whole sequence. The per-base tracks, the GC tracks and the compare view share it, so they line up.
import { LABEL_WIDTH, type TrackView } from '../render/tracks';

export const MAX_PX_PER_BASE = 32;
/** Letters need 7 px (render/lod.ts); 8 leaves a pixel between them. */
export const DEFAULT_PX_PER_BASE = 8;
export const MAX_DEFAULT_SCREENS = 8;

export interface TrackWindow {
  view: TrackView;
  fitBpPerPixel: number;
  /** The zoom step shown (the store's, within the limits). */
  zoom: number;
  /** The most zoomed-out step (0 or negative: the whole sequence) and the most zoomed-in one. */
  minZoom: number;
  maxZoom: number;
  /** Bases the plot holds, and the largest first base. */
  visible: number;
  maxStart: number;
}

/** Bases per pixel at zoom 0 for a sequence of L bases on a plot of plotW pixels. */
export function openingBpPerPixel(L: number, plotW: number): number {
  const fit = L / plotW;
  const letters = 1 / DEFAULT_PX_PER_BASE;
  return fit <= letters || L * DEFAULT_PX_PER_BASE > MAX_DEFAULT_SCREENS * plotW ? fit : letters;
}

export function trackView(L: number, width: number, zoom: number, start: number): TrackWindow {
  const plotW = Math.max(1, width - LABEL_WIDTH);
  const fitBpPerPixel = L / plotW;
  const opening = openingBpPerPixel(L, plotW);
  const minZoom = fitBpPerPixel > opening ? -Math.ceil(Math.log2(fitBpPerPixel / opening) - 1e-9) : 0;
  const maxZoom = Math.max(0, Math.ceil(Math.log2(opening * MAX_PX_PER_BASE) - 1e-9));
  const z = Math.min(maxZoom, Math.max(minZoom, zoom));
  const bpPerPixel = Math.max(1 / MAX_PX_PER_BASE, Math.min(fitBpPerPixel, opening / 2 ** z));
  const visible = Math.max(1, Math.floor(plotW * bpPerPixel));
  const maxStart = Math.max(0, L - visible);
  return {
    view: { start: Math.max(0, Math.min(Math.round(start), maxStart)), bpPerPixel, width },
    ...{ fitBpPerPixel, zoom: z, minZoom, maxZoom, visible, maxStart },
  };
}
