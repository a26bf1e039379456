// npm run score -- --model public/models/<id> --fasta REF.fa[.gz]|REF.2bit --vcf IN.vcf[.gz]
//                  [--method masked|wt|dll|influence] [--window N] [--both-strands] [--region chr:start-end]
//                  [--output-format tsv|vcf] [--threads N] [--shard i/n] [--batch N] > OUT.tsv
// The genome is read by index (node/reference.ts), the VCF line by line (node/vcfStream.ts); rows are
// written batch by batch in input order.
// Writes chrom, pos, ref, alt, score, percentile, method, model, note: one row per variant of the VCF (each ALT
// allele) and per line it could not read, in file order; a row without a score has the reason in
// note. percentile: the share (%) of 2,000 random substitutions of held-out sequence that the model scores
// at or below this variant (model.json's scoreDistribution, from npm run calibrate); 1 = more damaging
// than 99% of them. Progress and a summary go to stderr. Exit status: 0 when at least one variant was scored,
// 1 when nothing could be scored, 2 when the command is wrong (see EXIT).

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../eval/calibration';
import { DEFAULT_WINDOW, METHODS, methodsFor, type ScoreMethod } from '../analysis/variantEffect';
import { SequenceInputError } from '../genome/parseSequence';
import { vcfLineReader } from '../genome/vcf';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';
import { openReference, ReferenceError } from '../node/reference';
import { openVcf, parseRegionArg, VcfStreamError, type GenomicRegion } from '../node/vcfStream';
import { readLine, type Batch } from '../score/scoreLines';
import { tsvOutput, vcfOutput, type OutputFormat } from '../score/scoreOutput';
import { mainThreadScorer, workerScorer, type Scorer } from '../score/scorePool';

export { TSV_HEADER } from '../score/scoreOutput';

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

export interface ScoreSummary {
  variants: number;
  scored: number;
}

const USAGE =
  'usage: npm run score -- --model public/models/<id> --fasta REF.fa|REF.2bit --vcf IN.vcf[.gz] [--method masked|wt|dll|influence] [--window N] [--both-strands] ' +
  '[--region chr:start-end] [--output-format tsv|vcf] [--threads N] [--shard i/n] [--batch N] > OUT.tsv';

