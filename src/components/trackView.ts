// Which bases the track panels show: zoom 0 fits the whole sequence, each step doubles the pixels per base
// (up to 16); the per-base tracks and the compare view share it, so they line up.
import { LABEL_WIDTH, type TrackView } from '../render/tracks';

export const MAX_PX_PER_BASE = 16;

export function trackView(
  L: number,
  width: number,
  zoom: number,
  start: number,
): { view: TrackView; fitBpPerPixel: number; maxZoom: number; visible: number; maxStart: number } {
  const fitBpPerPixel = L / Math.max(1, width - LABEL_WIDTH);
  const maxZoom = Math.max(0, Math.ceil(Math.log2(fitBpPerPixel * MAX_PX_PER_BASE)));
  const bpPerPixel = Math.max(fitBpPerPixel / 2 ** Math.min(zoom, maxZoom), 1 / MAX_PX_PER_BASE);
  const visible = Math.max(1, Math.floor((width - LABEL_WIDTH) * bpPerPixel));
  const maxStart = Math.max(0, L - visible);
  return { view: { start: Math.min(start, maxStart), bpPerPixel, width }, fitBpPerPixel, maxZoom, visible, maxStart };
}
