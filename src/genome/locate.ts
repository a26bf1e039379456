// Places a variant given in genomic (or sequence) coordinates on a sequence record and checks REF.

import { normalizeChrom, parseRegion } from './region';

export interface NamedSequence { name: string; sequence: string }

export type Located = { record: number; index: number } | { problem: string };

/**
 * chrom null: `pos` is 1-based in record `fallback`. Otherwise the record whose name ('chr17' or
 * 'chr17:start-end') covers chrom:pos, record `fallback` first; 'chr17' and '17' match.
 */
export function locateVariant(records: NamedSequence[], chrom: string | null, pos: number, ref: string, fallback = 0): Located {
  let record = -1, index = -1;
  const where = chrom === null ? `position ${pos}` : `${chrom}:${pos}`;
  if (chrom === null) {
    record = fallback;
    index = pos - 1;
    const len = records[fallback]?.sequence.length ?? 0;
    if (index < 0 || index + ref.length > len) return { problem: `${where} is outside the sequence (1-${len})` };
  } else {
    const c = normalizeChrom(chrom);
    const same = records.map((r, i) => ({ i, reg: parseRegion(r.name), len: r.sequence.length })).filter((x) => x.reg.chrom === c)
      .sort((a, b) => Number(b.i === fallback) - Number(a.i === fallback));
    if (same.length === 0) return { problem: `no sequence named ${chrom} in the FASTA` };
    const hit = same.find((x) => pos >= x.reg.start && pos + ref.length - 1 < x.reg.start + x.len);
    if (!hit) {
      const spans = same.map((x) => `${x.reg.chrom}:${x.reg.start}-${x.reg.start + x.len - 1}`).join(', ');
      return { problem: `${where} is outside the FASTA (${spans})` };
    }
    record = hit.i;
    index = pos - hit.reg.start;
  }
  const actual = records[record]!.sequence.slice(index, index + ref.length);
  if (actual !== ref) return { problem: `reference mismatch at ${where}: the sequence has ${actual}, the variant says ${ref}` };
  return { record, index };
}

const CHROMOSOME = /^(chr)?(\d+|[XYWZM]|MT)$/i;

/**
 * Where a variant lies among the records of a FASTA: the one function the app and the CLI place
 * variants with. `analysed`: the record the results belong to (the app), so a variant in another
 * record says which; null (the CLI) takes any record. A variant without a chromosome lies in
 * `analysed` (or the first record).
 */
export function placeVariant(records: NamedSequence[], v: { chrom: string | null; pos: number; ref: string }, analysed: number | null = null): Located {
  const loc = locateVariant(records, v.chrom, v.pos, v.ref, analysed ?? 0);
  if ('problem' in loc) {
    // records named neither as regions nor as chromosomes (say 'my_seq') cannot take genomic positions
    const genomic = records.some((r) => parseRegion(r.name).end !== undefined || CHROMOSOME.test(r.name));
    return v.chrom !== null && !genomic ? { problem: `${loc.problem} (name the FASTA record like ${v.chrom}:START-END to use genomic positions)` } : loc;
  }
  if (analysed !== null && loc.record !== analysed) {
    const rec = (i: number) => `record ${i + 1} ("${records[i]!.name}")`;
    return { problem: `${v.chrom}:${v.pos} is in ${rec(loc.record)}, not in the analysed ${rec(analysed)}; analyse record ${loc.record + 1} to score it` };
  }
  return loc;
}
