// Export the per-base tracks (bedGraph or WIG, in genomic coordinates when the header gives them),
// the results as JSON, and the tracks as PNG.
import { useState } from 'react';
import type { LikelihoodTrack } from '../analysis/likelihoodScan';
import type { SequenceRecord } from '../genome/parseSequence';
import { toBedGraph, toWig } from '../export/tracks';
import { asCanvasContext, SvgContext } from '../render/svgContext';
import { drawTracks, tracksHeight, type TrackData, type TrackView } from '../render/tracks';
import { downloadCanvas, downloadSvg, downloadText, stem } from './download';

const TRACKS = {
  observed: { label: 'log2 P(observed base)', values: (s: LikelihoodTrack) => s.observedBits },
  entropy: { label: 'entropy (bits)', values: (s: LikelihoodTrack) => s.entropyBits },
  ...Object.fromEntries(
    [0, 1, 2, 3].map((b) => [
      `p${'ACGT'[b]}`,
      {
        label: `P(${'ACGT'[b]})`,
        values: (s: LikelihoodTrack) =>
          Float32Array.from({ length: s.length }, (_, i) => Math.exp(s.logprobs[i * 4 + b]!)),
      },
    ]),
  ),
} as Record<string, { label: string; values: (s: LikelihoodTrack) => Float32Array }>;

interface Props {
  scan: LikelihoodTrack;
  record: SequenceRecord;
  modelId: string;
  canvas: () => HTMLCanvasElement | null;
  /** What is on screen now, redrawn as SVG. */
  drawn: () => { data: TrackData; view: TrackView };
}

export function TrackExport({ scan, record, modelId, canvas, drawn }: Props) {
  const [track, setTrack] = useState('observed');
  const [format, setFormat] = useState<'bedGraph' | 'wig'>('bedGraph');
  const t = TRACKS[track]!;
  const save = () => {
    const data = {
      name: `${modelId} ${t.label}`,
      description: `gLM Playground, ${modelId}, ${scan.method}`,
      values: t.values(scan),
    };
    downloadText(
      `${stem(record.name)}.${track}.${format === 'wig' ? 'wig' : 'bedgraph'}`,
      format === 'wig' ? toWig(record.name, data) : toBedGraph(record.name, data),
    );
  };
  const saveJson = () =>
    downloadText(
      `${stem(record.name)}.${modelId}.json`,
      JSON.stringify({
        format: 'glm-playground/analysis@1',
        record: record.name,
        sequence: record.sequence,
        model: modelId,
        method: scan.method,
        maskStride: scan.maskStride,
        observedBits: Array.from(scan.observedBits, (v) => (Number.isFinite(v) ? v : null)),
        entropyBits: Array.from(scan.entropyBits),
        probabilities: Array.from({ length: scan.length }, (_, i) =>
          [0, 1, 2, 3].map((b) => Math.exp(scan.logprobs[i * 4 + b]!)),
        ),
      }),
      'application/json',
    );
  return (
    <div className="row">
      <label htmlFor="export-track">Export</label>
      <select id="export-track" value={track} onChange={(e) => setTrack(e.target.value)}>
        {Object.entries(TRACKS).map(([k, v]) => (
          <option key={k} value={k}>
            {v.label}
          </option>
        ))}
      </select>
      <label htmlFor="export-format" className="sr-only">
        Format
      </label>
      <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as 'bedGraph' | 'wig')}>
        <option value="bedGraph">bedGraph</option>
        <option value="wig">WIG</option>
      </select>
      <button type="button" onClick={save}>
        Download track
      </button>
      <button type="button" onClick={saveJson}>
        Download results (JSON)
      </button>
      <button type="button" onClick={() => downloadCanvas(`${stem(record.name)}.tracks.png`, canvas())}>
        Download PNG
      </button>
      <button
        type="button"
        onClick={() => {
          const { data, view } = drawn();
          const svg = new SvgContext(view.width, tracksHeight(data));
          drawTracks(asCanvasContext(svg), data, view);
          downloadSvg(`${stem(record.name)}.tracks.svg`, svg.toString());
        }}
      >
        Download SVG
      </button>
    </div>
  );
}
