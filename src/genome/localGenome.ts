// A genome opened from the user's disk (a .2bit, or a FASTA with its .fai, bgzipped with .gzi too), read through
// Blob slices so nothing is uploaded and only the asked region is read; a region comes back as a FASTA record
// named chrom:start-end, so the app analyses it as if pasted, with its genomic coordinates. A FASTA whose records
// are themselves regions (named chrom:start-end) gives any region inside one of them.

import { BgzipIndexedFasta, IndexedFasta } from '@gmod/indexedfasta';
import { TwoBitFile } from '@gmod/twobit';
import { BlobFile } from 'generic-filehandle2';
import { MAX_SEQUENCE_LENGTH } from './parseSequence';
import { normalizeChrom, parseRegion, readPosition } from './region';

/** The part of a File the readers need (a browser File; a Node Blob with a name in tests). */
export interface NamedBlob extends Blob {
  readonly name: string;
}

export interface LocalGenome {
  /** What was opened, e.g. "hg38.2bit" or "ref.fa.gz + .fai + .gzi". */
  label: string;
  sequences: { name: string; length: number }[];
  read(name: string, start: number, end: number): Promise<string>;
}

/** A file set that cannot be opened as a genome, or a region that cannot be read: the message says which and why. */
export class LocalGenomeError extends Error {}

const isTwoBit = async (f: Blob) => {
  const b = new DataView(await f.slice(0, 4).arrayBuffer());
  return b.byteLength === 4 && [0x1a412743, 0x4327411a].includes(b.getUint32(0, true));
};

/** Opens the chosen files: one .2bit, or a FASTA (.fa, .fasta, .fna, optionally .gz) with its .fai (and .gzi when bgzipped). */
export async function openLocalGenome(files: NamedBlob[]): Promise<LocalGenome> {
  const twoBit = (await Promise.all(files.map(async (f) => ((await isTwoBit(f)) ? f : null)))).find((f) => f !== null);
  if (twoBit) {
    const t = new TwoBitFile({ filehandle: new BlobFile(twoBit) });
    const sizes = await t.getSequenceSizes().catch((e: unknown) => {
      throw new LocalGenomeError(`${twoBit.name} cannot be read as 2bit: ${(e as Error).message}`);
    });
    return {
      label: twoBit.name,
      sequences: Object.entries(sizes).map(([name, length]) => ({ name, length })),
      read: async (n, s, e) => (await t.getSequence(n, s, e)) ?? '',
    };
  }
  const fasta = files.find((f) => /\.(fa|fasta|fna|fas)(\.gz|\.bgz)?$/i.test(f.name));
  if (!fasta)
    throw new LocalGenomeError(
      `none of ${files.map((f) => f.name).join(', ') || 'the files'} is a .2bit or a FASTA (.fa, .fasta, .fna, optionally .gz): choose a .2bit, or a FASTA with its .fai`,
    );
  const fai = files.find((f) => f.name === `${fasta.name}.fai`);
  if (!fai)
    throw new LocalGenomeError(
      `${fasta.name} needs its index ${fasta.name}.fai chosen with it (samtools faidx ${fasta.name} makes it): a FASTA is read by index, never whole`,
    );
  const head = new Uint8Array(await fasta.slice(0, 2).arrayBuffer());
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  let f: IndexedFasta;
  if (gz) {
    const gzi = files.find((x) => x.name === `${fasta.name}.gzi`);
    if (!gzi)
      throw new LocalGenomeError(
        `${fasta.name} is compressed, so it needs ${fasta.name}.gzi as well as .fai (bgzip it and run samtools faidx ${fasta.name})`,
      );
    f = new BgzipIndexedFasta({ fasta: new BlobFile(fasta), fai: new BlobFile(fai), gzi: new BlobFile(gzi) });
  } else f = new IndexedFasta({ fasta: new BlobFile(fasta), fai: new BlobFile(fai) });
  const sizes = await f.getSequenceSizes().catch((e: unknown) => {
    throw new LocalGenomeError(`${fai.name} cannot be read as a FASTA index: ${(e as Error).message}`);
  });
  return {
    label: `${fasta.name} + .fai${gz ? ' + .gzi' : ''}`,
    sequences: Object.entries(sizes).map(([name, length]) => ({ name, length })),
    read: async (n, s, e) => (await f.getSequence(n, s, e)) ?? '',
  };
}

