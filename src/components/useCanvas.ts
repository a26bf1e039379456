// Canvas sizing shared by the plots: track the element's CSS width and scale for devicePixelRatio.
import { useEffect, useRef, useState } from 'react';

export function useCanvasWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.floor(entry.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** Size the canvas backing store for the screen (width x height CSS pixels); returns devicePixelRatio. */
function sizeForScreen(canvas: HTMLCanvasElement, width: number, height: number): number {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  return dpr;
}

/** Size the canvas backing store for the screen and return a context in CSS pixels. */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const dpr = sizeForScreen(canvas, width, height);
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * A square heatmap canvas of size CSS pixels, sized for the screen; the context draws in device pixels
 * (canvas.width of them a side), so that each cell maps onto whole pixels of the backing store.
 */
export function prepareSquareCanvas(canvas: HTMLCanvasElement, size: number): CanvasRenderingContext2D | null {
  sizeForScreen(canvas, size, size);
  return canvas.getContext('2d');
}
