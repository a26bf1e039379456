// VCF text -> variants (one per ALT allele), using @gmod/vcf for the column and INFO parsing.
// Bad lines become per-line errors; symbolic alleles are kept, exactly as written, with a reason they
// cannot be scored. Pasted data lines without a header are read when asked (the app's variant box).

import VCF from '@gmod/vcf';
import { textLines } from './parseSequence';

export interface VcfVariant {
  chrom: string;
  /** 1-based position of the first REF base, as in the file. */
  pos: number;
  id: string;
  /** Upper-cased when a sequence; otherwise (symbolic, breakend, missing) exactly as in the file. */
  ref: string;
  alt: string;
  /** Set when the allele cannot be scored as sequence (symbolic, breakend, missing). */
  problem?: string;
  line: number;
}

export interface VcfParse {
  variants: VcfVariant[];
  /** Lines that could not be read, with their tab-separated fields (so a report can show them). */
  errors: { line: number; message: string; fields?: string[] }[];
}

/** The header of the fixed columns, for data lines pasted without one. */
const FIXED_HEADER = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO';
const MIN_COLUMNS = 5;
const COLUMNS_NEEDED = `at least ${MIN_COLUMNS} tab-separated columns (CHROM POS ID REF ALT, then optionally QUAL FILTER INFO)`;

/** VCF text as pasted: a #CHROM header line, or a data line of at least the five first fixed columns. */
export function looksLikeVcf(text: string): boolean {
  return textLines(text).some(
    (l) => /^#CHROM\t/.test(l) || (!l.startsWith('#') && l.split('\t').length >= MIN_COLUMNS),
  );
}

const isSequence = (allele: string) => /^[ACGTN]+$/i.test(allele);

export function parseVcf(text: string, opts: { headerless?: boolean } = {}): VcfParse {
  const lines = textLines(text);
  const chromLine = lines.findIndex((l) => /^#CHROM\t/.test(l));
  if (chromLine < 0 && !opts.headerless) {
    return { variants: [], errors: [{ line: 1, message: 'not a VCF: no "#CHROM POS ID REF ALT ..." header line' }] };
  }
  // the meta lines before #CHROM and #CHROM itself; stray '#' lines elsewhere are comments
  const header =
    chromLine < 0 ? [] : [...lines.slice(0, chromLine).filter((l) => l.startsWith('##')), lines[chromLine]!];
  const reader = vcfLineReader(header);
  if ('error' in reader) return { variants: [], errors: [{ line: chromLine + 1, message: reader.error }] };
  const out: VcfParse = { variants: [], errors: [] };
  lines.forEach((l, i) => reader.read(l, i + 1, out));
  return out;
}

/** Reads data lines one at a time (the CLI streams a VCF through it); comment and blank lines add nothing. */
export interface VcfLineReader {
  read(line: string, lineNo: number, out: VcfParse): void;
}

/**
 * A reader for the data lines under `header` (its ## lines and #CHROM line; none: the fixed columns,
 * for pasted data lines), or why the header cannot be read.
 */
export function vcfLineReader(header: string[]): VcfLineReader | { error: string } {
  let parser: VCF;
  try {
    parser = new VCF({ header: header.length ? header.join('\n') : FIXED_HEADER, strict: false });
  } catch (e) {
    return { error: `the VCF header cannot be read: ${(e as Error).message}` };
  }
  return {
    read(l, lineNo, out) {
      if (!l.trim() || l.startsWith('#')) return;
      const fields = l.split('\t');
      const fail = (message: string) => out.errors.push({ line: lineNo, message, fields });
      if (fields.length < MIN_COLUMNS) {
        const spaced =
          l.trim().split(/ +/).length >= MIN_COLUMNS
            ? '; the line is separated by spaces: VCF columns are separated by tabs'
            : '';
        fail(`expected ${COLUMNS_NEEDED}, found ${fields.length}${spaced}`);
        return;
      }
      let v;
      try {
        v = parser.parseLine(l);
      } catch (e) {
        fail((e as Error).message);
        return;
      }
      if (!Number.isInteger(v.POS) || v.POS < 1) {
        fail(`POS must be a positive integer, got ${JSON.stringify(fields[1])}`);
        return;
      }
      const refRaw = v.REF ?? '';
      const ref = isSequence(refRaw) ? refRaw.toUpperCase() : refRaw;
      for (const altRaw of v.ALT ?? ['.']) {
        const alt = isSequence(altRaw) ? altRaw.toUpperCase() : altRaw;
        const symbolic = !isSequence(alt) || !isSequence(ref);
        out.variants.push({
          chrom: v.CHROM ?? fields[0]!,
          pos: v.POS,
          id: v.ID?.join(';') ?? '.',
          ref,
          alt,
          line: lineNo,
          problem: symbolic ? `allele ${ref}>${alt} is not a sequence (symbolic, breakend or missing)` : undefined,
        });
      }
    },
  };
}
