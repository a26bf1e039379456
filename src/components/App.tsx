// Page layout: header, status bar, sequence input, then the result panels.
import { useEffect } from 'react';
import { useApp } from '../state/store';
import { AttentionPanel } from './AttentionPanel';
import { GalleryPanel } from './GalleryPanel';
import { MutagenesisPanel } from './MutagenesisPanel';
import { SequencePanel } from './SequencePanel';
import { StatusBar } from './StatusBar';
import { TrackPanel } from './TrackPanel';
import { VariantPanel } from './VariantPanel';

export function App() {
  const init = useApp((s) => s.init);
  const hasScan = useApp((s) => s.scan !== null);
  useEffect(() => { void init(); }, [init]);
  return (
    <div className="app">
      <header>
        <h1>gLM Playground</h1>
        <p className="tagline">A genome language model running in your browser. Your sequence never leaves this page.</p>
      </header>
      <StatusBar />
      <main>
        <SequencePanel />
        {hasScan && <TrackPanel />}
        {hasScan && <AttentionPanel />}
        {hasScan && <VariantPanel />}
        {hasScan && <MutagenesisPanel />}
        <GalleryPanel />
      </main>
    </div>
  );
}
