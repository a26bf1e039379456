// The whole record above the tracks, with a red box around the bases they show; click or drag it to move there.
import { useEffect, useRef } from 'react';
import type { SequenceFeature } from '../genome/features';
import { drawOverview, OVERVIEW_HEIGHT, overviewBase } from '../render/overview';
import type { TrackWindow } from './trackView';
import { prepareCanvas } from './useCanvas';

interface Props {
  observedBits: Float32Array;
  features: SequenceFeature[];
  win: TrackWindow;
  width: number;
  /** Centre the view on a base. */
  goTo: (base: number) => void;
}

export function TrackOverview({ observedBits, features, win, width, goTo }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const L = observedBits.length;
  const first = win.view.start,
    last = Math.min(L, win.view.start + win.visible);
  useEffect(() => {
    const c = ref.current;
    const ctx = c && prepareCanvas(c, width, OVERVIEW_HEIGHT);
    if (ctx) drawOverview(ctx, { observedBits, features }, { first, last }, width);
  }, [observedBits, features, first, last, width]);
  const move = (x: number) => goTo(overviewBase(x, L, width));
  return (
    <canvas
      ref={ref}
      data-testid="track-overview"
      data-first={first}
      data-last={last}
      aria-label={`Whole record: the tracks show bases ${first + 1}-${last} of ${L}. Click to move there.`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId);
        move(e.nativeEvent.offsetX);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) move(e.nativeEvent.offsetX);
      }}
    />
  );
}
