// Node-side readers for the shared data (used by the CLI, tests and eval): (gzipped) FASTA, the BRCA1 SGE table, the training split.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseSequence, type SequenceRecord } from '../genome/parseSequence';
import { REPO_ROOT } from './nodeRuntime';

export const SHARED_DATA = process.env.GLM_SHARED_DATA ?? join(REPO_ROOT, '../shared/data');
export const BRCA1_FASTA = join(SHARED_DATA, 'brca1/chr17_BRCA1_region_hg19.fa');
export const BRCA1_DEV_TSV = join(SHARED_DATA, 'brca1/brca1_sge_dev.tsv');

/** Read a plain or gzipped text file (gzip is recognised by its magic bytes, not the name). */
export function readText(path: string): string {
  const buf = readFileSync(path);
  return (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf).toString('utf8');
}

export function readFasta(path: string): SequenceRecord[] {
  return parseSequence(readText(path), Infinity).records;
}

/** The split the chr22 models train on (training/config/*_hybrid.json): records of at least 512 bp, every 50th held out. */
export const CHR22_TRAINING = { genomes: ['../shared/data/genomes/human_hg19_chr22_segments.fa.gz'], minLength: 512, valEvery: 50 } as const;

/**
 * The records training/train.py trains on: at least `minLength` bases, minus every
 * `valEvery`-th record (held out for validation).
 */
export function trainingRecords(paths: string[], minLength: number, valEvery: number): SequenceRecord[] {
  return paths.flatMap((p) => readFasta(join(REPO_ROOT, p)).filter((r, i) => r.sequence.length >= minLength && !(valEvery && i % valEvery === valEvery - 1)));
}

export interface SgeVariant {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  exon: string;
  consequence: string;
  functionScore: number;
  funcClass: 'FUNC' | 'INT' | 'LOF';
}

export function readSge(path = BRCA1_DEV_TSV): SgeVariant[] {
  const [header, ...lines] = readText(path).trim().split('\n');
  const cols = header!.split('\t');
  const at = (name: string) => { const i = cols.indexOf(name); if (i < 0) throw new Error(`${path}: no column ${name}`); return i; };
  const idx = { chrom: at('chrom'), pos: at('pos'), ref: at('ref'), alt: at('alt'), exon: at('exon'), consequence: at('consequence'), score: at('function_score'), cls: at('func_class') };
  return lines.map((l) => {
    const f = l.split('\t');
    return { chrom: f[idx.chrom]!, pos: Number(f[idx.pos]), ref: f[idx.ref]!, alt: f[idx.alt]!, exon: f[idx.exon]!,
      consequence: f[idx.consequence]!, functionScore: Number(f[idx.score]), funcClass: f[idx.cls] as SgeVariant['funcClass'] };
  });
}
