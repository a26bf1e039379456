// What the mutagenesis result is (a caption above the heatmap), and the score of the cell under the pointer or
// the keyboard's cursor (a live read-out below it).
import type { MutagenesisResult } from '../../analysis/mutagenesis';
import { METHODS } from '../../analysis/variantEffect';
import { fmtScore } from '../scoreReading';
import type { MutCell } from './MutagenesisHeatmap';

export function MutagenesisCaption({ result: r }: { result: MutagenesisResult }) {
  return (
    <p className="muted">
      {METHODS[r.method].label} of every substitution in {r.start + 1}-{r.end} ({r.forwardRows.toLocaleString('en-US')}{' '}
      forward rows
      {r.method === 'dll' ? ', partial rows counted by the share of positions they run' : ''}). Orange: less likely than
      the reference; purple: more likely; grey: the reference base. Click a cell to add that variant.
    </p>
  );
}

export function MutagenesisReadout(props: { result: MutagenesisResult; sequence: string; hover: MutCell | null }) {
  const { result: r, sequence, hover } = props;
  const cell = hover
    ? { pos: r.start + hover.i, alt: 'ACGT'[hover.base]!, score: r.scores[hover.i * 4 + hover.base]! }
    : null;
  return (
    <p className="readout" aria-live="polite" data-testid="mutagenesis-readout">
      {cell
        ? `Position ${cell.pos + 1} ${sequence[cell.pos]}>${cell.alt}: ${Number.isNaN(cell.score) ? 'reference base' : fmtScore(cell.score, r.method)}`
        : 'Hover the heatmap for scores.'}
    </p>
  );
}
