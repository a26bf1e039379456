// Zoom and pan shared by all tracks, through the store's view {zoom, start}: drag to pan, the wheel to zoom
// around the pointer (sideways or with Shift to pan), buttons, and keys (arrows move the focused base, + and -
// zoom, Page Up/Down pan a screen, Home/End go to the ends). A click without a drag focuses the base under it.
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { baseAt } from '../render/tracks';
import { useApp } from '../state/store';
import { trackView, type TrackWindow } from './trackView';

/** Wheel travel (pixels of deltaY) per zoom step, so that a trackpad's many small deltas add up to one step. */
const WHEEL_STEP = 100;

export function useTrackNavigation(
  canvas: React.RefObject<HTMLCanvasElement | null>,
  win: TrackWindow,
  L: number,
  width: number,
) {
  const setView = useApp((s) => s.setView);
  const setFocus = useApp((s) => s.setFocus);
  const winRef = useRef(win);
  useEffect(() => {
    winRef.current = win;
  }, [win]);

  /** Zoom to step z keeping base `anchor` (default: the centre) where it is on screen. */
  const zoomTo = (z: number, anchor?: number) => {
    const w = winRef.current;
    const zoom = Math.max(w.minZoom, Math.min(w.maxZoom, z));
    const at = anchor ?? w.view.start + w.visible / 2;
    const next = trackView(L, width, zoom, 0);
    const frac = (at - w.view.start) / w.visible;
    setView({ zoom, start: Math.max(0, Math.round(at - frac * next.visible)) });
  };
  const panTo = (start: number) =>
    setView({
      zoom: useApp.getState().view.zoom,
      start: Math.max(0, Math.min(winRef.current.maxStart, Math.round(start))),
    });

  // a base focused from elsewhere (a map, the attention heatmap, a new record) is brought into view, centred
  const focus = useApp((s) => s.focus);
  useEffect(() => {
    const { view, visible } = winRef.current;
    if (focus !== null && (focus < view.start || focus >= view.start + visible)) panTo(focus - visible / 2);
    // only a new focus moves the view: panning away from the focus must not snap back
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  // the wheel needs a native listener: React's are passive and cannot keep the page from scrolling
  const wheel = useRef(0);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const w = winRef.current;
      const sideways = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (sideways) {
        e.preventDefault();
        panTo(w.view.start + (e.shiftKey ? e.deltaY : e.deltaX) * w.view.bpPerPixel);
        return;
      }
      const zoom = useApp.getState().view.zoom;
      const dir = e.deltaY < 0 ? 1 : -1;
      if ((dir > 0 && zoom >= w.maxZoom) || (dir < 0 && zoom <= w.minZoom)) return; // nothing left: the page scrolls
      e.preventDefault();
      wheel.current += e.deltaY * (e.deltaMode === 1 ? 33 : 1);
      if (Math.abs(wheel.current) < WHEEL_STEP) return;
      wheel.current = 0;
      zoomTo(zoom + dir, baseAt(e.offsetX, w.view, L) ?? undefined);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const drag = useRef<{ x: number; start: number; moved: boolean } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    drag.current = { x: e.clientX, start: winRef.current.view.start, moved: false };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d || (!d.moved && Math.abs(e.clientX - d.x) < 4)) return;
    d.moved = true;
    panTo(d.start - (e.clientX - d.x) * winRef.current.view.bpPerPixel);
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d && !d.moved) {
      const p = baseAt(e.nativeEvent.offsetX, winRef.current.view, L);
      if (p !== null) setFocus(p);
    }
  };

  /** Move the focus, scrolling so that it stays in view. */
  const moveFocus = (p: number) => {
    const q = Math.max(0, Math.min(L - 1, p));
    const { view, visible } = winRef.current;
    setFocus(q);
    if (q < view.start) panTo(q);
    else if (q >= view.start + visible) panTo(q - visible + 1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const { view, visible } = winRef.current;
    const focus = useApp.getState().focus;
    const zoom = useApp.getState().view.zoom;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => moveFocus((focus ?? 0) - (e.shiftKey ? 10 : 1)),
      ArrowRight: () => moveFocus((focus ?? 0) + (e.shiftKey ? 10 : 1)),
      '+': () => zoomTo(zoom + 1, focus ?? undefined),
      '=': () => zoomTo(zoom + 1, focus ?? undefined),
      '-': () => zoomTo(zoom - 1, focus ?? undefined),
      PageUp: () => panTo(view.start - visible),
      PageDown: () => panTo(view.start + visible),
      Home: () => moveFocus(0),
      End: () => moveFocus(L - 1),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  return { zoomTo, panTo, onPointerDown, onPointerMove, onPointerUp, onKeyDown };
}
