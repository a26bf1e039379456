// Writes UCSC .2bit files (the format of faToTwoBit: 2 bits per base, N runs and lower-case runs as blocks),
// for the test fixtures and the bench's generated genome: Debian packages no faToTwoBit. Read back by @gmod/twobit.

import { openSync, writeSync, closeSync } from 'node:fs';

export interface TwoBitRecord {
  name: string;
  sequence: string | Uint8Array;
}

// byte -> 2-bit code (T 0, C 1, A 2, G 3; anything else packs as T and goes in an N block), and the byte classes
const CODE = new Uint8Array(256);
const IS_N = new Uint8Array(256).fill(1);
const IS_LOWER = new Uint8Array(256);
for (const [i, ch] of [...'TCAG'].entries()) {
  for (const c of [ch, ch.toLowerCase()]) {
    CODE[c.charCodeAt(0)] = i;
    IS_N[c.charCodeAt(0)] = 0;
  }
}
for (let c = 97; c <= 122; c++) IS_LOWER[c] = 1;

/** Runs of positions whose byte class is 1, as [starts, sizes]. */
function runs(seq: Uint8Array, cls: Uint8Array): [number[], number[]] {
  const starts: number[] = [],
    sizes: number[] = [];
  for (let i = 0; i < seq.length;) {
    if (!cls[seq[i]!]) {
      i++;
      continue;
    }
    let j = i;
    while (j < seq.length && cls[seq[j]!]) j++;
    starts.push(i);
    sizes.push(j - i);
    i = j;
  }
  return [starts, sizes];
}

function u32(values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => b.writeUInt32LE(v, i * 4));
  return b;
}

function recordBytes(sequence: string | Uint8Array): Buffer {
  const seq = typeof sequence === 'string' ? Buffer.from(sequence, 'latin1') : sequence;
  const [nStarts, nSizes] = runs(seq, IS_N);
  const [mStarts, mSizes] = runs(seq, IS_LOWER);
  const dna = Buffer.alloc(Math.ceil(seq.length / 4));
  const full = seq.length >> 2;
  for (let k = 0; k < full; k++) {
    const i = k << 2;
    dna[k] = (CODE[seq[i]!]! << 6) | (CODE[seq[i + 1]!]! << 4) | (CODE[seq[i + 2]!]! << 2) | CODE[seq[i + 3]!]!;
  }
  for (let i = full << 2; i < seq.length; i++) dna[i >> 2]! |= CODE[seq[i]!]! << (6 - 2 * (i & 3));
  return Buffer.concat([
    u32([seq.length, nStarts.length, ...nStarts, ...nSizes, mStarts.length, ...mStarts, ...mSizes, 0]),
    dna,
  ]);
}

/**
 * Writes `records` to `path`. `records` may be a generator: each record is packed and written in turn, so
 * a genome far larger than memory allows as one string can be written chromosome by chromosome, given
 * the names and lengths up front (the index precedes the sequences).
 */
export function writeTwoBit(
  path: string,
  names: { name: string; length: number }[],
  records: Iterable<TwoBitRecord>,
): void {
  const indexSize = names.reduce((n, r) => n + 1 + Buffer.byteLength(r.name) + 4, 0);
  let offset = 16 + indexSize;
  const header = Buffer.alloc(16);
  header.writeUInt32LE(0x1a412743, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(names.length, 8);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header);
    // the offsets need each record's size: N and mask blocks are known only from the sequence, so the
    // index is written last, into the space kept for it
    const index: Buffer[] = [];
    let pos = 16 + indexSize;
    for (const r of records) {
      const bytes = recordBytes(r.sequence);
      const name = Buffer.from(r.name);
      const entry = Buffer.alloc(1 + name.length + 4);
      entry.writeUInt8(name.length, 0);
      name.copy(entry, 1);
      entry.writeUInt32LE(offset, 1 + name.length);
      index.push(entry);
      writeSync(fd, bytes, 0, bytes.length, pos);
      pos += bytes.length;
      offset += bytes.length;
    }
    if (index.length !== names.length)
      throw new Error(`writeTwoBit: ${names.length} names but ${index.length} records`);
    writeSync(fd, Buffer.concat(index), 0, indexSize, 16);
  } finally {
    closeSync(fd);
  }
}
