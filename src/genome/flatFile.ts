// GenBank and EMBL flat files, read line for line as FASTA so that error messages keep the original
// line numbers, with what each record says about itself (its length, whether it is a contig or a
// protein record) checked against what it holds.

import type { TableLine } from './flatFeatures';
import { SequenceInputError } from './inputError';

export type FlatFormat = 'GenBank' | 'EMBL';

export interface FlatRecord {
  format: FlatFormat;
  name: string;
  /** The length the record announces (LOCUS "717 bp", EMBL ID "1859 BP.", or the SQ line). */
  declared?: { length: number; where: string };
  /** 0-based line of the last line of the sequence block (ORIGIN / SQ when it is empty). */
  lastLine: number;
  /** Whether the record ends with its "//" line. */
  closed: boolean;
  /** The lines of its FEATURES table (GenBank) or FT lines (EMBL, "FT" blanked), for flatFeatures. */
  table: TableLine[];
}

const SPEC = {
  GenBank: { start: /^LOCUS\s/, seq: /^ORIGIN/, seqName: 'ORIGIN', contig: /^CONTIG\s/, contigName: 'its CONTIG line' },
  EMBL: { start: /^ID {3}/, seq: /^SQ {3}/, seqName: 'SQ', contig: /^CO {3}/, contigName: 'its CO lines' },
} as const;

const formatOf = (line: string): FlatFormat | null =>
  SPEC.GenBank.start.test(line) ? 'GenBank' : SPEC.EMBL.start.test(line) ? 'EMBL' : null;

const proteinError = (r: { format: FlatFormat; name: string }, why: string, ln: number) =>
  new SequenceInputError(
    `${r.format} record "${r.name}" is a protein record (${why}); the models read DNA. Fetch the nucleotide record it was translated ` +
      'from (its /coded_by qualifier or DBSOURCE line names it) and paste that.',
    ln + 1,
  );

/**
 * The lines as FASTA: a record's first line becomes '>name', its sequence block (ORIGIN / SQ to //)
 * is kept upper-cased (lower case is the flat files' convention, not soft-masking) and every other
 * line becomes blank. GenBank and EMBL records may follow each other. Null when the text does not
 * start with a LOCUS or ID line. Throws for records that hold no bases or hold protein.
 */
export function flatFileAsFasta(lines: string[]): { lines: string[]; records: Map<number, FlatRecord> } | null {
  const first = lines.find((l) => l.trim() !== '') ?? '';
  if (!formatOf(first)) return null;
  const records = new Map<number, FlatRecord>(); // by the line of its '>name'
  let rec: (FlatRecord & { line: number; inSeq: boolean; sawSeq: boolean; contig: boolean; inTable: boolean }) | null =
    null;
  const close = () => {
    if (!rec || rec.sawSeq) return;
    const spec = SPEC[rec.format];
    if (rec.contig) {
      throw new SequenceInputError(
        `${rec.format} record "${rec.name}" is a contig (CON) record: it lists the pieces it is assembled from ` +
          `(${spec.contigName}) but holds no bases. Fetch the sequence itself, as FASTA (NCBI efetch rettype=fasta, or ENA's FASTA download) ` +
          'or as GenBank with its sequence (rettype=gbwithparts), and paste that.',
        rec.line + 1,
      );
    }
    throw new SequenceInputError(
      `${rec.format} record "${rec.name}" has no ${spec.seqName} block, so no bases: fetch the record with its sequence, or as FASTA.`,
      rec.line + 1,
    );
  };
  const out = lines.map((l, ln) => {
    const format = formatOf(l);
    if (format) {
      close();
      const name =
        l
          .slice(5)
          .trim()
          .split(format === 'GenBank' ? /\s+/ : /[\s;]+/)[0] || 'record';
      const m = format === 'GenBank' ? /\s(\d+)\s+(bp|aa)\b/i.exec(l) : /\s(\d+)\s+(BP|AA)\.\s*$/i.exec(l);
      rec = {
        ...{ format, name, lastLine: ln, closed: false, table: [], line: ln },
        ...{ inSeq: false, sawSeq: false, contig: false, inTable: false },
      };
      if (m && m[2]!.toLowerCase() === 'aa')
        throw proteinError(rec, `its ${format === 'GenBank' ? 'LOCUS' : 'ID'} line says ${m[1]} ${m[2]}`, ln);
      if (m)
        rec.declared = {
          length: Number(m[1]),
          where: `its ${format === 'GenBank' ? 'LOCUS' : 'ID'} line says ${m[1]} ${m[2]}`,
        };
      records.set(ln, rec);
      return `>${name}`;
    }
    if (!rec) return '';
    const spec = SPEC[rec.format];
    if (rec.closed) {
      if (l.trim() === '') return '';
      const shown = l.length > 40 ? `${l.slice(0, 40)}…` : l;
      throw new SequenceInputError(
        `Line ${ln + 1}: ${JSON.stringify(shown)} follows the end ("//") of ${rec.format} record "${rec.name}" but does not start ` +
          'a new record (a LOCUS or ID line); remove it, or paste it separately.',
        ln + 1,
      );
    }
    if (l.startsWith('//')) {
      rec.closed = true;
      rec.inSeq = false;
      return '';
    }
    if (rec.inSeq) {
      rec.lastLine = ln;
      return l.toUpperCase();
    }
    if (spec.seq.test(l)) {
      rec.inSeq = rec.sawSeq = true;
      rec.lastLine = ln;
      const sq = /Sequence\s+(\d+)\s+BP;/i.exec(l);
      if (rec.format === 'EMBL' && sq && !rec.declared)
        rec.declared = { length: Number(sq[1]), where: `its SQ line says ${sq[1]} BP` };
      return '';
    }
    if (rec.format === 'EMBL' && l.startsWith('FT')) rec.table.push({ text: `  ${l.slice(2)}`, line: ln });
    if (rec.format === 'GenBank') {
      // the table runs from its FEATURES line to the next line that starts in column 1
      if (/^FEATURES\s/.test(l)) rec.inTable = true;
      else if (rec.inTable && /^\S/.test(l)) rec.inTable = false;
      else if (rec.inTable) rec.table.push({ text: l, line: ln });
    }
    if (spec.contig.test(l)) rec.contig = true;
    if (/\/mol_type="protein"/.test(l)) throw proteinError(rec, '/mol_type="protein"', ln);
    return '';
  });
  close();
  return { lines: out, records };
}

/** A record's bases against what it announced: throws on a mismatch, returns a notice when it has no "//". */
export function checkFlatRecord(r: FlatRecord, length: number): string | null {
  if (r.declared && r.declared.length !== length) {
    const tail = r.closed ? '' : ', and the record has no closing "//" line, so the text was probably cut short';
    throw new SequenceInputError(
      `${r.format} record "${r.name}" has ${length.toLocaleString('en-US')} bases, but ${r.declared.where}: ` +
        `its sequence stops at line ${r.lastLine + 1}${tail}. ${length < r.declared.length ? 'Paste the whole record.' : 'The record is inconsistent; fetch it again.'}`,
      r.lastLine + 1,
    );
  }
  if (length === 0)
    throw new SequenceInputError(
      `${r.format} record "${r.name}" has an empty ${SPEC[r.format].seqName} block (no bases).`,
      r.lastLine + 1,
    );
  if (r.closed) return null;
  return r.declared
    ? `${r.format} record "${r.name}" has no closing "//" line; its ${length.toLocaleString('en-US')} bases match ${r.declared.where.replace(/ says .*/, '')}, so it was read.`
    : `${r.format} record "${r.name}" has no closing "//" line and gives no length to check it against: it may be cut short.`;
}
