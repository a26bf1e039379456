// A VCF read line by line (plain, gzip or bgzip: the magic bytes decide, not the name), or only a region of a
// bgzipped VCF through its tabix (.tbi) or CSI index (@gmod/tabix). Memory stays bounded by one line (or one
// sub-window of a region) whatever the file's size.

import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { TabixIndexedFile } from '@gmod/tabix';
import { normalizeChrom, readPosition } from '../genome/region';

export interface VcfLine {
  text: string;
  /** 1-based line in the file; null for a region read by index (lines there have no number). */
  line: number | null;
}

export interface VcfStream {
  /** The ## meta lines and the #CHROM line. */
  header: string[];
  lines: AsyncIterable<VcfLine>;
}

/** A VCF that cannot be read: the message names the file. */
export class VcfStreamError extends Error {}

export const NO_HEADER = 'not a VCF: no "#CHROM POS ID REF ALT ..." header line';

/** `chr17:41,196,312-41,277,500` (1-based, inclusive, commas allowed) or a whole chromosome `chr17`. */
export interface GenomicRegion {
  chrom: string;
  start: number;
  end: number;
}

export function parseRegionArg(text: string): GenomicRegion | null {
  const m = /^([^:\s]+)(?::([\d,]+)-([\d,]+))?$/.exec(text.trim());
  if (!m) return null;
  if (m[2] === undefined) return { chrom: m[1]!, start: 1, end: Number.MAX_SAFE_INTEGER };
  const start = readPosition(m[2]),
    end = readPosition(m[3]!);
  return start !== null && end !== null && start >= 1 && end >= start ? { chrom: m[1]!, start, end } : null;
}

async function firstBytes(path: string, n: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of createReadStream(path, { start: 0, end: n - 1 }) as AsyncIterable<Buffer>) parts.push(b);
  return Buffer.concat(parts);
}

async function isGzip(path: string): Promise<boolean> {
  const b = await firstBytes(path, 2);
  return b[0] === 0x1f && b[1] === 0x8b;
}

/** Every line of the file, the header first (read until #CHROM), then the data lines as they are needed. */
async function wholeFile(path: string): Promise<VcfStream> {
  const raw = createReadStream(path);
  // Node's gunzip reads concatenated members, so one stream serves gzip and bgzip
  const input = (await isGzip(path)) ? raw.pipe(createGunzip()) : raw;
  const it = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const header: string[] = [];
  let n = 0;
  for (;;) {
    const r = await it.next();
    if (r.done) throw new VcfStreamError(`${path}: ${NO_HEADER}`);
    n++;
    const l = r.value.replace(/^\uFEFF/, '');
    if (l.startsWith('##')) header.push(l);
    else if (/^#CHROM\t/.test(l)) {
      header.push(l);
      break;
    } else if (l.trim() && !l.startsWith('#')) {
      raw.destroy();
      throw new VcfStreamError(`${path}: ${NO_HEADER}`);
    }
  }
  const start = n;
  return {
    header,
    lines: (async function* () {
      let line = start;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield { text: r.value, line: ++line };
      }
    })(),
  };
}

/** Bases per tabix query: lines are handed on one sub-window at a time, so memory does not grow with the region. */
const REGION_STEP = 1_000_000;

async function regionOf(path: string, region: GenomicRegion): Promise<VcfStream> {
  const head = await firstBytes(path, 18);
  if (!(head[0] === 0x1f && head[1] === 0x8b && head[3]! & 4 && head[12] === 66 && head[13] === 67)) {
    throw new VcfStreamError(
      `--region needs a bgzipped VCF, and ${path} is ${head[0] === 0x1f && head[1] === 0x8b ? 'gzipped but not bgzipped' : 'not compressed'}: bgzip it (bgzip -c IN.vcf > IN.vcf.gz) and index it (tabix -p vcf IN.vcf.gz)`,
    );
  }
  const tbi = [`${path}.tbi`, `${path}.csi`].find(existsSync);
  if (!tbi)
    throw new VcfStreamError(
      `--region needs an index of ${path}: no ${path}.tbi or ${path}.csi (make one with tabix -p vcf ${path}; the VCF must be bgzipped and sorted)`,
    );
  const file = new TabixIndexedFile(tbi.endsWith('.tbi') ? { path, tbiPath: tbi } : { path, csiPath: tbi });
  const header = (await file.getHeader()).split('\n').filter((l) => l.startsWith('#'));
  if (!header.some((l) => /^#CHROM\t/.test(l))) throw new VcfStreamError(`${path}: ${NO_HEADER}`);
  const names = await file.getReferenceSequenceNames();
  const want = normalizeChrom(region.chrom);
  const refName = names.find((n) => n === region.chrom) ?? names.find((n) => normalizeChrom(n) === want);
  const meta = await file.getMetadata();
  const last = Math.min(region.end, meta.maxRefLength || region.end);
  return {
    header,
    lines: (async function* () {
      if (refName === undefined) return; // no variant on that chromosome: an empty region, said by the summary
      for (let s = region.start; s <= last; s += REGION_STEP) {
        const e = Math.min(last, s + REGION_STEP - 1);
        const batch: string[] = [];
        // tabix returns records overlapping [s, e]; keep those that start there, so none is read twice
        await file.getLines(refName, s - 1, e, (line) => {
          const pos = Number(line.split('\t', 2)[1]);
          if (pos >= s && pos <= e) batch.push(line);
        });
        for (const text of batch) yield { text, line: null };
      }
    })(),
  };
}

export function openVcf(path: string, region?: GenomicRegion): Promise<VcfStream> {
  return region ? regionOf(path, region) : wholeFile(path);
}
