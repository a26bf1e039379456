// What the track canvas drew, in words: read by screen readers (the canvas itself is a picture) and by the e2e
// specs, which check the letters, the logo heights, the axes and the features without reading pixels.
import type { TrackReport } from '../render/tracks';

export function TrackSummary({ report }: { report: TrackReport | null }) {
  if (!report) return null;
  const { sequence, logo, ticks, features, bands } = report;
  const heights = logo?.heights ?? [];
  return (
    <ul
      className="sr-only"
      data-testid="track-summary"
      data-tracks={bands.map((b) => b.key).join(' ')}
      data-sequence-detail={sequence?.detail}
      data-letters={sequence?.letters}
      data-first={sequence?.first}
      data-logo-mode={logo?.mode}
      data-logo-detail={logo?.detail}
      data-logo-heights={heights.map((h) => `${h.base}:${h.total.toFixed(4)}`).join(' ')}
      data-ticks={ticks.map((t) => t.coordinate).join(' ')}
    >
      <li>
        Sequence:{' '}
        {sequence?.detail === 'letters'
          ? `${sequence.letters.length} bases as letters from position ${sequence.first + 1}`
          : sequence?.detail === 'bars'
            ? 'one coloured bar per base (zoom in for letters)'
            : 'too many bases per pixel to draw them; zoom in'}
        .
      </li>
      <li>Ruler ticks: {ticks.map((t) => t.label).join(', ')}.</li>
      <li>
        {logo?.mode === 'information'
          ? 'Logo: letter height is probability times information (bits, 0-2)'
          : 'Probability stack (0-1)'}
        .
      </li>
      {features.map((f, i) => (
        <li key={i} data-testid="track-feature">
          {f.track}: {f.type} {f.name} at {f.start + 1}-{f.end}
        </li>
      ))}
    </ul>
  );
}
