// Turns pasted text (raw sequence, FASTA, GenBank or EMBL) into model-ready records, with specific messages.

import type { SequenceFeature } from './features';
import { readFeatureTable } from './flatFeatures';
import { checkFlatRecord, flatFileAsFasta, type FlatFormat, type FlatRecord } from './flatFile';
import { SequenceInputError } from './inputError';

export interface SequenceRecord {
  name: string;
  /** Upper-case ACGTN, as the model reads it. */
  sequence: string;
  /** Soft-masked (lower-case) positions in the input, kept for display. */
  softMasked: Uint8Array;
  /** A GenBank/EMBL record's genes, mRNAs, CDS and exons (from its FEATURES table), for the annotation track. */
  features?: SequenceFeature[];
}

export interface ParseResult {
  records: SequenceRecord[];
  notices: string[];
}

export { SequenceInputError };

/** Largest sequence the app accepts (README, What the app does: Input). */
export const MAX_SEQUENCE_LENGTH = 100_000;

const IUPAC_AMBIGUOUS = new Set('RYSWKMBDHVryswkmbdhv');

/** At least this many letters before a sequence can be called protein from its letters alone. */
const PROTEIN_MIN_LETTERS = 10;

/** Text as lines: \n, \r\n or a lone \r end a line; a UTF-8 byte-order mark is not text. */
export function textLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/**
 * Parse raw sequence, (multi-record) FASTA, GenBank or EMBL. Whitespace and digits are ignored
 * (GenBank-style numbering), lower case is upper-cased but remembered, U reads as T and IUPAC codes
 * as N, each with a notice; any other character is an error naming its line and column. Protein,
 * contig records and flat-file records that do not hold the length they announce are refused.
 */
export function parseSequence(text: string, maxLength = MAX_SEQUENCE_LENGTH): ParseResult {
  const records: SequenceRecord[] = [];
  const notices: string[] = [];
  const counts: Counts = { lower: 0, u: 0, ambiguous: 0, gaps: 0 };
  let name = '';
  let named = false;
  let chunks: string[] = [];
  let length = 0;
  let hasRecord = false;
  let recordStart = { ...counts };
  let flatRecord: FlatRecord | undefined;

  const finish = () => {
    if (!hasRecord) return;
    const raw = chunks.join('');
    if (flatRecord) {
      const n = checkFlatRecord(flatRecord, raw.length);
      if (n) notices.push(n);
    }
    if (raw.length === 0) throw new SequenceInputError(`FASTA record "${name}" has no sequence.`);
    const ambiguous = counts.ambiguous - recordStart.ambiguous;
    const letters = raw.length - (counts.gaps - recordStart.gaps);
    if (letters >= PROTEIN_MIN_LETTERS && ambiguous * 2 > letters) {
      throw new SequenceInputError(
        `${flatRecord ? `${flatRecord.format} record "${name}"` : named ? `Record "${name}"` : 'The sequence'} looks like protein, not DNA: ` +
          `${ambiguous.toLocaleString('en-US')} of its ${letters.toLocaleString('en-US')} letters are amino-acid letters that DNA has only as rare ambiguity codes ` +
          '(R, Y, S, W, K, M, B, D, H, V). The models read DNA: paste the nucleotide sequence instead.',
      );
    }
    const softMasked = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++)
      if (raw.charCodeAt(i) >= 97) {
        softMasked[i] = 1;
        counts.lower++;
      }
    const table = flatRecord && readFeatureTable(flatRecord.table, raw.length, name);
    if (table) notices.push(...table.skipped);
    records.push({
      name,
      sequence: raw.toUpperCase(),
      softMasked,
      ...(table?.features.length ? { features: table.features } : {}),
    });
  };

  const raw = textLines(text);
  const flat = flatFileAsFasta(raw);
  const lines = flat?.lines ?? raw;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!;
    if (line.startsWith('>')) {
      finish();
      name = line.slice(1).trim().split(/\s+/)[0] || `record ${records.length + 1}`;
      named = true;
      flatRecord = flat?.records.get(ln);
      chunks = [];
      length = 0;
      hasRecord = true;
      recordStart = { ...counts };
      continue;
    }
    if (line.startsWith(';')) continue; // old FASTA comment lines
    let out = line.replace(/[\s\d]+/g, '');
    if (!/^[ACGTNacgtn]*$/.test(out)) out = cleanLine(line, ln, counts);
    if (!hasRecord && out.length > 0) {
      hasRecord = true;
      name = 'sequence';
    }
    length += out.length;
    if (length > maxLength) {
      throw new SequenceInputError(
        `The sequence is longer than ${maxLength.toLocaleString('en-US')} bases (the limit of this page); paste a shorter region.`,
        ln + 1,
      );
    }
    chunks.push(out);
  }
  finish();
  if (records.length === 0) throw new SequenceInputError('No sequence found: paste DNA bases or a FASTA record.');

  if (flat) notices.unshift(flatSummary([...flat.records.values()].map((r) => r.format)));
  if (counts.lower)
    notices.push(
      `${counts.lower.toLocaleString('en-US')} lower-case (soft-masked) bases are shown in lower case and read as upper case by the model.`,
    );
  if (counts.u) notices.push(`Read ${counts.u.toLocaleString('en-US')} U as T (RNA input).`);
  if (counts.ambiguous + counts.gaps)
    notices.push(`Read ${(counts.ambiguous + counts.gaps).toLocaleString('en-US')} ambiguity codes or gaps as N.`);
  return { records, notices };
}

