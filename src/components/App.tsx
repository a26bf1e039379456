// Page layout: header, status bar, sequence input, then the result panels.
import { useShallow } from 'zustand/react/shallow';
import { resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import { AttentionPanel } from './AttentionPanel';
import { DependencyPanel } from './DependencyPanel';
import { ExampleCaption } from './ExampleCaption';
import { ComparePanel } from './ComparePanel';
import { CostCurvePanel } from './CostCurvePanel';
import { GalleryPanel } from './GalleryPanel';
import { LocalGenomePanel } from './LocalGenomePanel';
import { MutagenesisPanel } from './MutagenesisPanel';
import { PANELS } from './panels/panel';
import { SequencePanel } from './SequencePanel';
import { StatusBar } from './StatusBar';
import { TrackPanel } from './TrackPanel';
import { VariantPanel } from './VariantPanel';

/** Shown above results that no longer belong to the input (edited, refused or another record picked). */
function StaleBanner() {
  const { analysed, refused } = useApp(useShallow((s) => ({ analysed: s.analysed, refused: s.inputError !== null })));
  if (!analysed) return null;
  return (
    <p className="notice stale-banner" role="status" data-testid="stale-results">
      Stale: these results are for "{analysed.name}" ({analysed.sequence.length.toLocaleString('en-US')} bp), not for
      the input now in the box{refused ? ', which was refused: correct it and press Run' : ': press Run to analyse it'}.
      Until then the address bar holds no share link.
    </p>
  );
}

export function App() {
  const hasScan = useApp((s) => resultOf(s, 'scan') !== null);
  const stale = useApp((s) => s.stale);
  return (
    <div className="app">
      <header>
        <h1>gLM Playground</h1>
        <p className="tagline">
          A genome language model running in your browser. Your sequence never leaves this page.
        </p>
      </header>
      <StatusBar />
      <main>
        <SequencePanel />
        <LocalGenomePanel />
        {hasScan && (
          <div className={stale ? 'results stale' : 'results'}>
            {stale && <StaleBanner />}
            <ExampleCaption />
            <TrackPanel />
            <ComparePanel />
            <AttentionPanel />
            <VariantPanel />
            <MutagenesisPanel />
            <DependencyPanel />
            {PANELS.map((p) => (
              <p.Component key={p.kind} />
            ))}
          </div>
        )}
        <GalleryPanel />
        <CostCurvePanel />
      </main>
    </div>
  );
}
