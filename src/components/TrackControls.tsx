// The track view's controls: zoom out, in and to the whole record, the position slider with the shown range in
// genomic coordinates, the logo / probability-stack switch, and the annotation file input (given as children).
import type { ReactNode } from 'react';
import type { LogoMode } from '../render/logo';
import type { TrackWindow } from './trackView';
import type { useTrackNavigation } from './useTrackNavigation';

interface Props {
  win: TrackWindow;
  L: number;
  coords: { first: number; name: string };
  nav: ReturnType<typeof useTrackNavigation>;
  logoMode: LogoMode;
  setLogoMode: (m: LogoMode) => void;
  children: ReactNode;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function TrackControls({ win, L, coords, nav, logoMode, setLogoMode, children }: Props) {
  const { view, visible, maxStart, minZoom, maxZoom, zoom: current } = win;
  const first = view.start,
    last = Math.min(L, view.start + visible);
  return (
    <div className="row">
      <button type="button" aria-label="Zoom out" disabled={current <= minZoom} onClick={() => nav.zoomTo(current - 1)}>
        −
      </button>
      <button type="button" aria-label="Zoom in" disabled={current >= maxZoom} onClick={() => nav.zoomTo(current + 1)}>
        +
      </button>
      <button type="button" disabled={current <= minZoom} onClick={() => nav.zoomTo(minZoom)}>
        Whole record
      </button>
      <label htmlFor="track-pos">Position</label>
      <input
        id="track-pos"
        type="range"
        min={0}
        max={maxStart}
        value={first}
        disabled={maxStart === 0}
        onChange={(e) => nav.panTo(Number(e.target.value))}
      />
      <span className="muted" data-testid="track-range" data-zoom={current}>
        {coords.name === 'position' ? '' : `${coords.name}:`}
        {fmt(coords.first + first)}–{fmt(coords.first + last - 1)} ({fmt(last - first)} of {fmt(L)} bp,{' '}
        {(1 / view.bpPerPixel).toFixed(view.bpPerPixel > 1 ? 3 : 1)} px per base)
      </span>
      <label>
        <input
          type="checkbox"
          checked={logoMode === 'probability'}
          onChange={(e) => setLogoMode(e.target.checked ? 'probability' : 'information')}
        />{' '}
        Probability stack instead of logo
      </label>
      {children}
    </div>
  );
}
