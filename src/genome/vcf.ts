// VCF text -> variants (one per ALT allele), using @gmod/vcf for the column and INFO parsing.
// Bad lines become per-line errors; symbolic alleles are kept with a reason they cannot be scored.

import VCF from '@gmod/vcf';

export interface VcfVariant {
  chrom: string;
  /** 1-based position of the first REF base, as in the file. */
  pos: number;
  id: string;
  ref: string;
  alt: string;
  /** Set when the allele cannot be scored as sequence (symbolic, breakend, missing). */
  problem?: string;
  line: number;
}

export interface VcfParse {
  variants: VcfVariant[];
  errors: { line: number; message: string }[];
}

export function parseVcf(text: string): VcfParse {
  const lines = text.split(/\r?\n/);
  const chromLine = lines.findIndex((l) => /^#CHROM\t/.test(l));
  if (chromLine < 0) {
    return { variants: [], errors: [{ line: 1, message: 'not a VCF: no "#CHROM POS ID REF ALT ..." header line' }] };
  }
  // the meta lines before #CHROM and #CHROM itself; stray '#' lines elsewhere are comments
  const header = [...lines.slice(0, chromLine).filter((l) => l.startsWith('##')), lines[chromLine]!].join('\n');
  let parser: VCF;
  try {
    parser = new VCF({ header, strict: false });
  } catch (e) {
    return { variants: [], errors: [{ line: chromLine + 1, message: `the VCF header cannot be read: ${(e as Error).message}` }] };
  }
  const out: VcfParse = { variants: [], errors: [] };
  lines.forEach((l, i) => {
    if (!l.trim() || l.startsWith('#')) return;
    const fields = l.split('\t');
    if (fields.length < 5) { out.errors.push({ line: i + 1, message: `expected at least 5 tab-separated columns, found ${fields.length}` }); return; }
    let v;
    try { v = parser.parseLine(l); } catch (e) { out.errors.push({ line: i + 1, message: (e as Error).message }); return; }
    if (!Number.isInteger(v.POS) || v.POS < 1) { out.errors.push({ line: i + 1, message: `POS must be a positive integer, got ${JSON.stringify(fields[1])}` }); return; }
    const ref = (v.REF ?? '').toUpperCase();
    for (const altRaw of v.ALT ?? ['.']) {
      const alt = altRaw.toUpperCase();
      const symbolic = !/^[ACGTN]+$/.test(alt) || !/^[ACGTN]+$/.test(ref);
      out.variants.push({ chrom: v.CHROM ?? fields[0]!, pos: v.POS, id: v.ID?.join(';') ?? '.', ref, alt, line: i + 1,
        problem: symbolic ? `allele ${ref}>${alt} is not a sequence (symbolic, breakend or missing)` : undefined });
    }
  });
  return out;
}
