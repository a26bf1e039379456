// The focused base's row of the dependency map (bits), drawn under the per-base tracks with their view so they line
// up, with a y-axis from 0 to the map's colour-scale top.
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dependencyScale, drawRowTrack, ROW_TRACK_HEIGHT } from '../render/dependencyMap';
import { drawAxisTicks, scaleY } from '../render/trackAxis';
import type { TrackView } from '../render/tracks';
import { resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import { prepareCanvas } from './useCanvas';

export function DependencyTrack({ view, length }: { view: TrackView; length: number }) {
  const { map, focus } = useApp(useShallow((s) => ({ map: resultOf(s, 'dependency'), focus: s.focus })));
  const ref = useRef<HTMLCanvasElement>(null);
  const n = map ? map.end - map.start : 0;
  const vmax = useMemo(() => (map ? dependencyScale(map.values, n) : 1), [map, n]);
  const row = map && focus !== null && focus >= map.start && focus < map.end ? focus - map.start : null;
  useEffect(() => {
    const c = ref.current;
    const ctx = c && map && prepareCanvas(c, view.width, ROW_TRACK_HEIGHT);
    if (!ctx || !map) return;
    drawRowTrack(ctx, { start: map.start, values: map.values, n }, row, view, vmax, length);
    // its y-axis: bars rise from 0 at the foot to vmax (and beyond, clipped) at the top, as drawRowTrack scales them
    const band = { top: 0, height: ROW_TRACK_HEIGHT };
    const ticks = [0, vmax].map((v) => ({ value: v, label: v.toPrecision(2) }));
    if (row !== null) drawAxisTicks(ctx, band, ticks, scaleY(band, 0, vmax));
  }, [map, n, row, view, vmax, length]);
  if (!map) return null;
  return (
    <canvas
      ref={ref}
      data-testid="dependency-track"
      data-row={row ?? ''}
      aria-label={
        row === null
          ? 'Dependency track: focus a base inside the mapped region to show its row.'
          : `Dependency track: how much each position depends on position ${map.start + row + 1}.`
      }
    />
  );
}
