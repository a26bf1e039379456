// What the attention and dependency maps share: a square map over n positions of the analysed record from `start`,
// its zoom window, the hovered cell (also marked on the tracks, and cleared when the map goes), the focused base's
// row, and the axes in the record's coordinates.
import { useEffect, useRef, useState } from 'react';
import type { MapCell } from '../../render/mapWindow';
import type { MapHover } from '../../state/types';
import { useApp } from '../../state/store';
import { useCanvasWidth } from '../useCanvas';
import { axisTitle, coordinatesOf } from './coordinates';
import type { MapAxes } from './mapFigure';
import { useMapWindow } from './mapLayout';

export function useSquareMap(opts: {
  map: MapHover['map'];
  start: number;
  n: number;
  /** The zoom window is kept while this stays the same (another head over the same positions) and reset otherwise. */
  windowKey: unknown;
  /** The analysed record's name (its coordinates) and sequence. */
  name: string;
  sequence: string;
  /** What the rows and the columns are: "query" and "key", "substituted (i)" and "read (j)". */
  titles: readonly [string, string];
}) {
  const { map, start, n, windowKey, name, sequence, titles } = opts;
  const focus = useApp((st) => st.focus);
  const setMapHover = useApp((st) => st.setMapHover);
  const [wrapRef, width] = useCanvasWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<MapCell | null>(null);
  const [win, setWin] = useMapWindow(n, windowKey);
  useEffect(() => () => setMapHover(null), [setMapHover]); // a map taken away leaves no marks on the tracks
  const focusRow = focus !== null && focus >= start && focus < start + n ? focus - start : null;
  const coords = coordinatesOf(name);
  const axes: MapAxes = {
    start,
    sequence,
    coordStart: coords.coordStart,
    rowTitle: axisTitle(titles[0], coords),
    colTitle: axisTitle(titles[1], coords),
  };
  const onHover = (c: MapCell | null) => {
    setHover(c);
    setMapHover(c && { map, row: start + c.row, col: start + c.col });
  };
  return { wrapRef, width, canvasRef, hover, onHover, win, setWin, focusRow, coords, axes };
}
