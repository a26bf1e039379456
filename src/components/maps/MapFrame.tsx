// A square map with its axes and colour bar: hover and keyboard cursor (read-outs are the panel's), click or
// Enter on a cell, wheel zoom around the pointer, drag to pan, + and - keys. The attention and dependency
// panels both show their matrix through it.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { ROW_AXIS_WIDTH } from '../../render/axis';
import { COLOR_BAR_WIDTH, type ColorBarSpec } from '../../render/colorBar';
import { cellAt, inWindow, panBy, showCell, zoomAround, type MapCell, type MapWindow } from '../../render/mapWindow';
import { isActivation, stepCell } from '../gridKeys';
import { prepareSquareCanvas } from '../useCanvas';
import { axisSpecs, FRAME_GAP, type MapAxes } from './mapFigure';
import { MapAxis, MapColorBar } from './MapDecor';
import { MIN_SPAN, zoomKey } from './mapZoom';
import './maps.css';

export interface MapFrameProps {
  testId: string;
  label: string;
  n: number;
  win: MapWindow;
  setWin(win: MapWindow): void;
  /** The map's side in CSS pixels. */
  size: number;
  axes: MapAxes;
  colorBar: ColorBarSpec;
  /** Draws the window on a px x px canvas (device pixels); memoise it so that it redraws only on change. */
  draw(ctx: CanvasRenderingContext2D, px: number): void;
  hover: MapCell | null;
  onHover(cell: MapCell | null): void;
  onActivate(cell: MapCell): void;
  canvasRef: RefObject<HTMLCanvasElement | null>;
}

export function MapFrame(p: MapFrameProps) {
  const { n, win, size, canvasRef } = p;
  const [keyboard, setKeyboard] = useState(false); // the cell cursor shows only while the keyboard drives it
  const drag = useRef<{ x: number; y: number; from: MapWindow; moved: boolean } | null>(null);
  const latest = useRef(p);
  useEffect(() => {
    latest.current = p; // what the wheel listener, installed once, reads
  });

  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c && prepareSquareCanvas(c, size);
    if (c && ctx) p.draw(ctx, c.width);
  }, [p.draw, size]); // eslint-disable-line react-hooks/exhaustive-deps

  // the wheel (plain, or with ctrl as a trackpad pinch sends it) zooms around the pointer: a native listener,
  // as React's are passive and cannot keep the page from scrolling; with nothing left to zoom the page scrolls
  useEffect(() => {
    const c = canvasRef.current;
    if (!c) return;
    const onWheel = (e: WheelEvent) => {
      const { win: w, n: cells, size: px, setWin, onHover } = latest.current;
      const dy = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? px : 1);
      if (dy === 0) return;
      const next = zoomAround(w, cells, e.offsetX, e.offsetY, px, Math.exp(dy / 250), MIN_SPAN);
      if (next.span === w.span && next.r0 === w.r0 && next.c0 === w.c0) return;
      e.preventDefault();
      setWin(next);
      setKeyboard(false);
      onHover(cellAt(e.offsetX, e.offsetY, next, px));
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, [canvasRef]);

  const moveCursor = (c: MapCell) => {
    setKeyboard(true);
    p.onHover(c);
    const next = showCell(win, c);
    if (next.r0 !== win.r0 || next.c0 !== win.c0) p.setWin(next);
  };
  const { rows, cols } = axisSpecs(p.axes, win, size);
  const at = (e: React.MouseEvent) => cellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, win, size);
  const cursor = keyboard && p.hover && inWindow(win, p.hover) ? p.hover : null;
  return (
    <div
      className="map-frame"
      style={{ gridTemplateColumns: `${ROW_AXIS_WIDTH}px ${size}px ${COLOR_BAR_WIDTH}px`, columnGap: FRAME_GAP }}
    >
      <MapAxis spec={rows} rows testId={`${p.testId}-rows`} />
      <div className="cursor-host" style={{ width: size, height: size }}>
        <canvas
          ref={canvasRef}
          data-testid={p.testId}
          tabIndex={0}
          width={size}
          height={size}
          aria-label={p.label}
          onMouseDown={(e) => {
            drag.current = { x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY, from: win, moved: false };
          }}
          onMouseUp={() => setTimeout(() => (drag.current = null))}
          onMouseMove={(e) => {
            const { offsetX: x, offsetY: y } = e.nativeEvent;
            const d = drag.current;
            if (d && e.buttons === 1 && (d.moved || Math.hypot(x - d.x, y - d.y) > 3)) {
              d.moved = true; // a drag pans
              p.setWin(panBy(d.from, n, x - d.x, y - d.y, size));
              return;
            }
            setKeyboard(false);
            p.onHover(at(e));
          }}
          onMouseLeave={() => {
            p.onHover(null);
            drag.current = null;
          }}
          onClick={(e) => {
            const c = at(e);
            if (c && !drag.current?.moved) p.onActivate(c);
          }}
          onKeyDown={(e) => {
            const next = stepCell(p.hover, e.key, n, n, e.shiftKey);
            const zoomed = zoomKey(e.key, win, n, p.hover);
            if (next) moveCursor(next);
            else if (zoomed) p.setWin(zoomed);
            else if (isActivation(e.key) && p.hover) p.onActivate(p.hover);
            else return;
            e.preventDefault();
          }}
          onBlur={() => {
            if (keyboard) p.onHover(null);
          }}
        />
        {cursor && (
          <div
            className="cell-cursor"
            aria-hidden="true"
            style={{
              left: ((cursor.col - win.c0) * size) / win.span,
              top: ((cursor.row - win.r0) * size) / win.span,
              width: Math.max(3, size / win.span),
              height: Math.max(3, size / win.span),
            }}
          />
        )}
      </div>
      <MapColorBar bar={p.colorBar} height={size} testId={`${p.testId}-colorbar`} />
      <span />
      <MapAxis spec={cols} rows={false} testId={`${p.testId}-cols`} />
    </div>
  );
}
