// Per-base tracks with zoom, scrolling, hover read-out and click (or arrow keys) to focus a base.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { baseAt, drawTracks, LABEL_WIDTH, tracksHeight } from '../render/tracks';
import { resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import { DependencyTrack } from './DependencyTrack';
import { TrackExport } from './TrackExport';
import { MAX_PX_PER_BASE, trackView } from './trackView';
import { prepareCanvas, useCanvasWidth } from './useCanvas';

function describeBase(p: number, seq: string, lp: Float32Array, obs: Float32Array, ent: Float32Array): string {
  const probs = [0, 1, 2, 3].map((b) => `${'ACGT'[b]} ${Math.exp(lp[p * 4 + b]!).toFixed(3)}`).join(', ');
  const o = obs[p]!;
  return `Position ${p + 1} (${seq[p]}): log2 P(observed) ${Number.isFinite(o) ? o.toFixed(2) : 'n/a (N)'} bits, entropy ${ent[p]!.toFixed(2)} bits; P: ${probs}`;
}

export function TrackPanel() {
  const { scan, analysed, focus, setFocus, attention, model, variants, zoom, start, setView } = useApp(
    useShallow((s) => ({
      scan: resultOf(s, 'scan')!,
      analysed: s.analysed!,
      focus: s.focus,
      setFocus: s.setFocus,
      attention: resultOf(s, 'attention'),
      model: s.model,
      variants: s.variants,
      zoom: s.view.zoom,
      start: s.view.start,
      setView: s.setView,
    })),
  );
  const variantPositions = useMemo(() => variants.flatMap((v) => (v.index === null ? [] : [v.index])), [variants]);
  const [wrapRef, width] = useCanvasWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const L = analysed.sequence.length;
  const setStart = (st: number) => setView({ zoom: useApp.getState().view.zoom, start: st });
  const [hover, setHover] = useState<number | null>(null);
  const { view, fitBpPerPixel, maxZoom, visible, maxStart } = useMemo(
    () => trackView(L, width, zoom, start),
    [L, width, zoom, start],
  );

  const attnRow = useMemo(() => {
    if (!attention || focus === null || focus < attention.start || focus >= attention.start + attention.size)
      return undefined;
    const n = attention.size,
      r = focus - attention.start;
    return { start: attention.start, values: attention.probs.subarray(r * n, (r + 1) * n) };
  }, [attention, focus]);

  const trackData = useMemo(
    () => ({
      sequence: analysed.sequence,
      softMasked: analysed.softMasked,
      logprobs: scan.logprobs,
      observedBits: scan.observedBits,
      entropyBits: scan.entropyBits,
      focus,
      attnRow,
      variantPositions,
    }),
    [scan, analysed, focus, attnRow, variantPositions],
  );
  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c && prepareCanvas(c, width, tracksHeight());
    if (ctx) drawTracks(ctx, trackData, view);
  }, [trackData, view, width]);

  // keep the focus in view when it moves by keyboard
  const moveFocus = (p: number) => {
    const q = Math.max(0, Math.min(L - 1, p));
    setFocus(q);
    if (q < view.start) setStart(q);
    else if (q >= view.start + visible) setStart(q - visible + 1);
  };

  // zoom keeping the focused base (or the view's centre) in place
  const zoomAround = (z: number) => {
    const anchor = focus ?? view.start + visible / 2;
    const newVisible = (width - LABEL_WIDTH) * Math.max(fitBpPerPixel / 2 ** z, 1 / MAX_PX_PER_BASE);
    setView({ zoom: z, start: Math.max(0, Math.round(anchor - newVisible / 2)) });
  };

  const mean = useMemo(() => {
    let s = 0,
      n = 0;
    for (const v of scan.observedBits)
      if (Number.isFinite(v)) {
        s += v;
        n++;
      }
    return n ? s / n : NaN;
  }, [scan]);

  const shown = hover ?? focus;
  return (
    <section className="panel" aria-labelledby="tracks-h">
      <h2 id="tracks-h">What the model thinks of every base</h2>
      <p className="muted" data-testid="scan-summary">
        {scan.method === 'causal'
          ? 'Each base scored from the bases before it (causal model, one pass per window).'
          : `Each base scored with it hidden: every ${scan.maskStride}th base is masked in a pass, ${scan.maskStride} passes per window.`}{' '}
        Mean log2 P(observed) {mean.toFixed(3)} bits ({(-mean).toFixed(3)} bits/nt); {scan.windows} window
        {scan.windows > 1 ? 's' : ''}, {scan.forwardRows} forward rows.
      </p>
      <div className="row">
        <button
          type="button"
          aria-label="Zoom in"
          disabled={zoom >= maxZoom}
          onClick={() => zoomAround(Math.min(maxZoom, zoom + 1))}
        >
          +
        </button>
        <button type="button" aria-label="Zoom out" disabled={zoom === 0} onClick={() => zoomAround(zoom - 1)}>
          −
        </button>
        <label htmlFor="track-pos">Position</label>
        <input
          id="track-pos"
          type="range"
          min={0}
          max={maxStart}
          value={view.start}
          disabled={maxStart === 0}
          onChange={(e) => setStart(Number(e.target.value))}
        />
        <span className="muted">
          {Math.floor(view.start) + 1}–{Math.min(L, Math.floor(view.start) + visible)} of {L.toLocaleString('en-US')}
        </span>
      </div>
      <div ref={wrapRef} className="canvas-wrap">
        <canvas
          ref={canvasRef}
          tabIndex={0}
          data-testid="tracks"
          aria-label="Per-base tracks. Arrow keys move the focused base; the read-out below gives its numbers."
          onMouseMove={(e) => setHover(baseAt(e.nativeEvent.offsetX, view, L))}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => {
            const p = baseAt(e.nativeEvent.offsetX, view, L);
            if (p !== null) setFocus(p);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
              e.preventDefault();
              moveFocus((focus ?? 0) + (e.key === 'ArrowLeft' ? -1 : 1) * (e.shiftKey ? 10 : 1));
            }
          }}
        />
        <DependencyTrack view={view} length={L} />
      </div>
      <p className="readout" aria-live="polite" data-testid="track-readout">
        {shown !== null
          ? describeBase(shown, analysed.sequence, scan.logprobs, scan.observedBits, scan.entropyBits)
          : 'Hover or click a base.'}
        {model && model.nAttentionLayers === 0 ? ' (this model has no attention)' : ''}
      </p>
      {model && (
        <TrackExport
          scan={scan}
          record={analysed}
          modelId={model.id}
          canvas={() => canvasRef.current}
          drawn={() => ({ data: trackData, view })}
        />
      )}
    </section>
  );
}
