// Turns pasted text (raw sequence, FASTA, GenBank or EMBL) into model-ready records, with specific messages.

export interface SequenceRecord {
  name: string;
  /** Upper-case ACGTN, as the model reads it. */
  sequence: string;
  /** Soft-masked (lower-case) positions in the input, kept for display. */
  softMasked: Uint8Array;
}

export interface ParseResult {
  records: SequenceRecord[];
  notices: string[];
}

export class SequenceInputError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
    this.name = 'SequenceInputError';
  }
}

/** Largest sequence the app accepts; see the README's limits section. */
export const MAX_SEQUENCE_LENGTH = 100_000;

const IUPAC_AMBIGUOUS = new Set('RYSWKMBDHVryswkmbdhv');

/**
 * GenBank and EMBL flat files, line for line, as FASTA: a record's first line becomes '>name', its
 * sequence block (ORIGIN / SQ to //) is kept upper-cased (lower case is their convention, not
 * soft-masking) and every other line becomes blank, so error messages keep the original line numbers.
 */
function flatFileAsFasta(lines: string[]): { lines: string[]; format: string } | null {
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const genbank = /^LOCUS\s/.test(first);
  if (!genbank && !/^ID {3}/.test(first)) return null;
  let inSeq = false;
  const out = lines.map((l) => {
    if (genbank ? /^LOCUS\s/.test(l) : /^ID {3}/.test(l)) {
      inSeq = false;
      return `>${(genbank ? l.slice(5) : l.slice(5)).trim().split(/[\s;]+/)[0] || 'record'}`;
    }
    if (l.startsWith('//')) { inSeq = false; return ''; }
    if (genbank ? /^ORIGIN/.test(l) : /^SQ {3}/.test(l)) { inSeq = true; return ''; }
    return inSeq ? l.toUpperCase() : '';
  });
  return { lines: out, format: genbank ? 'GenBank' : 'EMBL' };
}

/**
 * Parse raw sequence, (multi-record) FASTA, GenBank or EMBL. Whitespace and digits are ignored
 * (GenBank-style numbering), lower case is upper-cased but remembered, U reads as T and IUPAC codes
 * as N, each with a notice; any other character is an error naming its line and column.
 */
export function parseSequence(text: string, maxLength = MAX_SEQUENCE_LENGTH): ParseResult {
  const records: SequenceRecord[] = [];
  const counts = { lower: 0, u: 0, iupac: 0 };
  let name = '';
  let chunks: string[] = [];
  let length = 0;
  let hasRecord = false;

  const finish = () => {
    if (!hasRecord) return;
    const raw = chunks.join('');
    if (raw.length === 0) throw new SequenceInputError(`FASTA record "${name}" has no sequence.`);
    const softMasked = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) >= 97) { softMasked[i] = 1; counts.lower++; }
    records.push({ name, sequence: raw.toUpperCase(), softMasked });
  };

  const raw = text.split(/\r?\n/);
  const flat = flatFileAsFasta(raw);
  const lines = flat?.lines ?? raw;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!;
    if (line.startsWith('>')) {
      finish();
      name = line.slice(1).trim().split(/\s+/)[0] || `record ${records.length + 1}`;
      chunks = [];
      length = 0;
      hasRecord = true;
      continue;
    }
    if (line.startsWith(';')) continue; // old FASTA comment lines
    let out = line.replace(/[\s\d]+/g, '');
    if (!/^[ACGTNacgtn]*$/.test(out)) out = cleanLine(line, ln, counts);
    if (!hasRecord && out.length > 0) { hasRecord = true; name = 'sequence'; }
    length += out.length;
    if (length > maxLength) {
      throw new SequenceInputError(
        `The sequence is longer than ${maxLength.toLocaleString('en-US')} bases (the limit of this page); paste a shorter region.`, ln + 1);
    }
    chunks.push(out);
  }
  finish();
  if (records.length === 0) throw new SequenceInputError('No sequence found: paste DNA bases or a FASTA record.');

  const notices: string[] = [];
  if (flat) notices.push(`Read ${records.length} ${flat.format} record${records.length > 1 ? 's' : ''} (the sequence block only).`);
  if (counts.lower) notices.push(`${counts.lower.toLocaleString('en-US')} lower-case (soft-masked) bases are shown in lower case and read as upper case by the model.`);
  if (counts.u) notices.push(`Read ${counts.u.toLocaleString('en-US')} U as T (RNA input).`);
  if (counts.iupac) notices.push(`Read ${counts.iupac.toLocaleString('en-US')} ambiguity codes or gaps as N.`);
  return { records, notices };
}

/** The slow path for a line with letters other than ACGTN: convert U and IUPAC codes, or fail. */
function cleanLine(line: string, ln: number, counts: { u: number; iupac: number }): string {
  let out = '';
  for (let col = 0; col < line.length; col++) {
    const ch = line[col]!;
    if (/[\s0-9]/.test(ch)) continue;
    if ('ACGTNacgtn'.includes(ch)) out += ch;
    else if (ch === 'U' || ch === 'u') { counts.u++; out += ch === 'U' ? 'T' : 't'; }
    else if (IUPAC_AMBIGUOUS.has(ch)) { counts.iupac++; out += ch === ch.toUpperCase() ? 'N' : 'n'; }
    else if (ch === '-' || ch === '.') { counts.iupac++; out += 'N'; }
    else {
      const shown = JSON.stringify(ch);
      throw new SequenceInputError(
        `Line ${ln + 1}, column ${col + 1}: ${shown} is not a nucleotide (expected A, C, G, T, U, N or an IUPAC code).`,
        ln + 1, col + 1);
    }
  }
  return out;
}
