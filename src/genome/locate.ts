// Places a variant given in genomic (or sequence) coordinates on a sequence record and checks REF.

import { normalizeChrom, parseRegion } from './region';

export interface NamedSequence {
  name: string;
  sequence: string;
}

export type Located = { record: number; index: number } | { problem: string };

/** A record known by its name and length only (an indexed genome's sequences). */
export interface RecordSpan {
  name: string;
  length: number;
}

/**
 * Where chrom:pos (and the `refLength` bases from it) lies among records known by name and length,
 * without reading any sequence: the first half of locateVariant, for genomes read by index.
 */
export function findSpan(
  records: RecordSpan[],
  chrom: string | null,
  pos: number,
  refLength: number,
  fallback = 0,
): Located {
  const where = chrom === null ? `position ${pos}` : `${chrom}:${pos}`;
  if (chrom === null) {
    const len = records[fallback]?.length ?? 0;
    if (pos - 1 < 0 || pos - 1 + refLength > len) return { problem: `${where} is outside the sequence (1-${len})` };
    return { record: fallback, index: pos - 1 };
  }
  const c = normalizeChrom(chrom);
  const same = records
    .map((r, i) => ({ i, reg: parseRegion(r.name), len: r.length }))
    .filter((x) => x.reg.chrom === c)
    .sort((a, b) => Number(b.i === fallback) - Number(a.i === fallback));
  if (same.length === 0) return { problem: `no sequence named ${chrom} in the FASTA` };
  const hit = same.find((x) => pos >= x.reg.start && pos + refLength - 1 < x.reg.start + x.len);
  if (!hit) {
    const spans = same.map((x) => `${x.reg.chrom}:${x.reg.start}-${x.reg.start + x.len - 1}`).join(', ');
    return { problem: `${where} is outside the FASTA (${spans})` };
  }
  return { record: hit.i, index: pos - hit.reg.start };
}

/** The message for a REF that the reference does not hold (one text for the app and the CLI). */
export function refMismatch(chrom: string | null, pos: number, actual: string, ref: string): string {
  return `reference mismatch at ${chrom === null ? `position ${pos}` : `${chrom}:${pos}`}: the sequence has ${actual}, the variant says ${ref}`;
}

/**
 * chrom null: `pos` is 1-based in record `fallback`. Otherwise the record whose name ('chr17' or
 * 'chr17:start-end') covers chrom:pos, record `fallback` first; 'chr17' and '17' match.
 */
export function locateVariant(
  records: NamedSequence[],
  chrom: string | null,
  pos: number,
  ref: string,
  fallback = 0,
): Located {
  const loc = findSpan(
    records.map((r) => ({ name: r.name, length: r.sequence.length })),
    chrom,
    pos,
    ref.length,
    fallback,
  );
  if ('problem' in loc) return loc;
  const actual = records[loc.record]!.sequence.slice(loc.index, loc.index + ref.length);
  return actual === ref ? loc : { problem: refMismatch(chrom, pos, actual, ref) };
}

const CHROMOSOME = /^(chr)?(\d+|[XYWZM]|MT)$/i;

/**
 * Where a variant lies among the records of a FASTA: the one function the app and the CLI place
 * variants with. `analysed`: the record the results belong to (the app), so a variant in another
 * record says which; null (the CLI) takes any record. A variant without a chromosome lies in
 * `analysed` (or the first record).
 */
export function placeVariant(
  records: NamedSequence[],
  v: { chrom: string | null; pos: number; ref: string },
  analysed: number | null = null,
): Located {
  const loc = locateVariant(records, v.chrom, v.pos, v.ref, analysed ?? 0);
  if ('problem' in loc) return withNamingHint(records, v.chrom, loc);
  if (analysed !== null && loc.record !== analysed) {
    const rec = (i: number) => `record ${i + 1} ("${records[i]!.name}")`;
    return {
      problem: `${v.chrom}:${v.pos} is in ${rec(loc.record)}, not in the analysed ${rec(analysed)}; analyse record ${loc.record + 1} to score it`,
    };
  }
  return loc;
}

/** A placement problem, with advice when no record is named as a region or chromosome (say 'my_seq'): such records cannot take genomic positions. */
export function withNamingHint(
  records: { name: string }[],
  chrom: string | null,
  loc: { problem: string },
): { problem: string } {
  const genomic = records.some((r) => parseRegion(r.name).end !== undefined || CHROMOSOME.test(r.name));
  return chrom !== null && !genomic
    ? { problem: `${loc.problem} (name the FASTA record like ${chrom}:START-END to use genomic positions)` }
    : loc;
}
