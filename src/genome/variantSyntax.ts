// Variants typed by a person: "123A>G" (1-based in the pasted sequence) or "chr17:41245466G>A" (also
// chr17:41,245,466G>A), "17-41245466-G-A", "chr17:41245466:G:A", and HGVS genomic notation (hgvs.ts); REF and ALT
// may be several bases (indels). A chromosome may be named by its RefSeq accession (refseq.ts).

import { position, readHgvs, type HgvsRead } from './hgvs';
import { resolveChrom } from './refseq';

export interface TypedVariant {
  chrom: string | null;
  pos: number;
  /** REF or ALT is empty for an insertion or deletion written in HGVS, which names no base beside it. */
  ref: string;
  alt: string;
  text: string;
  /** What the notation says beyond the position, such as the assembly a chromosome accession belongs to. */
  note?: string;
}

const PATTERNS = [
  /^(?:(?<chrom>[\w.]+):)?(?<pos>\d[\d,]*)\s*(?<ref>[ACGT]+)\s*>\s*(?<alt>[ACGT]+)$/i,
  /^(?<chrom>[\w.]+)[:-](?<pos>\d[\d,]*)[:-](?<ref>[ACGT]+)[:-](?<alt>[ACGT]+)$/i,
];

/**
 * A list split at commas, semicolons and new lines, except a comma between two digits: no variant ends in a
 * digit, so that comma groups the thousands of a position (chr17:41,209,148T>G is one variant).
 */
export function splitVariantList(text: string): string[] {
  return text
    .split(/[;\n]|(?<!\d),|,(?!\d)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parse one or more variants separated by commas, semicolons or new lines. */
export function parseVariantList(text: string): { variants: TypedVariant[]; errors: string[] } {
  const variants: TypedVariant[] = [];
  const errors: string[] = [];
  for (const item of splitVariantList(text)) {
    const read = readHgvs(item) ?? readPlain(item);
    if (!read) {
      const columns = item.split('\t').length;
      errors.push(
        columns > 1
          ? `"${item}" has ${columns} tab-separated columns; a VCF data line needs at least 5 (CHROM POS ID REF ALT, then optionally QUAL FILTER INFO). Or write chr17:41245466G>A`
          : `"${item}" is not a variant: write 123A>G (position in the pasted sequence) or chr17:41245466G>A, or paste VCF lines (with or without their header)`,
      );
      continue;
    }
    if ('problem' in read) {
      errors.push(`"${item}": ${read.problem}`);
      continue;
    }
    const v = read.variant;
    if (v.ref === v.alt) {
      errors.push(`"${item}": REF and ALT are the same`);
      continue;
    }
    variants.push({ ...v, text: item });
  }
  return { variants, errors };
}

/** The app's own notation (PATTERNS), or null when the item is written in none of them. */
function readPlain(item: string): HgvsRead | null {
  const g = PATTERNS.map((p) => p.exec(item)).find(Boolean)?.groups;
  if (!g) return null;
  const pos = position(g.pos!);
  if (typeof pos === 'string') return { problem: pos };
  const chrom = g.chrom === undefined ? { chrom: null } : resolveChrom(g.chrom);
  if ('problem' in chrom) return chrom;
  return { variant: { ...chrom, pos, ref: g.ref!.toUpperCase(), alt: g.alt!.toUpperCase() } };
}
