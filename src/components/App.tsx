// Page layout: the input and the model in a side column; the tracks in the middle with the analyses as tabs
// under them (one column on a narrow screen). The focus moves to the results when the user starts an analysis.
import { useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AnalysisKind } from '../analysis/descriptor';
import { useApp } from '../state/store';
import { GalleryPanel } from './GalleryPanel';
import { LocalGenomePanel } from './LocalGenomePanel';
import { PANELS } from './panels/panel';
import { ResultsColumn } from './ResultsColumn';
import { ResultsFocusContext, type ResultsFocus } from './resultsFocus';
import type { TabKind } from './ResultTabs';
import { SequencePanel } from './SequencePanel';
import { ShareControls } from './ShareControls';
import { StatusBar } from './StatusBar';

const SHOWN_ON_START = PANELS.filter((p) => p.showOnStart).map((p) => p.kind as AnalysisKind);

/**
 * The tab shown: the one the user chose last, unless an analysis shown on start (a region, a map: a gallery
 * example's or a link's) started after that choice.
 */
function useActiveTab(): [TabKind, (kind: TabKind) => void] {
  const [choice, setChoice] = useState<{ kind: TabKind; at: number }>({ kind: PANELS[0]!.kind, at: 0 });
  const started = useApp(useShallow((s) => SHOWN_ON_START.map((k) => s.jobs[k]?.progress.startedAt ?? -1)));
  let active = choice;
  started.forEach((at, i) => {
    if (at > active.at) active = { kind: SHOWN_ON_START[i]!, at };
  });
  return [active.kind, (kind) => setChoice({ kind, at: performance.now() })];
}

export function App() {
  const [tab, setTab] = useActiveTab();
  const heading = useRef<HTMLHeadingElement>(null);
  const focus: ResultsFocus = useMemo(
    () => ({
      async follow(work) {
        const before = useApp.getState().jobs.scan?.ctl;
        // the first scan this work starts (not a progress report of one running before)
        const unsubscribe = useApp.subscribe((s) => {
          const job = s.jobs.scan;
          if (!job || job.ctl === before || job.status !== 'running' || !s.analysed) return;
          unsubscribe();
          requestAnimationFrame(() => heading.current?.focus());
        });
        try {
          await work();
        } finally {
          unsubscribe();
        }
      },
    }),
    [],
  );
  return (
    <ResultsFocusContext value={focus}>
      <div className="app">
        <header className="masthead">
          <h1>gLM Playground</h1>
          <p className="tagline">
            A genome language model running in your browser. Your sequence never leaves this page.
          </p>
          <button type="button" className="skip" onClick={() => heading.current?.focus()}>
            Skip to results
          </button>
        </header>
        <div className="layout">
          <section className="side" aria-label="Input and model">
            <SequencePanel />
            <GalleryPanel />
            <LocalGenomePanel />
            <StatusBar />
            <ShareControls />
          </section>
          <ResultsColumn headingRef={heading} tab={tab} onTab={setTab} />
        </div>
      </div>
    </ResultsFocusContext>
  );
}