/** "Read 1 GenBank record (the sequence block only)." or "Read 2 records: 1 GenBank, 1 EMBL (...)". */
function flatSummary(formats: FlatFormat[]): string {
  const n = formats.length;
  const by = (['GenBank', 'EMBL'] as const)
    .map((f) => [f, formats.filter((x) => x === f).length] as const)
    .filter(([, k]) => k > 0);
  const what =
    by.length === 1
      ? `${n} ${by[0]![0]} record${n > 1 ? 's' : ''}`
      : `${n} records: ${by.map(([f, k]) => `${k} ${f}`).join(', ')}`;
  return `Read ${what} (the sequence block${n > 1 ? 's' : ''} only).`;
}

interface Counts {
  lower: number;
  u: number;
  ambiguous: number;
  gaps: number;
}

/** Amino-acid letters that are no nucleotide code, and whether a line of letters reads as protein. */
const AMINO_ONLY = /[EFILPQJOXZ*]/i;
function readsAsProtein(line: string): boolean {
  const letters = line.replace(/[^A-Za-z*]/g, '');
  return (
    letters.length >= PROTEIN_MIN_LETTERS &&
    AMINO_ONLY.test(letters) &&
    letters.replace(/[^ACGTUNacgtun]/g, '').length * 2 < letters.length
  );
}

/** The slow path for a line with letters other than ACGTN: convert U and IUPAC codes, or fail. */
function cleanLine(line: string, ln: number, counts: Counts): string {
  let out = '';
  for (let col = 0; col < line.length; col++) {
    const ch = line[col]!;
    if (/[\s0-9]/.test(ch)) continue;
    if ('ACGTNacgtn'.includes(ch)) out += ch;
    else if (ch === 'U' || ch === 'u') {
      counts.u++;
      out += ch === 'U' ? 'T' : 't';
    } else if (IUPAC_AMBIGUOUS.has(ch)) {
      counts.ambiguous++;
      out += ch === ch.toUpperCase() ? 'N' : 'n';
    } else if (ch === '-' || ch === '.') {
      counts.gaps++;
      out += 'N';
    } else {
      const why = readsAsProtein(line)
        ? '; the line reads as protein (amino-acid letters), and the models read DNA: paste the nucleotide sequence instead.'
        : ' (expected A, C, G, T, U, N or an IUPAC code).';
      throw new SequenceInputError(
        `Line ${ln + 1}, column ${col + 1}: ${JSON.stringify(ch)} is not a nucleotide${why}`,
        ln + 1,
        col + 1,
      );
    }
  }
  return out;
}
