// An overlay for the per-base tracks: the positions of the map cell under the pointer (attention or
// dependency) as two bands. The track panel places it just before its canvas: <MapHoverLines view={view}
// height={tracksHeight()} />; it takes no room and lets the pointer through.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { drawHoverLines } from '../../render/hoverLines';
import type { TrackView } from '../../render/tracks';
import { useApp } from '../../state/store';
import { prepareCanvas } from '../useCanvas';
import './maps.css';

const NAMES = { attention: ['query', 'key'], dependency: ['substituted', 'read'] } as const;

export function MapHoverLines({ view, height }: { view: TrackView; height: number }) {
  const { hover, length } = useApp(
    useShallow((s) => ({ hover: s.mapHover, length: s.analysed?.sequence.length ?? 0 })),
  );
  const ref = useRef<HTMLCanvasElement>(null);
  const shown = hover && hover.row < length && hover.col < length ? hover : null;
  useEffect(() => {
    const c = ref.current;
    const ctx = c && prepareCanvas(c, view.width, height);
    if (ctx)
      drawHoverLines(ctx, view, height, shown && { row: shown.row, col: shown.col, names: [...NAMES[shown.map]] });
  }, [view, height, shown]);
  return (
    <div className="map-hover-host">
      <canvas
        ref={ref}
        aria-hidden="true"
        data-testid="map-hover-lines"
        data-positions={shown ? `${shown.row + 1} ${shown.col + 1}` : ''}
      />
    </div>
  );
}
