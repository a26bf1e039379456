// The zoom buttons of a map (in, out, whole map) and the window it shows, in words; the panel adds its own
// colour-scale controls after them.
import type { ReactNode } from 'react';
import { wholeMap, zoomTo, type MapCell, type MapWindow } from '../../render/mapWindow';
import { MIN_SPAN } from './mapZoom';

export function MapZoomBar({
  what,
  n,
  win,
  setWin,
  at,
  windowLabel,
  children,
}: {
  /** The map's name in the buttons' labels ("attention map"). */
  what: string;
  n: number;
  win: MapWindow;
  setWin(win: MapWindow): void;
  /** The cell to zoom around (the cursor), else the window's centre. */
  at: MapCell | null;
  windowLabel: string;
  children?: ReactNode;
}) {
  return (
    <div className="row">
      <button
        type="button"
        aria-label={`Zoom in on the ${what}`}
        disabled={win.span <= Math.min(MIN_SPAN, n)}
        onClick={() => setWin(zoomTo(win, n, win.span / 2, MIN_SPAN, at ?? undefined))}
      >
        +
      </button>
      <button
        type="button"
        aria-label={`Zoom out of the ${what}`}
        disabled={win.span >= n}
        onClick={() => setWin(zoomTo(win, n, win.span * 2, MIN_SPAN, at ?? undefined))}
      >
        −
      </button>
      <button type="button" disabled={win.span >= n} onClick={() => setWin(wholeMap(n))}>
        Whole map
      </button>
      <span className="muted">{windowLabel}</span>
      {children}
    </div>
  );
}
