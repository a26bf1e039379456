// The middle of the page: the results heading (the focus moves there after Run), the per-base tracks and the
// analyses as tabs under them; before any analysis, what to do; and a live line saying when an analysis is done.
import type { RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { progressOf, resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import { CostCurvePanel } from './CostCurvePanel';
import { ExampleCaption } from './ExampleCaption';
import { ProgressBar } from './ProgressBar';
import { ResultTabs, type TabKind } from './ResultTabs';
import { PANELS } from './panels/panel';
import { TrackPanel } from './TrackPanel';

const bp = (n: number) => `${n.toLocaleString('en-US')} bp`;

/** Shown above results that no longer belong to the input (edited, refused or another record picked). */
function StaleBanner() {
  const { analysed, refused } = useApp(useShallow((s) => ({ analysed: s.analysed, refused: s.inputError !== null })));
  if (!analysed) return null;
  return (
    <p className="notice stale-banner" role="status" data-testid="stale-results">
      Stale: these results are for "{analysed.name}" ({bp(analysed.sequence.length)}), not for the input now in the box
      {refused ? ', which was refused: correct it and press Run' : ': press Run to analyse it'}. Until then the address
      bar holds no share link.
    </p>
  );
}

function Intro() {
  return (
    <div className="intro">
      <p>
        Paste a DNA sequence (or FASTA) on the left, load the example or open a teaching example, and press Run. The
        model then scores every base here, and the analyses open as tabs under the tracks:{' '}
        {PANELS.map((p) => p.title).join(', ')}.
      </p>
      <p className="muted">Nothing is uploaded: the model runs in this page, on this device.</p>
    </div>
  );
}

/** While there is no result for the analysed sequence: the scan's progress, or why there is none. */
function Pending() {
  const { scanning, loading } = useApp(
    useShallow((s) => ({ scanning: progressOf(s, 'scan'), loading: s.loading !== null })),
  );
  if (scanning) return <ProgressBar progress={scanning} />;
  return (
    <p className="muted">
      {loading
        ? 'The model is loading; the analysis runs when it is ready.'
        : 'No results: the analysis did not finish (the message under Run says why).'}
    </p>
  );
}

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  tab: TabKind;
  onTab(kind: TabKind): void;
}

export function ResultsColumn({ headingRef, tab, onTab }: Props) {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      model: st.model,
      hasScan: resultOf(st, 'scan') !== null,
      stale: st.stale,
    })),
  );
  const a = s.analysed;
  const done =
    a && s.model && s.hasScan ? `Analysis of ${a.name} (${bp(a.sequence.length)}) done with ${s.model.name}.` : '';
  return (
    <main className="results-col" aria-labelledby="results-h">
      <h2 id="results-h" ref={headingRef} tabIndex={-1} className="results-title">
        {a ? (
          <>
            Results: {a.name}{' '}
            <span className="muted">
              ({bp(a.sequence.length)}
              {s.model ? `, ${s.model.name}` : ''})
            </span>
          </>
        ) : (
          'Results'
        )}
      </h2>
      <p className="sr-only" role="status" data-testid="results-announcement">
        {done}
      </p>
      {!a && <Intro />}
      {a && !s.hasScan && <Pending />}
      {s.hasScan && (
        <div className={s.stale ? 'results stale' : 'results'}>
          {s.stale && <StaleBanner />}
          <ExampleCaption />
          <TrackPanel />
          <ResultTabs active={tab} onSelect={onTab} />
        </div>
      )}
      <CostCurvePanel />
    </main>
  );
}
