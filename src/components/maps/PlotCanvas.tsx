// A canvas of a fixed CSS size, sized for the screen, redrawn by `draw` whenever it changes: the maps' axes,
// colour bars and thumbnails.
import { useEffect, useRef } from 'react';
import { prepareCanvas } from '../useCanvas';

export function PlotCanvas({
  width,
  height,
  draw,
  label,
  testId,
}: {
  width: number;
  height: number;
  /** Draws in CSS pixels on a cleared canvas; memoise it (useCallback) so that it redraws only on change. */
  draw: (ctx: CanvasRenderingContext2D) => void;
  label?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c && prepareCanvas(c, width, height);
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    draw(ctx);
  }, [width, height, draw]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-testid={testId}
    />
  );
}
