// Nucleotide dependency map of a region: choose and run it (progress, cancel, errors); the finished map is
// shown by maps/DependencyMapView.tsx.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  DEFAULT_DEPENDENCY_LENGTH,
  MAX_DEPENDENCY_LENGTH,
  type MapStrands,
} from '../analysis/dependency/dependencyMap';
import { progressOf, resultOf, selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { DependencyMapView } from './maps/DependencyMapView';
import { ProgressBar } from './ProgressBar';
import { RangeInputs } from './RangeInputs';

export function DependencyPanel() {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      model: st.model,
      focus: st.focus,
      busy: selectBusy(st),
      map: resultOf(st, 'dependency'),
      progress: progressOf(st, 'dependency'),
      error: st.jobs.dependency?.error,
      run: st.runDependencyMap,
      cancelJob: st.cancelJob,
    })),
  );
  const L = s.analysed?.sequence.length ?? 0;
  const centre = s.focus ?? Math.floor(L / 2);
  const [range, setRange] = useState(() => {
    const from = Math.max(1, Math.min(centre - DEFAULT_DEPENDENCY_LENGTH / 2 + 1, L - DEFAULT_DEPENDENCY_LENGTH + 1));
    return { from, to: Math.min(L, from + DEFAULT_DEPENDENCY_LENGTH - 1) };
  });
  const [strands, setStrands] = useState<MapStrands>('forward');
  const map = s.map;
  // a map opened from a link or the gallery shows its own settings in the controls
  const [shown, setShown] = useState(map);
  if (map !== shown) {
    setShown(map);
    if (map) {
      setRange({ from: map.start + 1, to: map.end });
      setStrands(map.strands);
    }
  }

  if (!s.analysed || !s.model) return null;
  const seq = s.analysed.sequence;
  const causal = s.model.objective === 'clm';
  const len = range.to - range.from + 1;
  const valid = range.from >= 1 && range.to <= L && len >= 2 && len <= MAX_DEPENDENCY_LENGTH;
  return (
    <section className="panel" aria-labelledby="dep-h">
      <h2 id="dep-h">Nucleotide dependency map</h2>
      <p className="muted">
        How a change at one base moves the model's beliefs at every other (Tomaz da Silva et al., Nature Genetics 2025):
        row i, column j holds e(i, j), the largest change in log2 odds of any base at j over the three substitutions at
        i, from unmasked passes (3 per base, plus one of the reference per window).
      </p>
      <div className="row">
        <RangeInputs id="dep" labels={['Map bases', 'through']} L={L} range={range} setRange={setRange} />
        {causal && (
          <>
            <label htmlFor="dep-strands">Strands</label>
            <select id="dep-strands" value={strands} onChange={(e) => setStrands(e.target.value as MapStrands)}>
              <option value="forward">forward only (j &gt; i)</option>
              <option value="both">both (lower triangle from the reverse complement)</option>
            </select>
          </>
        )}
        <button
          type="button"
          className="primary"
          disabled={!valid || s.busy}
          onClick={() => void s.run({ start: range.from - 1, end: range.to, strands: causal ? strands : 'forward' })}
        >
          Run dependency map
        </button>
        <span className="muted" data-testid="dep-plan">
          {valid
            ? `${(3 * len).toLocaleString('en-US')} substitutions${causal && strands === 'both' ? ' on each strand' : ''}, each a forward pass${len > s.model.context ? ` (windows of ${s.model.context} bases: the model's context)` : ''}`
            : `choose 2-${Math.min(L, MAX_DEPENDENCY_LENGTH).toLocaleString('en-US')} positions inside 1-${L.toLocaleString('en-US')}`}
        </span>
      </div>
      {s.progress && (
        <div className="row">
          <ProgressBar progress={s.progress} />
          <button type="button" onClick={() => s.cancelJob('dependency')}>
            Cancel dependency map
          </button>
        </div>
      )}
      {s.error && (
        <p className={/cancelled\.$/.test(s.error) ? 'notice' : 'error'} role="status">
          {s.error}
        </p>
      )}
      {map && <DependencyMapView map={map} name={s.analysed.name} seq={seq} />}
    </section>
  );
}
