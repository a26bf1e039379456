// A generated genome for the genome-scoring bench: hg38's chromosome lengths scaled to any size, bases from a
// seeded random block (so any base can be computed without reading the files back), written as FASTA, 2bit
// and a sorted VCF of SNVs whose REF is the generated base. Never committed: the bench makes it in a temp folder.

import { createWriteStream, type WriteStream } from 'node:fs';
import { writeTwoBit } from '../node/twoBitWriter';

/** GRCh38 primary chromosomes (chr1-22, X, Y, M), 3.1 Gb in all. */
const HG38: [string, number][] = [
  ['chr1', 248956422],
  ['chr2', 242193529],
  ['chr3', 198295559],
  ['chr4', 190214555],
  ['chr5', 181538259],
  ['chr6', 170805979],
  ['chr7', 159345973],
  ['chr8', 145138636],
  ['chr9', 138394717],
  ['chr10', 133797422],
  ['chr11', 135086622],
  ['chr12', 133275309],
  ['chr13', 114364328],
  ['chr14', 107043718],
  ['chr15', 101991189],
  ['chr16', 90338345],
  ['chr17', 83257441],
  ['chr18', 80373285],
  ['chr19', 58617616],
  ['chr20', 64444167],
  ['chr21', 46709983],
  ['chr22', 50818468],
  ['chrX', 156040895],
  ['chrY', 57227415],
  ['chrM', 16569],
];

/** Leading N run of every chromosome (a telomere gap, as in real assemblies). */
const GAP = 10_000;
const BLOCK = 1 << 22;

export interface SyntheticGenome {
  chroms: { name: string; length: number }[];
  /** The random bases every chromosome reads from its own offset. */
  block: Buffer;
  /** Where base i of chromosome c is in `block` (past the leading gap). */
  at(c: number, i: number): number;
}

/** Base i (0-based) of chromosome c. */
export function baseAt(g: SyntheticGenome, c: number, i: number): string {
  return i < GAP ? 'N' : String.fromCharCode(g.block[g.at(c, i)]!);
}

/** `scale`: fraction of hg38's length (1 = 3.1 Gb); chromosomes keep at least 2 * GAP bases. */
export function syntheticGenome(scale: number, seed = 1): SyntheticGenome {
  let x = seed >>> 0 || 1;
  const block = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = 'ACGT'.charCodeAt((x >>> 0) & 3);
  }
  const chroms = HG38.map(([name, len]) => ({ name, length: Math.max(2 * GAP, Math.round(len * scale)) }));
  // each chromosome reads the block from its own offset, so chromosomes differ
  const at = (c: number, i: number) => (c * 1_000_003 + i) & (BLOCK - 1);
  return { chroms, block, at };
}

function write(out: WriteStream, b: Buffer | string): Promise<void> {
  return out.write(b) ? Promise.resolve() : new Promise((r) => out.once('drain', () => r()));
}

/** The sequence of chromosome `c` as bytes [from, to), as FASTA lines of 60 hold it. */
function bytes(g: SyntheticGenome, c: number, from: number, to: number): Buffer {
  const { block, at } = g;
  const out = Buffer.alloc(to - from);
  for (let i = from; i < to;) {
    if (i < GAP) {
      const n = Math.min(GAP, to) - i;
      out.fill(78, i - from, i - from + n);
      i += n;
      continue;
    }
    const o = at(c, i);
    const n = Math.min(to - i, BLOCK - o);
    block.copy(out, i - from, o, o + n);
    i += n;
  }
  return out;
}

/** FASTA with 60 bases a line (samtools faidx can index it), written chunk by chunk. */
export async function writeSyntheticFasta(g: SyntheticGenome, path: string): Promise<void> {
  const out = createWriteStream(path);
  const LINES = 16_384;
  for (const [c, { name, length }] of g.chroms.entries()) {
    await write(out, `>${name} synthetic\n`);
    for (let from = 0; from < length; from += 60 * LINES) {
      const seq = bytes(g, c, from, Math.min(length, from + 60 * LINES));
      const lines = Buffer.alloc(seq.length + Math.ceil(seq.length / 60));
      let o = 0;
      for (let k = 0; k < seq.length; k += 60) {
        o += seq.copy(lines, o, k, Math.min(seq.length, k + 60));
        lines[o++] = 10;
      }
      await write(out, lines.subarray(0, o));
    }
  }
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

export function writeSyntheticTwoBit(g: SyntheticGenome, path: string): void {
  writeTwoBit(
    path,
    g.chroms,
    (function* () {
      for (const [c, { name, length }] of g.chroms.entries()) yield { name, sequence: bytes(g, c, 0, length) };
    })(),
  );
}

/** `n` SNVs spread over the genome by length, sorted, REF the generated base; VCF text. */
export function syntheticVcf(g: SyntheticGenome, n: number, seed = 7): string {
  let x = seed;
  const rand = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  const total = g.chroms.reduce((a, c) => a + c.length - GAP, 0);
  const sites = Array.from({ length: n }, () => Math.floor(rand() * total)).sort((a, b) => a - b);
  const lines = ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];
  let c = 0,
    before = 0;
  for (const s of sites) {
    while (s >= before + g.chroms[c]!.length - GAP) before += g.chroms[c++]!.length - GAP;
    const i = GAP + s - before;
    const ref = baseAt(g, c, i);
    lines.push(
      `${g.chroms[c]!.name}\t${i + 1}\t.\t${ref}\t${'ACGT'.replace(ref, '')[Math.floor(rand() * 3)]}\t.\t.\t.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
