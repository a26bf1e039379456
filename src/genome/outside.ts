// Variants that lie outside the analysed record (a whole VCF against one region): a few stay in the variant table
// with their reason; more are summarised in one line that opens to list them.

import { findSpan, type RecordSpan } from './locate';
import { parseRegion } from './region';

/** Up to this many variants outside the analysed record are listed with the others; more are summarised. */
export const OUTSIDE_LISTED_MAX = 10;

interface Placeable {
  chrom: string | null;
  pos: number;
  ref: string;
}

/** Whether a variant lies outside `record` (another chromosome, or past its ends), so no score can come from it. */
export function liesOutside(record: RecordSpan, v: Placeable): boolean {
  return 'problem' in findSpan([record], v.chrom, v.pos, v.ref.length);
}

/**
 * The rows to list and the rows outside `record` to summarise: none are summarised unless more than
 * OUTSIDE_LISTED_MAX lie outside. Both keep the given order.
 */
export function splitOutside<T>(
  rows: T[],
  record: RecordSpan | null,
  variantOf: (row: T) => Placeable,
): { listed: T[]; outside: T[] } {
  if (!record) return { listed: rows, outside: [] };
  const outside = rows.filter((r) => liesOutside(record, variantOf(r)));
  if (outside.length <= OUTSIDE_LISTED_MAX) return { listed: rows, outside: [] };
  const out = new Set(outside);
  return { listed: rows.filter((r) => !out.has(r)), outside };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The line that sums them up: "1,214 variants lie outside the analysed sequence (chr17:41,209,001-41,209,200)". */
export function outsideSummary(count: number, record: RecordSpan): string {
  const reg = parseRegion(record.name);
  const span = `${fmt(reg.start)}-${fmt(reg.start + record.length - 1)}`;
  const chrom = record.name.slice(0, record.name.indexOf(':'));
  const where = reg.end === undefined ? `"${record.name}", ${span}` : `${chrom}:${span}`;
  return `${fmt(count)} variant${count === 1 ? ' lies' : 's lie'} outside the analysed sequence (${where})`;
}
