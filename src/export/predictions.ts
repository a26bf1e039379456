// A few-shot probe's predictions as files: the TSV npm run fewshot writes and the page downloads (chrom, pos, ref,
// alt, the probe's probability or prediction, the baseline's, a note), and a VCF carrying both in INFO fields.

export interface PredictionRow {
  chrom: string;
  /** 1-based; null where the input line gave none. */
  pos: number | null;
  ref: string;
  alt: string;
  probe: number | null;
  baseline: number | null;
  /** Why a row has no prediction ('' when it has). */
  note: string;
}

export type PredictionKind = 'binary' | 'continuous';

export const PREDICTION_INFO = ['GLM_PROBE', 'GLM_BASELINE'] as const;

const fixed = (x: number | null) => (x === null || !Number.isFinite(x) ? '' : x.toFixed(6));

/** The TSV's header: probability columns for class labels, prediction columns for numeric ones. */
function predictionHeader(kind: PredictionKind): string {
  const [p, b] = kind === 'binary' ? ['probability', 'baseline_probability'] : ['prediction', 'baseline_prediction'];
  return ['chrom', 'pos', 'ref', 'alt', p, b, 'note'].join('\t');
}

function predictionLine(r: PredictionRow): string {
  return [r.chrom, r.pos ?? '', r.ref, r.alt, fixed(r.probe), fixed(r.baseline), r.note].join('\t');
}

export function predictionsTsv(kind: PredictionKind, rows: readonly PredictionRow[]): string {
  return `${[predictionHeader(kind), ...rows.map(predictionLine)].join('\n')}\n`;
}

/** What a VCF's INFO declarations say the probe read and was fitted on. */
export function probeDescription(labelled: number, features: readonly string[]): string {
  return `fitted on ${labelled} labelled variants reading ${features.join(' + ')}`;
}

/**
 * A VCF 4.2 of the rows that name a position, each value in an INFO field declared in the header ('.' where a row
 * has none: the TSV's note says why). `describe`: what the probe read and was fitted on, for the declarations.
 */
export function predictionsVcf(kind: PredictionKind, describe: string, rows: readonly PredictionRow[]): string {
  const what = kind === 'binary' ? 'probability of the positive class' : 'predicted score';
  const value = (x: number | null) => (x === null || !Number.isFinite(x) ? '.' : x.toFixed(6));
  const info = (id: string, whose: string) =>
    `##INFO=<ID=${id},Number=A,Type=Float,Description="gLM Playground few-shot ${whose} ${what}, ${describe}; ` +
    `. = not predicted (the TSV's note says why)">`;
  const lines = rows
    .filter((r) => r.pos !== null && r.chrom && r.ref && r.alt)
    .map((r) =>
      [
        r.chrom,
        r.pos,
        '.',
        r.ref,
        r.alt,
        '.',
        '.',
        `GLM_PROBE=${value(r.probe)};GLM_BASELINE=${value(r.baseline)}`,
      ].join('\t'),
    );
  return `${[
    '##fileformat=VCFv4.2',
    info('GLM_PROBE', "probe's"),
    info('GLM_BASELINE', "sequence-only baseline's"),
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
    ...lines,
  ].join('\n')}\n`;
}
