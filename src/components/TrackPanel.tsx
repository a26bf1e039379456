// The genome-browser view of the analysed record: overview, ruler, sequence, variants, annotation, the model's
// logo and its per-base tracks, sharing one zoom and pan (drag, wheel, buttons, keys); hover for a read-out,
// click (or arrow keys) to focus a base.
import { useEffect, useMemo, useRef, useState } from 'react';
import { placeFeatures } from '../genome/placeFeatures';
import type { LogoMode } from '../render/logo';
import { coordinatesOf } from '../render/ruler';
import { baseAt, drawTracks, tracksHeight, type TrackReport } from '../render/tracks';
import { useApp } from '../state/store';
import { DependencyTrack } from './DependencyTrack';
import { FeatureFileInput, loadFeatureFile, type FeatureFile } from './FeatureFileInput';
import { TrackControls } from './TrackControls';
import { TrackExport } from './TrackExport';
import { TrackOverview } from './TrackOverview';
import { TrackSummary } from './TrackSummary';
import { trackView } from './trackView';
import { describeBase, featuresAt, scanSummary } from './trackReadout';
import { prepareCanvas, useCanvasWidth } from './useCanvas';
import { useTrackData } from './useTrackData';
import { useTrackNavigation } from './useTrackNavigation';

export function TrackPanel() {
  const [logoMode, setLogoMode] = useState<LogoMode>('information');
  const [file, setFile] = useState<FeatureFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const analysedRecord = useApp((s) => s.analysed!);
  const placement = useMemo(
    () => file && placeFeatures(file.features, analysedRecord.name, analysedRecord.sequence.length, file.name),
    [file, analysedRecord],
  );
  const fileTrack = useMemo(
    () => (file && placement && !placement.empty ? { name: file.name, features: placement.features } : null),
    [file, placement],
  );
  const { data, scan, analysed, focus, model } = useTrackData(logoMode, fileTrack);
  const { zoom, start } = useApp((s) => s.view);
  const [wrapRef, width] = useCanvasWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const L = analysed.sequence.length;
  const [hover, setHover] = useState<number | null>(null);
  const [report, setReport] = useState<TrackReport | null>(null);
  const win = useMemo(() => trackView(L, width, zoom, start), [L, width, zoom, start]);
  const nav = useTrackNavigation(canvasRef, win, L, width);

  useEffect(() => {
    const c = canvasRef.current;
    const ctx = c && prepareCanvas(c, width, tracksHeight(data));
    if (ctx) setReport(drawTracks(ctx, data, win.view));
  }, [data, win.view, width]);

  const onLoad = (f: FeatureFile | null, error?: string) => {
    setFile(f);
    setFileError(error ?? null);
  };
  const coords = coordinatesOf(analysed.name);
  const { mean, missing } = useMemo(() => scanSummary(scan), [scan]);
  const shown = hover ?? focus;
  return (
    <section
      className="panel"
      aria-labelledby="tracks-h"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        if (!f) return;
        e.preventDefault();
        loadFeatureFile(f).then(onLoad, (err: Error) => onLoad(null, err.message));
      }}
    >
      <h2 id="tracks-h">What the model thinks of every base</h2>
      <p className="muted" data-testid="scan-summary">
        {scan.method === 'causal'
          ? 'Each base scored from the bases before it (causal model, one pass per window).'
          : `Each base scored with it hidden: every ${scan.maskStride}th base is masked in a pass, ` +
            `${scan.maskStride} passes per window.`}{' '}
        Mean log2 P(observed) {mean.toFixed(3)} bits ({(-mean).toFixed(3)} bits/nt); {scan.windows} window
        {scan.windows > 1 ? 's' : ''}, {scan.forwardRows} forward rows.{missing}
      </p>
      <TrackControls win={win} L={L} coords={coords} nav={nav} logoMode={logoMode} setLogoMode={setLogoMode}>
        <FeatureFileInput onLoad={onLoad} />
      </TrackControls>
      {(fileError || placement) && (
        <p
          className={fileError || placement?.empty ? 'error' : 'muted'}
          role="status"
          data-testid="feature-file-message"
        >
          {fileError ?? placement?.message}
        </p>
      )}
      <div ref={wrapRef} className="canvas-wrap">
        <TrackOverview
          observedBits={scan.observedBits}
          features={data.annotations?.flatMap((a) => a.features) ?? []}
          win={win}
          width={width}
          goTo={(p) => nav.panTo(p - win.visible / 2)}
        />
        <canvas
          ref={canvasRef}
          tabIndex={0}
          data-testid="tracks"
          data-start={win.view.start}
          data-bp-per-pixel={win.view.bpPerPixel}
          style={{ touchAction: 'none', cursor: 'grab' }}
          aria-label={
            'Genome browser tracks. Drag or Page Up/Down to pan, the wheel or + and - to zoom, arrow keys move the ' +
            'focused base; the read-out below gives its numbers.'
          }
          onMouseMove={(e) => setHover(baseAt(e.nativeEvent.offsetX, win.view, L))}
          onMouseLeave={() => setHover(null)}
          onPointerDown={nav.onPointerDown}
          onPointerMove={nav.onPointerMove}
          onPointerUp={nav.onPointerUp}
          onKeyDown={nav.onKeyDown}
        />
        <DependencyTrack view={win.view} length={L} />
      </div>
      <TrackSummary report={report} />
      <p className="readout" aria-live="polite" data-testid="track-readout">
        {shown !== null
          ? describeBase(shown, analysed, scan, coords.first) + featuresAt(data.annotations, shown)
          : 'Hover or click a base.'}
        {model && model.nAttentionLayers === 0 ? ' (this model has no attention)' : ''}
      </p>
      {model && (
        <TrackExport
          scan={scan}
          record={analysed}
          modelId={model.id}
          canvas={() => canvasRef.current}
          drawn={() => ({ data, view: win.view })}
        />
      )}
    </section>
  );
}
