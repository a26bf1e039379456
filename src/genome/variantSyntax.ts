// Variants typed by a person: "123A>G" (1-based in the pasted sequence) or "chr17:41245466G>A",
// also "17-41245466-G-A" and "chr17:41245466:G:A"; REF and ALT may be several bases (indels).

export interface TypedVariant {
  chrom: string | null;
  pos: number;
  ref: string;
  alt: string;
  text: string;
}

const PATTERNS = [
  /^(?:(?<chrom>[\w.]+):)?(?<pos>\d+)\s*(?<ref>[ACGT]+)\s*>\s*(?<alt>[ACGT]+)$/i,
  /^(?<chrom>[\w.]+)[:-](?<pos>\d+)[:-](?<ref>[ACGT]+)[:-](?<alt>[ACGT]+)$/i,
];

/** Parse one or more variants separated by commas, semicolons or new lines. */
export function parseVariantList(text: string): { variants: TypedVariant[]; errors: string[] } {
  const variants: TypedVariant[] = [];
  const errors: string[] = [];
  for (const item of text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = PATTERNS.map((p) => p.exec(item)).find(Boolean);
    const g = m?.groups;
    if (!g) {
      const columns = item.split('\t').length;
      errors.push(columns > 1
        ? `"${item}" has ${columns} tab-separated columns; a VCF data line needs at least 5 (CHROM POS ID REF ALT, then optionally QUAL FILTER INFO). Or write chr17:41245466G>A`
        : `"${item}" is not a variant: write 123A>G (position in the pasted sequence) or chr17:41245466G>A, or paste VCF lines (with or without their header)`);
      continue;
    }
    const pos = Number(g.pos);
    if (!(pos >= 1)) { errors.push(`"${item}": positions start at 1`); continue; }
    if (g.ref!.toUpperCase() === g.alt!.toUpperCase()) { errors.push(`"${item}": REF and ALT are the same`); continue; }
    variants.push({ chrom: g.chrom ?? null, pos, ref: g.ref!.toUpperCase(), alt: g.alt!.toUpperCase(), text: item });
  }
  return { variants, errors };
}
