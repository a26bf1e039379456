// Compare two models on the analysed sequence: each one's log2 P(observed) on one axis and their
// difference A - B; the variant table gains a column for B. The share link keeps the pair.
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { differenceBits, meanFinite } from '../analysis/compare';
import { compareHeight, drawCompareTracks } from '../render/compareTracks';
import { resultOf, selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { trackView } from './trackView';
import { prepareCanvas, useCanvasWidth } from './useCanvas';

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');

export function ComparePanel() {
  const s = useApp(
    useShallow((st) => ({
      scan: resultOf(st, 'scan')!,
      analysed: st.analysed!,
      model: st.model,
      models: st.models,
      modelId: st.modelId,
      compareId: st.compareId,
      compareScan: resultOf(st, 'scan', 'b'),
      compareModel: st.compareModel,
      error: st.compareError,
      setCompare: st.setCompare,
      focus: st.focus,
      zoom: st.view.zoom,
      start: st.view.start,
      busy: selectBusy(st),
    })),
  );
  const [wrapRef, width] = useCanvasWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const other = useMemo(
    () => (s.compareScan && s.compareModel ? { scan: s.compareScan, model: s.compareModel } : null),
    [s.compareScan, s.compareModel],
  );
  const diff = useMemo(
    () => (other ? differenceBits(s.scan.observedBits, other.scan.observedBits) : null),
    [other, s.scan],
  );
  const L = s.analysed.sequence.length;
  const { view } = useMemo(() => trackView(L, width, s.zoom, s.start), [L, width, s.zoom, s.start]);
  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c && other && diff && prepareCanvas(c, width, compareHeight());
    if (ctx && other && diff && s.model) {
      drawCompareTracks(
        ctx,
        {
          sequence: s.analysed.sequence,
          a: s.scan.observedBits,
          b: other.scan.observedBits,
          diff,
          labels: [s.model.name, other.model.name],
          focus: s.focus,
        },
        view,
      );
    }
  }, [other, diff, view, width, s.focus, s.scan, s.analysed, s.model]);
  const candidates = s.models.filter((m) => !m.user && m.id !== s.modelId);
  const f = s.focus;
  return (
    <section className="panel" aria-labelledby="compare-h">
      <h2 id="compare-h">Compare with another model</h2>
      <label htmlFor="compare-select">Model B</label>{' '}
      <select
        id="compare-select"
        value={s.compareId ?? ''}
        disabled={s.busy}
        onChange={(e) => void s.setCompare(e.target.value || null)}
      >
        <option value="">none</option>
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>{' '}
      {s.compareId && !other && !s.error && (
        <span className="muted" role="status">
          scoring with model B…
        </span>
      )}
      {s.error && (
        <span className="error" role="alert">
          {s.error}
        </span>
      )}
      {other && diff && (
        <>
          <p
            className="muted"
            data-testid="compare-summary"
            data-mean-a={meanFinite(s.scan.observedBits)}
            data-mean-b={meanFinite(other.scan.observedBits)}
            data-mean-diff={meanFinite(diff)}
          >
            Mean log2 P(observed): A ({s.model?.name}) {fmt(meanFinite(s.scan.observedBits))} bits, B (
            {other.model.name}) {fmt(meanFinite(other.scan.observedBits))} bits; mean A − B {fmt(meanFinite(diff))} bits
            (above the line: A finds the base more likely; bars clipped at ±4 bits).
          </p>
          <p className="readout" aria-live="polite" data-testid="compare-readout">
            {f !== null && f < L
              ? `Position ${f + 1}: A ${fmt(s.scan.observedBits[f]!)} bits, B ${fmt(other.scan.observedBits[f]!)} bits, A − B ${fmt(diff[f]!)} bits`
              : 'Click a base in the tracks above to read both models there.'}
          </p>
        </>
      )}
      {/* always mounted, so its width is tracked from the start */}
      <div ref={wrapRef} className="canvas-wrap" hidden={!other}>
        <canvas
          ref={canvasRef}
          data-testid="compare-tracks"
          aria-label="log2 P(observed) of models A and B and their difference, per base"
        />
      </div>
    </section>
  );
}
