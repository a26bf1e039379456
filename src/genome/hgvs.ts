// HGVS genomic notation typed by a person: NC_000017.10:g.41209148T>G, chr17:g.41209148T>G, 17:g.…, m. on the
// mitochondrion; deletions, duplications and delins whose bases are written out, and insertions. Transcript (c.,
// n., r.) and protein (p.) notation, and edits whose bases are not written, are refused with why.

import { resolveChrom } from './refseq';
import { normalizeChrom, readPosition } from './region';

/** REF at 1-based `pos` replaced by ALT, as the app's variants are; REF or ALT may be empty (insertion, deletion). */
export interface GenomicEdit {
  chrom: string | null;
  pos: number;
  ref: string;
  alt: string;
  note?: string;
}

export type HgvsRead = { variant: GenomicEdit } | { problem: string };

const NOTATION = /^(?:(?<name>[^:\s]+):)?(?<type>[cgmnpr])\.(?<body>.*)$/;
const POS = String.raw`(\d[\d,]*)`;
const RANGE = `${POS}(?:_${POS})?`;
const BASES = '([ACGTacgt]*)';
const EDITS = {
  sub: new RegExp(`^${POS}([ACGTacgt]+)>([ACGTacgt]+)$`),
  delins: new RegExp(`^${RANGE}del${BASES}ins([ACGTacgt]+)$`),
  del: new RegExp(`^${RANGE}del${BASES}$`),
  dup: new RegExp(`^${RANGE}dup${BASES}$`),
  ins: new RegExp(`^${RANGE}ins([ACGTacgt]+)$`),
};
const READS = 'g.123A>G, g.123_125delCTG, g.123_125delCTGinsTT, g.123_125dupCTG or g.123_124insAC, bases written out';
const GENOMIC =
  'give the genomic variant instead (NC_000017.10:g.41209148T>G or chr17:41209148T>G), ' +
  'as Mutalyzer or Ensembl VEP convert it';
const NO_TRANSCRIPTS = 'and the app has no transcripts to map them onto the genome';

const WHY_NOT: Record<string, string> = {
  c: `coding (c.) positions count along a transcript's coding sequence, ${NO_TRANSCRIPTS}`,
  n: `non-coding transcript (n.) positions count along a transcript, ${NO_TRANSCRIPTS}`,
  r: `RNA (r.) positions count along a transcript, ${NO_TRANSCRIPTS}`,
  p:
    'a protein (p.) change does not say which bases changed (several codons encode each amino acid), ' +
    'so it cannot be placed on DNA',
};

/** The variant an HGVS description names, or why it cannot be placed; null when `text` is not HGVS (no "g." etc.). */
export function readHgvs(text: string): HgvsRead | null {
  const m = NOTATION.exec(text);
  if (!m) return null;
  const { name, type, body } = m.groups!;
  if (type! in WHY_NOT) return { problem: `${WHY_NOT[type!]}; ${GENOMIC}` };
  if (!name) {
    return {
      problem:
        `${type}. names no reference sequence: write chr17:${type}.… or NC_000017.10:${type}.… ` +
        'for a genomic position, or 123A>G for a position in the pasted sequence',
    };
  }
  const chrom = resolveChrom(name);
  if ('problem' in chrom) return chrom;
  if (type === 'm' && normalizeChrom(chrom.chrom) !== 'MT') {
    return { problem: `m. is for the mitochondrion, and ${name} is not it: write ${name}:g.…` };
  }
  const edit = readEdit(body!);
  if ('problem' in edit) return edit;
  return { variant: { chrom: chrom.chrom, ...edit, ...(chrom.note ? { note: chrom.note } : {}) } };
}

function readEdit(body: string): { pos: number; ref: string; alt: string } | { problem: string } {
  if (/[[\]]/.test(body)) return { problem: 'an HGVS allele in brackets lists several edits: write each as a variant' };
  const sub = EDITS.sub.exec(body);
  if (sub) {
    const pos = position(sub[1]!);
    return typeof pos === 'string' ? { problem: pos } : { pos, ref: sub[2]!.toUpperCase(), alt: sub[3]!.toUpperCase() };
  }
  const found = (['delins', 'del', 'dup', 'ins'] as const)
    .map((kind) => ({ kind, m: EDITS[kind].exec(body) }))
    .find((x) => x.m);
  if (!found) return { problem: `g.${body} is not an edit the app reads: it reads ${READS}` };
  const { kind } = found;
  const m = found.m!;
  const start = position(m[1]!),
    end = m[2] === undefined ? start : position(m[2]);
  if (typeof start === 'string') return { problem: start };
  if (typeof end === 'string') return { problem: end };
  if (end < start) return { problem: `a range runs from the lower position to the higher (g.${end}_${start}…)` };
  const span = end - start + 1;
  const at = span === 1 ? `${start}` : `${start}_${end}`;
  if (kind === 'ins') {
    if (end !== start + 1) {
      return { problem: `an insertion lies between two neighbouring positions (g.${start}_${start + 1}ins${m[3]})` };
    }
    return { pos: end, ref: '', alt: m[3]!.toUpperCase() };
  }
  const written = m[3]!.toUpperCase();
  const what = kind === 'dup' ? 'duplicated' : 'deleted';
  const bases = (n: number) => `${n} base${n > 1 ? 's' : ''}`;
  if (!written) {
    const word = kind === 'dup' ? 'dup' : 'del';
    return {
      problem:
        `the ${what} bases are not written, and the app checks a variant's bases against the reference ` +
        `before scoring it: write the ${bases(span)} of the reference at ${at.replace('_', '-')} after ${word} ` +
        `(g.${at}${word}…${kind === 'delins' ? `ins${m[4]}` : ''})`,
    };
  }
  if (written.length !== span) {
    return { problem: `g.${at} spans ${bases(span)}, but ${written} (${bases(written.length)}) is written` };
  }
  if (kind === 'del') return { pos: start, ref: written, alt: '' };
  // a duplication keeps the bases and repeats them, so the reference check still sees them
  if (kind === 'dup') return { pos: start, ref: written, alt: written + written };
  return { pos: start, ref: written, alt: m[4]!.toUpperCase() };
}

/** A 1-based position as typed (41209148 or 41,209,148), or why the text is not one. */
export function position(text: string): number | string {
  const n = readPosition(text);
  if (n === null) return `${text} is not a position: commas may only separate groups of three digits (41,209,148)`;
  return n >= 1 ? n : 'positions start at 1';
}