const orList = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}` : xs.join(''));

function mustExist(option: string, path: string, inside?: string): void {
  const target = inside ? join(path, inside) : path;
  if (!existsSync(target) || !statSync(target).isFile()) {
    throw new ScoreError(
      inside
        ? `--${option} ${path}: no ${inside} there (give a model folder such as public/models/mlm-hybrid-chr22)`
        : `--${option} ${path}: no such file`,
      EXIT.usage,
    );
  }
}

/** An input file opened, or a ScoreError naming the file. */
async function readInput<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof SequenceInputError) throw new ScoreError(`${path}: ${e.message}`, EXIT.nothingScored);
    if (e instanceof ReferenceError || e instanceof VcfStreamError) throw new ScoreError(e.message, EXIT.nothingScored);
    throw e;
  }
}

/** Lines per batch (the unit of work, of a worker and of a shard) unless --batch says otherwise. */
export const BATCH_LINES = 256;

export async function runScore(
  a: ScoreArgs,
  write: (line: string) => void,
  progress: (msg: string) => void = () => {},
): Promise<ScoreSummary> {
  mustExist('model', a.model, 'model.json');
  mustExist('fasta', a.fasta);
  mustExist('vcf', a.vcf);
  if (a.method !== undefined && !(a.method in METHODS))
    throw new ScoreError(`--method ${a.method}: unknown; use ${orList(Object.keys(METHODS))}`, EXIT.usage);
  const vcf = await readInput(a.vcf, () => openVcf(a.vcf, a.region));
  const reader = vcfLineReader(vcf.header);
  if ('error' in reader) throw new ScoreError(`${a.vcf}: ${reader.error}`, EXIT.nothingScored);
  const model = await loadModel(fileSource(a.model));
  let scorer: Scorer | null = null;
  try {
    const kind = model.objective === 'mlm' ? 'masked' : 'causal';
    const method = a.method ?? methodsFor(model.objective)[0]!;
    if (!methodsFor(model.objective).includes(method)) {
      throw new ScoreError(
        `--method ${method} cannot run on ${model.meta.id}, a ${kind} model (${method} needs a ${kind === 'masked' ? 'causal' : 'masked'} model): ` +
          `use ${orList(methodsFor(model.objective))}`,
        EXIT.usage,
      );
    }
    const refOptions = { inMemoryMax: a.inMemoryMax, cacheDir: a.cacheDir };
    const reference = await readInput(a.fasta, () => openReference(a.fasta, { ...refOptions, note: progress }));
    progress(`${a.fasta}: ${reference.records.length} sequences, read ${reference.how}`);
    const window = a.window ?? DEFAULT_WINDOW;
    const dist = model.meta.scoreDistribution;
    const quantiles = dist?.quantiles[method];
    if (!quantiles)
      progress(
        `${model.meta.id} has no score distribution for ${method}: the percentile column stays empty (npm run calibrate makes one)`,
      );
    else if (dist!.window !== window || dist!.bothStrands !== !!a.bothStrands) {
      progress(
        `percentiles compare with random substitutions scored at window ${dist!.window}, ${dist!.bothStrands ? 'both strands' : 'one strand'}; these scores use window ${window}, ${a.bothStrands ? 'both strands' : 'one strand'}, so read them as indicative`,
      );
    }
    const settings = { method, window, bothStrands: !!a.bothStrands };
    const batchLines = a.batchLines ?? BATCH_LINES;
    // a shard is a run of whole batches, so its scores are the whole run's (batches are the unit of scoring)
    let keep = (_batch: number) => true;
    if (a.shard) {
      let lines = 0;
      for await (const l of (await openVcf(a.vcf, a.region)).lines)
        if (l.text.trim() && !l.text.startsWith('#')) lines++;
      const batches = Math.ceil(lines / batchLines);
      const [from, to] = [a.shard.index - 1, a.shard.index].map((k) => Math.floor((k * batches) / a.shard!.count));
      keep = (b) => b >= from! && b < to!;
      progress(
        `shard ${a.shard.index}/${a.shard.count}: batches ${from! + 1}-${to} of ${batches} (${batchLines} VCF lines each)`,
      );
    }
    if ((a.threads ?? 1) > 1) {
      const tw = performance.now();
      scorer = await workerScorer(a.threads!, {
        model: a.model,
        reference: a.fasta,
        referenceOptions: refOptions,
        settings,
        backend: a.backend ?? 'wasm',
      });
      progress(
        `${a.threads} workers ready (each with its own model and reference) in ${((performance.now() - tw) / 1000).toFixed(1)} s`,
      );
    } else scorer = mainThreadScorer(model, reference, settings);
    const out =
      a.outputFormat === 'vcf'
        ? vcfOutput(
            vcf.header,
            `${METHODS[method].label} by ${model.meta.id}, window ${window}${a.bothStrands ? ', both strands' : ''}`,
          )
        : tsvOutput(method, model.meta.id);

    const t0 = performance.now();
    let rows = 0,
      scored = 0,
      headerWritten = false,
      lastReport = 0;
    const emit = (b: Batch) => {
      if (!headerWritten) {
        out.header().forEach(write);
        headerWritten = true;
      }
      for (const l of b.lines) {
        out.line(l).forEach(write);
        rows += l.rows.length;
      }
      const was = scored;
      scored += b.lines.reduce((n, l) => n + l.rows.filter((r) => r.score !== '').length, 0);
      if (was === 0 && scored > 0)
        progress(`first variant scored ${((performance.now() - t0) / 1000).toFixed(2)} s after scoring began`);
      if (performance.now() - lastReport > 2000) {
        lastReport = performance.now();
        progress(
          `${rows} rows written, ${scored} scored (${(scored / ((performance.now() - t0) / 1000)).toFixed(1)} variants/s)`,
        );
      }
    };
    const inFlight: Promise<Batch>[] = [];
    const send = (b: Batch) =>
      scorer!.score(b.todo.map((t) => t.query)).then((res) => {
        res.forEach((r, k) => {
          const row = b.todo[k]!.row;
          row.score = r.score === null ? '' : r.score.toFixed(6);
          row.percentile = r.score === null || !quantiles ? '' : percentile(quantiles, r.score).toFixed(1);
          row.note = r.note;
        });
        return b;
      });
    let batch: Batch = { lines: [], todo: [] },
      index = 0,
      ordinal = 0;
    const flush = async () => {
      if (keep(index++)) {
        const p = send(batch);
        p.catch(() => {}); // awaited below in order; if an earlier batch fails first, this one's failure is not also thrown unhandled
        inFlight.push(p);
      }
      batch = { lines: [], todo: [] };
      // results are written in input order; at most `slots` batches are held
      while (inFlight.length >= scorer!.slots) emit(await inFlight.shift()!);
    };
    for await (const { text, line } of vcf.lines) {
      if (!text.trim() || text.startsWith('#')) continue;
      ordinal++;
      if (keep(index)) batch.lines.push(readLine(reader, text, line, ordinal, a.region, batch));
      else batch.lines.push({ text: '', read: false, rows: [] });
      if (batch.lines.length === batchLines) await flush();
    }
    if (batch.lines.length) await flush();
    while (inFlight.length) emit(await inFlight.shift()!);
    if (ordinal === 0 && !a.shard) {
      throw new ScoreError(
        a.region
          ? `${a.vcf}: no variant in ${a.region.chrom}:${a.region.start}-${a.region.end}, so nothing to score`
          : `${a.vcf}: no variant lines after its header, so nothing to score`,
        EXIT.nothingScored,
      );
    }
    if (!headerWritten) out.header().forEach(write);
    const scoringS = (performance.now() - t0) / 1000;
    progress(
      `scoring took ${scoringS.toFixed(2)} s from the first batch read to the last row written (${(scored / scoringS).toFixed(1)} variants/s, ${a.threads ?? 1} worker${(a.threads ?? 1) > 1 ? 's' : ''})`,
    );
    progress(
      `${a.vcf}: ${scored} of ${rows} rows scored with ${method}${scored < rows ? `; ${rows - scored} not (the note column says why)` : ''}`,
    );
    return { variants: rows, scored };
  } finally {
    await scorer?.close();
    model.dispose();
  }
}

/** The command line: writes the TSV to `out` and messages to `err`, and returns the exit status. */
export async function cli(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({
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
      }));
    } catch (e) {
      throw new ScoreError(`${(e as Error).message}; ${USAGE}`, EXIT.usage);
    }
    if (!values.model || !values.fasta || !values.vcf) {
      const missing = (['model', 'fasta', 'vcf'] as const)
        .filter((k) => !values[k])
        .map((k) => `--${k}`)
        .join(', ');
      throw new ScoreError(`missing ${missing}; ${USAGE}`, EXIT.usage);
    }
    const window = values.window === undefined ? undefined : Number(values.window);
    if (window !== undefined && !(Number.isInteger(window) && window > 0))
      throw new ScoreError(`--window must be a positive integer, got ${values.window}`, EXIT.usage);
    if (values.backend !== 'wasm' && values.backend !== 'cpu')
      throw new ScoreError(`--backend must be wasm or cpu, got ${values.backend}`, EXIT.usage);
    const positive = (name: string, v: string | undefined) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!(Number.isInteger(n) && n > 0))
        throw new ScoreError(`--${name} must be a positive integer, got ${v}`, EXIT.usage);
      return n;
    };
    const region = values.region === undefined ? undefined : parseRegionArg(values.region);
    if (region === null)
      throw new ScoreError(
        `--region ${values.region}: expected chrom:start-end (1-based, inclusive, commas allowed) or a chromosome`,
        EXIT.usage,
      );
    const format = values['output-format'];
    if (format !== 'tsv' && format !== 'vcf')
      throw new ScoreError(`--output-format must be tsv or vcf, got ${format}`, EXIT.usage);
    let shard: ScoreArgs['shard'];
    if (values.shard !== undefined) {
      const m = /^(\d+)\/(\d+)$/.exec(values.shard);
      const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
      if (!(count >= 1 && index >= 1 && index <= count))
        throw new ScoreError(`--shard must be i/n with 1 <= i <= n (1/4 ... 4/4), got ${values.shard}`, EXIT.usage);
      shard = { index, count };
    }
    await useNodeBackend(values.backend);
    const summary = await runScore(
      {
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
        backend: values.backend,
      },
      out,
      err,
    );
    if (summary.scored === 0 && !(shard && summary.variants === 0))
      throw new ScoreError(
        `none of the ${summary.variants} rows of ${values.vcf} could be scored (the note column says why)`,
        EXIT.nothingScored,
      );
    return EXIT.ok;
  } catch (e) {
    err(`error: ${(e as Error).message}`);
    return e instanceof ScoreError ? e.exitCode : EXIT.nothingScored;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void cli(
    process.argv.slice(2),
    (l) => process.stdout.write(`${l}\n`),
    (m) => process.stderr.write(`${m}\n`),
  ).then((code) => {
    process.exitCode = code;
  });
}
