// Tables as TSV: the variant table and the mutagenesis matrix, in genomic coordinates when known.

import { percentile } from '../eval/calibration';
import { parseRegion } from '../genome/region';

export interface VariantTableRow {
  text: string;
  index: number | null;
  ref: string;
  alt: string;
  scores: Record<string, number | null | undefined>;
  note: string;
}

const cell = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '' : v.toFixed(6);

/** quantiles: the model's score distribution per method; each method with one gets a percentile column after its score. */
export function variantsTsv(
  recordName: string,
  methods: string[],
  rows: VariantTableRow[],
  quantiles: Record<string, number[]> = {},
): string {
  const r = parseRegion(recordName);
  const cols = methods.flatMap((m) => (quantiles[m] ? [m, `${m}_percentile`] : [m]));
  const head = ['variant', 'chrom', 'pos', 'ref', 'alt', ...cols, 'note'];
  const scoreCells = (x: VariantTableRow) =>
    methods.flatMap((m) => {
      const v = x.scores[m],
        q = quantiles[m];
      if (!q) return [cell(v)];
      return [cell(v), v === null || v === undefined || !Number.isFinite(v) ? '' : percentile(q, v).toFixed(1)];
    });
  const body = rows.map((x) =>
    [x.text, r.chrom, x.index === null ? '' : r.start + x.index, x.ref, x.alt, ...scoreCells(x), x.note].join('\t'),
  );
  return `${[head.join('\t'), ...body].join('\n')}\n`;
}

/** One row per position: chrom, pos, ref, then the score of A, C, G, T (empty at the reference). */
export function mutagenesisTsv(recordName: string, sequence: string, start: number, scores: Float32Array): string {
  const r = parseRegion(recordName);
  const lines = ['chrom\tpos\tref\tA\tC\tG\tT'];
  for (let i = 0; i < scores.length / 4; i++) {
    const p = start + i;
    lines.push([r.chrom, r.start + p, sequence[p], ...[0, 1, 2, 3].map((b) => cell(scores[i * 4 + b]))].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
