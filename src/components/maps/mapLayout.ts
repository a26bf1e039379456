// How big a map is drawn: as wide as its panel allows beside its axes, colour bar and side column (which goes
// below when the panel is narrow), no taller than the window leaves room for; and its zoom window's state.
import { useState } from 'react';
import { COL_AXIS_HEIGHT, ROW_AXIS_WIDTH } from '../../render/axis';
import { COLOR_BAR_WIDTH } from '../../render/colorBar';
import { wholeMap, type MapWindow } from '../../render/mapWindow';

export const ASIDE_WIDTH = 300;
const GAP = 16;
const MIN_SIDE = 240;
/** The narrowest map a side column stands beside; narrower panels put it below. */
const MIN_BESIDE = 360;
/** Room kept above and below the map in the window for the panel's controls and read-out. */
const CHROME = 190;

export interface MapLayout {
  size: number;
  asideBeside: boolean;
}

/** The map's side for a panel `width` pixels wide in a window `height` pixels high, with or without a side column. */
export function mapLayout(width: number, height: number, aside: boolean): MapLayout {
  const frame = ROW_AXIS_WIDTH + COLOR_BAR_WIDTH + 8;
  const asideBeside = aside && width - frame - ASIDE_WIDTH - GAP >= MIN_BESIDE;
  const room = width - frame - (asideBeside ? ASIDE_WIDTH + GAP : 0);
  const tall = height - CHROME - COL_AXIS_HEIGHT;
  return { size: Math.floor(Math.max(MIN_SIDE, Math.min(room, tall))), asideBeside };
}

/** The zoom window of an n x n map; another `data` (compared with !==: a map, or a key) shows it whole again. */
export function useMapWindow(n: number, data: unknown): [MapWindow, (win: MapWindow) => void] {
  const [state, setState] = useState({ data, win: wholeMap(n) });
  if (state.data !== data || state.win.span > n) {
    const fresh = { data, win: wholeMap(n) };
    setState(fresh);
    return [fresh.win, (win) => setState({ data, win })];
  }
  return [state.win, (win) => setState({ data, win })];
}
