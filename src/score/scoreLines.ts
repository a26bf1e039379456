// A VCF data line as npm run score reports it: its rows (one per ALT allele, or one saying why the line was
// not read), and the variants among them still to be scored, gathered into the line's batch.

import type { VcfLineReader, VcfParse } from '../genome/vcf';
import type { GenomicRegion } from '../node/vcfStream';
import type { Query } from './scoreBatch';
import type { LineRows, Row } from './scoreOutput';

/** A batch's lines, its rows, and the variants of those rows that are still to be scored. */
export interface Batch {
  lines: LineRows[];
  todo: { row: Row; query: Query }[];
}

/** A data line's rows: one per ALT allele, or one saying why the line was not read (its fields as written). */
export function readLine(
  reader: VcfLineReader,
  text: string,
  line: number | null,
  ordinal: number,
  region: GenomicRegion | undefined,
  batch: Batch,
): LineRows {
  const parsed: VcfParse = { variants: [], errors: [] };
  reader.read(text, line ?? ordinal, parsed);
  const e = parsed.errors[0];
  if (e) {
    const where =
      line === null ? `record ${ordinal} of region ${region!.chrom}:${region!.start}-${region!.end}` : `line ${line}`;
    return {
      text,
      read: false,
      rows: [
        {
          chrom: e.fields![0] ?? '',
          pos: e.fields![1] ?? '',
          ref: e.fields![3] ?? '',
          alt: e.fields![4] ?? '',
          score: '',
          percentile: '',
          note: `VCF ${where} not read: ${e.message}`,
        },
      ],
    };
  }
  const rows = parsed.variants.map((v) => {
    const row: Row = {
      chrom: v.chrom,
      pos: String(v.pos),
      ref: v.ref,
      alt: v.alt,
      score: '',
      percentile: '',
      note: v.problem ?? '',
    };
    if (!v.problem) batch.todo.push({ row, query: { chrom: v.chrom, pos: v.pos, ref: v.ref, alt: v.alt } });
    return row;
  });
  return { text, read: true, rows };
}