/** A region as typed: chr17:41,196,312-41,277,500 (1-based, inclusive, commas grouping thousands). */
export function parseRegionText(text: string): { chrom: string; start: number; end: number } | null {
  const m = /^\s*([^:\s]+):([\d,]+)\s*-\s*([\d,]+)\s*$/.exec(text);
  if (!m) return null;
  const start = readPosition(m[2]!),
    end = readPosition(m[3]!);
  return start !== null && end !== null && start >= 1 && end >= start ? { chrom: m[1]!, start, end } : null;
}

/** Where a region's bases are: the sequence, the genomic position (1-based) of its first base, its chromosome. */
interface Holder {
  name: string;
  first: number;
  chrom: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');
/** The first eight names, and how many there are when more. */
const some = (names: string[]) => names.slice(0, 8).join(', ') + (names.length > 8 ? `, … ${names.length} in all` : '');

/**
 * The sequence that holds a region: the chromosome by name ('chr17' and '17' match), or else a record named as
 * a region (chr17:40577017-41752017, 1-based inclusive, as samtools writes them) that covers it.
 */
function holder(g: LocalGenome, r: { chrom: string; start: number; end: number }): Holder {
  const c = normalizeChrom(r.chrom);
  const whole = g.sequences.find((s) => s.name === r.chrom) ?? g.sequences.find((s) => normalizeChrom(s.name) === c);
  if (whole) {
    if (r.end > whole.length) {
      throw new LocalGenomeError(
        `${whole.name} is ${fmt(whole.length)} bases long: the region ends past it ` + `(${fmt(r.end)})`,
      );
    }
    return { name: whole.name, first: 1, chrom: whole.name };
  }
  const pieces = g.sequences
    .map((s) => ({ ...s, reg: parseRegion(s.name) }))
    .filter((x) => x.reg.end !== undefined && x.reg.chrom === c);
  if (!pieces.length) {
    const names = some(g.sequences.map((s) => s.name));
    throw new LocalGenomeError(`${g.label} has no sequence ${r.chrom} (it has ${names})`);
  }
  const hit = pieces.find((x) => x.reg.start <= r.start && r.end < x.reg.start + x.length);
  if (!hit) {
    throw new LocalGenomeError(
      `${g.label} holds ${r.chrom} only as ${some(pieces.map((x) => x.name))}: ` +
        `${r.chrom}:${r.start}-${r.end} is not inside ${pieces.length > 1 ? 'one of them' : 'it'}`,
    );
  }
  const named = hit.reg.end! - hit.reg.start + 1;
  if (named !== hit.length) {
    throw new LocalGenomeError(
      `${hit.name} holds ${fmt(hit.length)} bases, but its name spans ${fmt(named)}: ` +
        'the name does not give its coordinates',
    );
  }
  return { name: hit.name, first: hit.reg.start, chrom: hit.name.slice(0, hit.name.indexOf(':')) };
}

/**
 * The region as FASTA text (header chrom:start-end, the genome's own chromosome name), or a LocalGenomeError
 * saying what is wrong.
 */
export async function readRegion(g: LocalGenome, text: string): Promise<string> {
  const r = parseRegionText(text);
  if (!r) {
    throw new LocalGenomeError(
      `"${text}" is not a region: type chrom:start-end, e.g. chr17:41,196,312-41,277,500 ` + '(1-based, inclusive)',
    );
  }
  const h = holder(g, r);
  const len = r.end - r.start + 1;
  if (len > MAX_SEQUENCE_LENGTH) {
    throw new LocalGenomeError(
      `the region is ${fmt(len)} bases; the app analyses at most ${fmt(MAX_SEQUENCE_LENGTH)}: ` + 'narrow it',
    );
  }
  const bases = await g.read(h.name, r.start - h.first, r.end - h.first + 1);
  if (bases.length !== len) {
    throw new LocalGenomeError(
      `${g.label} gave ${bases.length} bases for ${h.chrom}:${r.start}-${r.end}, not ${len}: ` +
        'the index does not match the file',
    );
  }
  return `>${h.chrom}:${r.start}-${r.end}\n${bases.match(/.{1,80}/g)!.join('\n')}\n`;
}
