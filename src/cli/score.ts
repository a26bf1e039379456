// npm run score -- --model public/models/<id> --fasta REF.fa[.gz] --vcf IN.vcf[.gz]
//                  [--method masked|wt|dll] [--window N] [--both-strands] > OUT.tsv
// Writes chrom, pos, ref, alt, score, percentile, method, model, note: one row per variant of the VCF (each ALT
// allele) and per line it could not read, in file order; a row without a score has the reason in
// note. percentile: the share (%) of 2,000 random substitutions of held-out sequence that the model scores
// at or below this variant (model.json's scoreDistribution, from npm run calibrate); 1 = more damaging
// than 99% of them. Progress and a summary go to stderr. Exit status: 0 when at least one variant was scored,
// 1 when nothing could be scored, 2 when the command is wrong (see EXIT).

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from '../analysis/calibration';
import { DEFAULT_WINDOW, METHODS, methodsFor, scoreVariants, type ScoreMethod, type Variant } from '../analysis/variantEffect';
import { placeVariant } from '../genome/locate';
import { SequenceInputError } from '../genome/parseSequence';
import { parseVcf } from '../genome/vcf';
import { loadModel } from '../model/loadModel';
import { readFasta, readText } from '../node/data';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';

export interface ScoreArgs {
  model: string;
  fasta: string;
  vcf: string;
  method?: ScoreMethod;
  window?: number;
  bothStrands?: boolean;
}

export const TSV_HEADER = ['chrom', 'pos', 'ref', 'alt', 'score', 'percentile', 'method', 'model', 'note'];

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
  constructor(message: string, readonly exitCode: number) {
    super(message);
    this.name = 'ScoreError';
  }
}

export interface ScoreSummary { variants: number; scored: number }

const USAGE = 'usage: npm run score -- --model public/models/<id> --fasta REF.fa --vcf IN.vcf [--method masked|wt|dll] [--window N] [--both-strands] > OUT.tsv';

