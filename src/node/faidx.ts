// Builds a samtools-style FASTA index (.fai) by streaming the file once, so a genome without one can be
// read by index. Format (samtools faidx): NAME, LENGTH, OFFSET of the first base, LINEBASES, LINEWIDTH.

import { createReadStream } from 'node:fs';

export interface FaiEntry {
  name: string;
  length: number;
  offset: number;
  lineBases: number;
  lineWidth: number;
}

/** A FASTA that cannot be indexed (a line of different length inside a sequence, no '>' header): says where. */
export class FaiError extends Error {}

/** The .fai text for `entries`, byte for byte what `samtools faidx` writes. */
export function faiText(entries: FaiEntry[]): string {
  return entries.map((e) => `${e.name}\t${e.length}\t${e.offset}\t${e.lineBases}\t${e.lineWidth}\n`).join('');
}

/**
 * Reads `path` once (any size: chunks, never the whole file) and returns its index entries. Every
 * sequence line but a record's last must hold the same number of bases, as samtools requires;
 * \n and \r\n line ends are both read.
 */
export async function buildFai(path: string): Promise<FaiEntry[]> {
  const entries: FaiEntry[] = [];
  let cur: (FaiEntry & { shortSeen: boolean; firstLine: boolean }) | null = null;
  let pos = 0; // file offset of the current chunk
  let lineNo = 1;
  let lineLen = 0; // bytes of the current line so far (without \n)
  let lastByte = -1; // last byte of the current line so far
  let header: number[] | null = null; // bytes of a '>' line being read
  let atLineStart = true;

  const endLine = (lineStartOffset: number, hadNewline: boolean) => {
    if (header) {
      const text = Buffer.from(header).toString('utf8').replace(/\r$/, '');
      const name = text.slice(1).trim().split(/\s+/)[0] ?? '';
      if (!name) throw new FaiError(`${path} line ${lineNo}: a '>' header without a name`);
      if (cur) entries.push(cur);
      cur = {
        name,
        length: 0,
        offset: lineStartOffset + lineLen + (hadNewline ? 1 : 0),
        lineBases: 0,
        lineWidth: 0,
        shortSeen: false,
        firstLine: true,
      };
      header = null;
      return;
    }
    const bases = lastByte === 13 ? lineLen - 1 : lineLen;
    const width = lineLen + (hadNewline ? 1 : 0);
    if (!cur) {
      if (bases > 0)
        throw new FaiError(
          `${path} line ${lineNo}: sequence before the first '>' header, so this is not a FASTA that can be indexed`,
        );
      return;
    }
    if (bases === 0) {
      cur.shortSeen = true;
      return;
    }
    if (cur.firstLine) {
      cur.lineBases = bases;
      cur.lineWidth = width;
      cur.firstLine = false;
      if (!hadNewline) cur.shortSeen = true;
    } else if (cur.shortSeen || bases > cur.lineBases) {
      throw new FaiError(
        `${path} line ${lineNo}: the lines of sequence ${cur.name} differ in length, so it cannot be read by index ` +
          `(samtools faidx needs every line but the last to hold ${cur.lineBases} bases; rewrap it, e.g. with seqkit seq -w 60)`,
      );
    } else if (bases < cur.lineBases) cur.shortSeen = true;
    cur.length += bases;
  };

  let lineStart = 0; // file offset where the current line began
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length) {
      if (atLineStart) {
        lineStart = pos + i;
        lineLen = 0;
        lastByte = -1;
        header = chunk[i] === 62 ? [] : null; // '>'
        atLineStart = false;
      }
      const nl = chunk.indexOf(10, i);
      const end = nl < 0 ? chunk.length : nl;
      if (header) for (let k = i; k < end; k++) header.push(chunk[k]!);
      if (end > i) lastByte = chunk[end - 1]!;
      lineLen += end - i;
      if (nl < 0) break;
      endLine(lineStart, true);
      lineNo++;
      atLineStart = true;
      i = nl + 1;
    }
    pos += chunk.length;
  }
  if (!atLineStart) endLine(lineStart, false);
  if (cur) entries.push(cur);
  if (entries.length === 0) throw new FaiError(`${path}: no '>' header, so this is not a FASTA that can be indexed`);
  return entries.map(({ name, length, offset, lineBases, lineWidth }) => ({
    name,
    length,
    offset,
    lineBases,
    lineWidth,
  }));
}
