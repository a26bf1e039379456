// GC content and CpG observed/expected under the per-base tracks, with the same view so they line up; the CpG
// islands listed. A model-free reading of the sequence to set the model's tracks against.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { GC_WINDOW } from '../../analysis/descriptors/gc';
import { drawGcTracks, GC_TRACK_HEIGHT } from '../../render/gcTrack';
import { baseAt } from '../../render/tracks';
import { progressOf, resultOf } from '../../state/selectors';
import { useApp } from '../../state/store';
import { trackView } from '../trackView';
import { prepareCanvas, useCanvasWidth } from '../useCanvas';
import type { PanelSpec } from './panel';

function GcPanel() {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      result: resultOf(st, 'gc'),
      running: progressOf(st, 'gc'),
      error: st.jobs.gc?.error,
      zoom: st.view.zoom,
      start: st.view.start,
      runJob: st.runJob,
    })),
  );
  const [window, setWindow] = useState<number>(GC_WINDOW.default);
  const [hover, setHover] = useState<number | null>(null);
  const [wrapRef, width] = useCanvasWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const L = s.analysed?.sequence.length ?? 0;
  const { view } = useMemo(() => trackView(L, width, s.zoom, s.start), [L, width, s.zoom, s.start]);
  const r = s.result;
  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c && r && prepareCanvas(c, width, GC_TRACK_HEIGHT);
    if (ctx && r) drawGcTracks(ctx, r, view);
  }, [r, view, width]);
  if (!s.analysed) return null;
  const valid = Number.isInteger(window) && window >= GC_WINDOW.min && window <= GC_WINDOW.max;
  const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
  return (
    <section className="panel" aria-labelledby="gc-h">
      <h2 id="gc-h">GC content and CpG islands</h2>
      <p className="muted">
        The share of G and C, and CpG observed/expected (CpG count × bases / (C count × G count)), in a window centred
        on each base. CpG islands, common at gene promoters, are runs of 200 bp or more with GC above 50% and CpG o/e
        above 0.6 (Gardiner-Garden and Frommer 1987).
      </p>
      <div className="row">
        <label htmlFor="gc-window">Window (bp)</label>
        <input
          id="gc-window"
          type="number"
          min={GC_WINDOW.min}
          max={GC_WINDOW.max}
          step={2}
          value={window}
          onChange={(e) => setWindow(Number(e.target.value))}
        />
        <button type="button" disabled={!valid || s.running !== null} onClick={() => void s.runJob('gc', { window })}>
          Compute GC content
        </button>
        {!valid && (
          <span className="error">
            the window must be a whole number from {GC_WINDOW.min} to {GC_WINDOW.max}
          </span>
        )}
      </div>
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
      <div ref={wrapRef} className="canvas-wrap">
        {r && (
          <canvas
            ref={canvasRef}
            data-testid="gc-tracks"
            aria-label="GC fraction and CpG observed/expected along the sequence; the read-out below gives the values."
            onMouseMove={(e) => setHover(baseAt(e.nativeEvent.offsetX, view, L))}
            onMouseLeave={() => setHover(null)}
          />
        )}
      </div>
      {r && (
        <>
          <p className="readout" aria-live="polite" data-testid="gc-readout">
            {hover !== null
              ? `Position ${hover + 1}: GC ${pct(r.gc[hover]!)}, CpG o/e ${Number.isFinite(r.cpgRatio[hover]!) ? r.cpgRatio[hover]!.toFixed(2) : 'n/a'} (window ${r.window} bp)`
              : 'Hover the tracks for values.'}
          </p>
          <p data-testid="gc-islands">
            {r.islands.length
              ? `${r.islands.length} CpG island${r.islands.length > 1 ? 's' : ''}: ${r.islands.map(([a, b]) => `${(a + 1).toLocaleString('en-US')}-${b.toLocaleString('en-US')}`).join(', ')}.`
              : 'No CpG island in this sequence at this window.'}
          </p>
        </>
      )}
    </section>
  );
}

export const panel: PanelSpec = { kind: 'gc', title: 'GC content', order: 10, Component: GcPanel };
