// Zoom steps of the maps' buttons and keys: halve or double the window around the cursor (or the centre).
import { zoomTo, type MapCell, type MapWindow } from '../../render/mapWindow';

/** The fewest cells a side a map zooms in to. */
export const MIN_SPAN = 16;

/** The window after a zoom key (+ or = in, - out), or null for another key. */
export function zoomKey(key: string, win: MapWindow, n: number, at: MapCell | null): MapWindow | null {
  if (key !== '+' && key !== '=' && key !== '-') return null;
  return zoomTo(win, n, win.span * (key === '-' ? 2 : 0.5), MIN_SPAN, at ?? undefined);
}
