// Node-side readers for the shared data (used by the CLI, tests and eval): (gzipped) FASTA, the BRCA1 SGE table, the training split.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CONTRACT_MARKOV_CONFIG, CONTRACT_SHARED_DATA } from '../contracts';
import { parseSequence, type SequenceRecord } from '../genome/parseSequence';
import { REPO_ROOT } from './nodeRuntime';

const sharedEnv = process.env[CONTRACT_SHARED_DATA.env];
/** The shared data folder: $GLM_SHARED_DATA, or ../shared/data beside the repository. */
export const SHARED_DATA = sharedEnv ? resolve(sharedEnv) : resolve(REPO_ROOT, CONTRACT_SHARED_DATA.prefix);
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

/** A repository-relative data path as configs write it, with the shared data prefix read from SHARED_DATA. */
export function dataPath(path: string): string {
  const { prefix } = CONTRACT_SHARED_DATA;
  return path.startsWith(prefix) ? join(SHARED_DATA, path.slice(prefix.length)) : join(REPO_ROOT, path);
}

/** What the Markov baselines count k-mers on: a config's genome files and the records training keeps of them. */
export interface TrainingSplit {
  genomes: string[];
  minLength: number;
  valEvery: number;
}

/** The split of a training config whose genomes are plain files (regions.load_data); null for region mixes. */
export function trainingSplit(config: unknown): TrainingSplit | null {
  type Config = { data?: { genomes?: unknown[]; val_every?: unknown }; model?: { context?: unknown } } | undefined;
  const c = config as Config;
  const genomes = c?.data?.genomes;
  if (!genomes?.length || !genomes.every((g): g is string => typeof g === 'string')) return null;
  const context = c!.model?.context ?? 512,
    valEvery = c!.data!.val_every ?? 0;
  if (!Number.isInteger(context) || !Number.isInteger(valEvery)) {
    const found = `${JSON.stringify(context)}, ${JSON.stringify(valEvery)}`;
    throw new Error(`training config: model.context and data.val_every must be integers (found ${found})`);
  }
  return { genomes, minLength: context as number, valEvery: valEvery as number };
}

/** The split the chr22 models train on, from the training config contracts.json names. */
export function chr22Training(): TrainingSplit {
  const path = join(REPO_ROOT, CONTRACT_MARKOV_CONFIG);
  const split = trainingSplit(JSON.parse(readFileSync(path, 'utf8')));
  if (!split) throw new Error(`${path}: data.genomes must be a list of files for the Markov baselines`);
  return split;
}

/** Indices of the records training keeps: at least `minLength` bases, minus every `valEvery`-th record of the file. */
export function keptRecords(lengths: number[], minLength: number, valEvery: number): number[] {
  return lengths.flatMap((n, i) => (n >= minLength && !(valEvery && i % valEvery === valEvery - 1) ? [i] : []));
}

/** The records training/train.py trains on (keptRecords of each file). */
export function trainingRecords({ genomes, minLength, valEvery }: TrainingSplit): SequenceRecord[] {
  return genomes.flatMap((p) => {
    const records = readFasta(dataPath(p));
    return keptRecords(
      records.map((r) => r.sequence.length),
      minLength,
      valEvery,
    ).map((i) => records[i]!);
  });
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
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${path}: no column ${name}`);
    return i;
  };
  const idx = {
    chrom: at('chrom'),
    pos: at('pos'),
    ref: at('ref'),
    alt: at('alt'),
    exon: at('exon'),
    consequence: at('consequence'),
    score: at('function_score'),
    cls: at('func_class'),
  };
  return lines.map((l) => {
    const f = l.split('\t');
    return {
      chrom: f[idx.chrom]!,
      pos: Number(f[idx.pos]),
      ref: f[idx.ref]!,
      alt: f[idx.alt]!,
      exon: f[idx.exon]!,
      consequence: f[idx.consequence]!,
      functionScore: Number(f[idx.score]),
      funcClass: f[idx.cls] as SgeVariant['funcClass'],
    };
  });
}
