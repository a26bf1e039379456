// A reference genome read by index, never whole: FASTA + .fai, bgzipped FASTA + .fai + .gzi (@gmod/indexedfasta),
// .2bit (@gmod/twobit). A small FASTA without an index (or plain gzip, or GenBank/EMBL) is read whole, as the
// CLI always did; a large plain FASTA without .fai gets one built once, beside it or in a cache folder.

import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { BgzipIndexedFasta, IndexedFasta } from '@gmod/indexedfasta';
import { TwoBitFile } from '@gmod/twobit';
import type { RecordSpan } from '../genome/locate';
import { buildFai, faiText } from './faidx';
import { readFasta } from './data';

export interface Reference {
  /** How the genome is read, for the progress line ('by index X.fai', 'whole, in memory'). */
  how: string;
  records: RecordSpan[];
  /** Bases [start, end) of record `record`, upper-case, anything but A, C, G, T read as N (as a pasted FASTA). */
  fetch(record: number, start: number, end: number): Promise<string>;
}

/** A reference that cannot be opened: the message names the file (and the command that makes a missing index). */
export class ReferenceError extends Error {}

export interface ReferenceOptions {
  /** Plain FASTA up to this size without a .fai is read whole (default 64 MiB); larger gets an index built. */
  inMemoryMax?: number;
  /** Where an index goes when the FASTA's folder is not writable (default $GLM_CACHE or ~/.cache/glm-playground). */
  cacheDir?: string;
  /** Messages (an index built, and where). */
  note?: (msg: string) => void;
}

export const IN_MEMORY_MAX = 64 * 1024 * 1024;

/** Upper-case; U reads as T and every other letter (IUPAC codes, gaps) as N, as parseSequence reads a paste. */
export function cleanBases(s: string): string {
  return s
    .toUpperCase()
    .replace(/U/g, 'T')
    .replace(/[^ACGT]/g, 'N');
}

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

type Kind = '2bit' | 'bgzip' | 'gzip' | 'text';

function kindOf(path: string): Kind {
  const b = head(path, 18);
  const magic = b.length >= 4 ? b.readUInt32LE(0) : 0;
  if (magic === 0x1a412743 || magic === 0x4327411a) return '2bit';
  if (b[0] === 0x1f && b[1] === 0x8b) {
    // BGZF: gzip with the FEXTRA flag and a 'BC' subfield (SAM/BAM spec 4.1)
    return b[3]! & 4 && b[12] === 66 && b[13] === 67 ? 'bgzip' : 'gzip';
  }
  return 'text';
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The .fai to use for a plain FASTA: beside it, or in the cache folder keyed by path, size and time. */
async function ensureFai(path: string, opts: ReferenceOptions): Promise<string> {
  const beside = `${path}.fai`;
  if (existsSync(beside)) return beside;
  const st = statSync(path);
  const key = createHash('sha1')
    .update(`${resolve(path)}\0${st.size}\0${st.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
  const cacheDir = join(
    opts.cacheDir ??
      process.env.GLM_CACHE ??
      join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'glm-playground'),
    'fai',
  );
  const cached = join(cacheDir, `${basename(path)}.${key}.fai`);
  if (existsSync(cached)) {
    opts.note?.(`${path}: using the index built earlier in the cache folder, ${cached}`);
    return cached;
  }
  const target = writable(dirname(path)) ? beside : cached;
  const t0 = performance.now();
  const entries = await buildFai(path);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`; // another process may build the same index: the rename is atomic
  writeFileSync(tmp, faiText(entries));
  renameSync(tmp, target);
  opts.note?.(
    `${path} had no index: built ${target} (samtools faidx format, ${entries.length} sequences) in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      (target === cached ? `; ${dirname(path)} is not writable, so it is in the cache folder ${cacheDir}` : ''),
  );
  return target;
}

function indexed(how: string, f: IndexedFasta, names: string[], sizes: Record<string, number>): Reference {
  return {
    how,
    records: names.map((name) => ({ name, length: sizes[name]! })),
    fetch: async (r, start, end) => cleanBases((await f.getSequence(names[r]!, start, end)) ?? ''),
  };
}

/** Opens `path` as a reference genome (see the module comment for which files need which index). */
export async function openReference(path: string, opts: ReferenceOptions = {}): Promise<Reference> {
  const kind = kindOf(path);
  if (kind === '2bit') {
    const t = new TwoBitFile({ path });
    const sizes = await t.getSequenceSizes();
    const names = Object.keys(sizes);
    return {
      how: 'by its 2bit index',
      records: names.map((name) => ({ name, length: sizes[name]! })),
      fetch: async (r, start, end) => cleanBases((await t.getSequence(names[r]!, start, end)) ?? ''),
    };
  }
  if (kind === 'bgzip') {
    const missing = [`${path}.fai`, `${path}.gzi`].filter((p) => !existsSync(p));
    if (missing.length)
      throw new ReferenceError(
        `${path} is bgzipped but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: make ${missing.length > 1 ? 'them' : 'it'} with samtools faidx ${path}`,
      );
    const f = new BgzipIndexedFasta({ path, faiPath: `${path}.fai`, gziPath: `${path}.gzi` });
    return indexed(
      `by index (${basename(path)}.fai + .gzi)`,
      f,
      await f.getSequenceNames(),
      await f.getSequenceSizes(),
    );
  }
  const size = statSync(path).size;
  const fai = `${path}.fai`;
  if (kind === 'text' && (existsSync(fai) || size > (opts.inMemoryMax ?? IN_MEMORY_MAX))) {
    const faiPath = await ensureFai(path, opts);
    const f = new IndexedFasta({ path, faiPath });
    return indexed(`by index (${faiPath})`, f, await f.getSequenceNames(), await f.getSequenceSizes());
  }
  if (kind === 'gzip' && size > (opts.inMemoryMax ?? IN_MEMORY_MAX)) {
    throw new ReferenceError(
      `${path} is gzipped (not bgzipped), so it cannot be read by index and is too large to read whole: recompress it with bgzip (gunzip -c ${path} | bgzip > REF.fa.gz) and index it with samtools faidx`,
    );
  }
  const records = readFasta(path);
  return {
    how: 'whole, in memory',
    records: records.map((r) => ({ name: r.name, length: r.sequence.length })),
    fetch: async (r, start, end) => records[r]!.sequence.slice(start, end),
  };
}
