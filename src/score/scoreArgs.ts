// npm run score's settings, its exit statuses, the error that carries one, and the command line read into
// settings (every option checked, a wrong one named with what it expects).

import { parseArgs } from 'node:util';
import type { ScoreMethod } from '../analysis/variantEffect';
import { parseRegionArg, type GenomicRegion } from '../node/vcfStream';
import type { OutputFormat } from './scoreOutput';

export interface ScoreArgs {
  model: string;
  /** FASTA (plain, gzip, bgzip + .fai + .gzi; with or without .fai) or .2bit. */
  fasta: string;
  vcf: string;
  method?: ScoreMethod;
  window?: number;
  bothStrands?: boolean;
  /** Only the VCF records whose POS lies here (needs a tabix or CSI index). */
  region?: GenomicRegion;
  outputFormat?: OutputFormat;
  /** Scoring workers (worker_threads); 1 scores on the main thread. */
  threads?: number;
  /** Score only shard `index` (1-based) of `count`: a run of whole batches, the same for every run. */
  shard?: { index: number; count: number };
  /** VCF lines per batch (default BATCH_LINES); shards of one VCF must use the same. */
  batchLines?: number;
  backend?: 'wasm' | 'cpu';
  inMemoryMax?: number;
  cacheDir?: string;
}

/** Exit statuses of npm run score. */
export const EXIT = {
  /** The table was written and at least one variant has a score. */
  ok: 0,
  /** Nothing could be scored: an input is not a readable FASTA or VCF, holds no variant, or no variant could be scored (the table says why). */
  nothingScored: 1,
  /** The command is wrong: an option missing or unknown, a file that does not exist, a bad --window, or a --method the model cannot run. */
  usage: 2,
} as const;

/** A failure that ends the command with one line on stderr and an exit status. */
export class ScoreError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'ScoreError';
  }
}

/** Lines per batch (the unit of work, of a worker and of a shard) unless --batch says otherwise. */
export const BATCH_LINES = 256;

const USAGE =
  'usage: npm run score -- --model public/models/<id> --fasta REF.fa|REF.2bit --vcf IN.vcf[.gz] [--method masked|wt|dll|influence] [--window N] [--both-strands] ' +
  '[--region chr:start-end] [--output-format tsv|vcf] [--threads N] [--shard i/n] [--batch N] > OUT.tsv';

const usage = (message: string) => new ScoreError(message, EXIT.usage);

function readOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        model: { type: 'string' },
        fasta: { type: 'string' },
        vcf: { type: 'string' },
        method: { type: 'string' },
        window: { type: 'string' },
        'both-strands': { type: 'boolean', default: false },
        backend: { type: 'string', default: 'wasm' },
        region: { type: 'string' },
        'output-format': { type: 'string', default: 'tsv' },
        threads: { type: 'string', default: '1' },
        shard: { type: 'string' },
        batch: { type: 'string' },
      },
    }).values;
  } catch (e) {
    throw usage(`${(e as Error).message}; ${USAGE}`);
  }
}

function positive(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(Number.isInteger(n) && n > 0)) throw usage(`--${name} must be a positive integer, got ${v}`);
  return n;
}

function readShard(text: string | undefined): ScoreArgs['shard'] {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!(count >= 1 && index >= 1 && index <= count))
    throw usage(`--shard must be i/n with 1 <= i <= n (1/4 ... 4/4), got ${text}`);
  return { index, count };
}

/** The command line's settings, or a ScoreError (exit status 2) naming the first option that is wrong. */
export function parseScoreArgs(argv: string[]): ScoreArgs & { backend: 'wasm' | 'cpu' } {
  const values = readOptions(argv);
  if (!values.model || !values.fasta || !values.vcf) {
    const missing = (['model', 'fasta', 'vcf'] as const)
      .filter((k) => !values[k])
      .map((k) => `--${k}`)
      .join(', ');
    throw usage(`missing ${missing}; ${USAGE}`);
  }
  const window = values.window === undefined ? undefined : Number(values.window);
  if (window !== undefined && !(Number.isInteger(window) && window > 0))
    throw usage(`--window must be a positive integer, got ${values.window}`);
  const backend = values.backend;
  if (backend !== 'wasm' && backend !== 'cpu') throw usage(`--backend must be wasm or cpu, got ${backend}`);
  const region = values.region === undefined ? undefined : parseRegionArg(values.region);
  if (region === null)
    throw usage(
      `--region ${values.region}: expected chrom:start-end (1-based, inclusive, commas allowed) or a chromosome`,
    );
  const format = values['output-format'];
  if (format !== 'tsv' && format !== 'vcf') throw usage(`--output-format must be tsv or vcf, got ${format}`);
  const shard = readShard(values.shard);
  return {
    model: values.model,
    fasta: values.fasta,
    vcf: values.vcf,
    method: values.method as ScoreMethod | undefined,
    window,
    bothStrands: values['both-strands'],
    region,
    outputFormat: format,
    threads: positive('threads', values.threads),
    shard,
    batchLines: positive('batch', values.batch),
    backend,
  };
}