const orList = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}` : xs.join(''));

function mustExist(option: string, path: string, inside?: string): void {
  const target = inside ? join(path, inside) : path;
  if (!existsSync(target) || !statSync(target).isFile()) {
    throw new ScoreError(inside ? `--${option} ${path}: no ${inside} there (give a model folder such as public/models/mlm-hybrid-chr22)` : `--${option} ${path}: no such file`, EXIT.usage);
  }
}

/** An input file's content, or a ScoreError naming the file. */
function readInput<T>(path: string, read: () => T): T {
  try { return read(); } catch (e) {
    if (e instanceof SequenceInputError) throw new ScoreError(`${path}: ${e.message}`, EXIT.nothingScored);
    throw e;
  }
}

export async function runScore(a: ScoreArgs, write: (line: string) => void, progress: (msg: string) => void = () => {}): Promise<ScoreSummary> {
  mustExist('model', a.model, 'model.json');
  mustExist('fasta', a.fasta);
  mustExist('vcf', a.vcf);
  if (a.method !== undefined && !(a.method in METHODS)) throw new ScoreError(`--method ${a.method}: unknown; use ${orList(Object.keys(METHODS))}`, EXIT.usage);
  const vcf = parseVcf(readText(a.vcf));
  const fileError = vcf.errors.find((e) => !e.fields);
  if (fileError) throw new ScoreError(`${a.vcf}: ${fileError.message}`, EXIT.nothingScored);
  if (vcf.variants.length + vcf.errors.length === 0) throw new ScoreError(`${a.vcf}: no variant lines after its header, so nothing to score`, EXIT.nothingScored);
  const records = readInput(a.fasta, () => readFasta(a.fasta));

  const model = await loadModel(fileSource(a.model));
  try {
    const kind = model.objective === 'mlm' ? 'masked' : 'causal';
    const method = a.method ?? methodsFor(model.objective)[0]!;
    if (!methodsFor(model.objective).includes(method)) {
      throw new ScoreError(`--method ${method} cannot run on ${model.manifest.id}, a ${kind} model (${method} needs a ${kind === 'masked' ? 'causal' : 'masked'} model): `
        + `use ${orList(methodsFor(model.objective))}`, EXIT.usage);
    }
    const window = a.window ?? DEFAULT_WINDOW;
    const dist = model.manifest.scoreDistribution;
    const quantiles = dist?.quantiles[method];
    if (!quantiles) progress(`${model.manifest.id} has no score distribution for ${method}: the percentile column stays empty (npm run calibrate makes one)`);
    else if (dist!.window !== window || dist!.bothStrands !== !!a.bothStrands) {
      progress(`percentiles compare with random substitutions scored at window ${dist!.window}, ${dist!.bothStrands ? 'both strands' : 'one strand'}; these scores use window ${window}, ${a.bothStrands ? 'both strands' : 'one strand'}, so read them as indicative`);
    }
    // one row per ALT allele and per unreadable line, in file order
    const rows = [
      ...vcf.variants.map((v) => ({ line: v.line, chrom: v.chrom, pos: String(v.pos), ref: v.ref, alt: v.alt, v, score: '', percentile: '', note: v.problem ?? '' })),
      ...vcf.errors.map((e) => ({ line: e.line, chrom: e.fields![0] ?? '', pos: e.fields![1] ?? '', ref: e.fields![3] ?? '', alt: e.fields![4] ?? '', v: null,
        score: '', percentile: '', note: `VCF line ${e.line} not read: ${e.message}` })),
    ].sort((x, y) => x.line - y.line);
    // group the scorable variants by FASTA record so each record is encoded once
    const byRecord = new Map<number, { row: number; variant: Variant }[]>();
    rows.forEach((r, i) => {
      if (r.note || !r.v) return;
      const loc = placeVariant(records, r.v);
      if ('problem' in loc) { r.note = loc.problem; return; }
      byRecord.set(loc.record, [...(byRecord.get(loc.record) ?? []), { row: i, variant: { pos: loc.index, ref: r.v.ref, alt: r.v.alt } }]);
    });
    const t0 = performance.now();
    let done = 0;
    const total = [...byRecord.values()].reduce((n, g) => n + g.length, 0);
    let lastReport = 0;
    for (const [rec, group] of byRecord) {
      const res = await scoreVariants(model, records[rec]!.sequence, group.map((g) => g.variant), {
        method, window, bothStrands: a.bothStrands,
        onProgress: (d, t) => {
          if (performance.now() - lastReport < 2000 && d < t) return;
          lastReport = performance.now();
          progress(`${records[rec]!.name}: ${d}/${t} forward rows`);
        },
      });
      res.scores.forEach((s, k) => {
        const r = rows[group[k]!.row]!;
        r.score = s.score === null ? '' : s.score.toFixed(6);
        r.percentile = s.score === null || !quantiles ? '' : percentile(quantiles, s.score).toFixed(1);
        r.note = s.note;
      });
      done += group.length;
      progress(`${done}/${total} variants scored (${(done / ((performance.now() - t0) / 1000)).toFixed(1)} variants/s)`);
    }
    write(TSV_HEADER.join('\t'));
    for (const r of rows) write([r.chrom, r.pos, r.ref, r.alt, r.score, r.percentile, method, model.manifest.id, r.note].join('\t'));
    const scored = rows.filter((r) => r.score !== '').length;
    progress(`${a.vcf}: ${scored} of ${rows.length} rows scored with ${method}${scored < rows.length ? `; ${rows.length - scored} not (the note column says why)` : ''}`);
    return { variants: rows.length, scored };
  } finally {
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
          model: { type: 'string' }, fasta: { type: 'string' }, vcf: { type: 'string' },
          method: { type: 'string' }, window: { type: 'string' }, 'both-strands': { type: 'boolean', default: false },
          backend: { type: 'string', default: 'wasm' },
        },
      }));
    } catch (e) {
      throw new ScoreError(`${(e as Error).message}; ${USAGE}`, EXIT.usage);
    }
    if (!values.model || !values.fasta || !values.vcf) {
      const missing = (['model', 'fasta', 'vcf'] as const).filter((k) => !values[k]).map((k) => `--${k}`).join(', ');
      throw new ScoreError(`missing ${missing}; ${USAGE}`, EXIT.usage);
    }
    const window = values.window === undefined ? undefined : Number(values.window);
    if (window !== undefined && !(Number.isInteger(window) && window > 0)) throw new ScoreError(`--window must be a positive integer, got ${values.window}`, EXIT.usage);
    if (values.backend !== 'wasm' && values.backend !== 'cpu') throw new ScoreError(`--backend must be wasm or cpu, got ${values.backend}`, EXIT.usage);
    await useNodeBackend(values.backend);
    const summary = await runScore({ model: values.model, fasta: values.fasta, vcf: values.vcf, method: values.method as ScoreMethod | undefined, window,
      bothStrands: values['both-strands'] }, out, err);
    if (summary.scored === 0) throw new ScoreError(`none of the ${summary.variants} rows of ${values.vcf} could be scored (the note column says why)`, EXIT.nothingScored);
    return EXIT.ok;
  } catch (e) {
    err(`error: ${(e as Error).message}`);
    return e instanceof ScoreError ? e.exitCode : EXIT.nothingScored;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void cli(process.argv.slice(2), (l) => process.stdout.write(`${l}\n`), (m) => process.stderr.write(`${m}\n`)).then((code) => { process.exitCode = code; });
}
