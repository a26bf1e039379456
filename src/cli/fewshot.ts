// npm run fewshot -- --model DIR [--model DIR2] --fasta REF --train LABELS.tsv --label COLUMN [--positive VALUE]
//                    [--group COLUMN] [--features scores,embedding,baseline] --predict VARIANTS.vcf
//                    [--output-format tsv|vcf] > PREDICTIONS.tsv
// A probe on labelled variants (src/score/fewshotRun.ts), cross-validated beside the sequence-only baseline on
// the same folds; both refitted on every label and applied to the VCF. Writes chrom, pos, ref, alt, the probe's
// probability (binary labels) or prediction (numbers), the baseline's, and a note saying why a row has none; or,
// with --output-format vcf, a VCF of the rows with a position, both values in INFO fields (GLM_PROBE,
// GLM_BASELINE; '.' where a row has none).
// The cross-validated metrics go to stderr. Exit status: 0 when at least one variant was predicted, 1 when the
// labels give no honest probe (one line says why) or nothing could be predicted, 2 when the command is wrong.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { predictionsTsv, predictionsVcf, probeDescription, type PredictionRow } from '../export/predictions';
import { vcfLineReader, type VcfParse } from '../genome/vcf';
import type { FewshotResult } from '../fewshot/probePair';
import { runFewshot } from '../score/fewshotRun';
import { ProbeInputError } from '../fewshot/inputError';
import { readLabelKind, readLabelledVariants, type LabelledVariant } from '../fewshot/labelledVariants';
import { FEATURE_SETS, type FeatureSet, type NamedModel } from '../fewshot/variantFeatures';
import { loadModel } from '../model/loadModel';
import type { LoadedModel } from '../model/meta';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';
import { openReference, ReferenceError } from '../node/reference';
import { openVcf, VcfStreamError } from '../node/vcfStream';
import { fewshotSummary } from '../fewshot/summary';
import { runWhenMain } from '../node/runWhenMain';

/** Exit statuses of npm run fewshot (as npm run score's). */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export const DEFAULT_FEATURES: readonly FeatureSet[] = ['scores', 'embedding'];

const USAGE =
  'usage: npm run fewshot -- --model DIR [--model DIR2] --fasta REF --train LABELS.tsv --label COLUMN ' +
  '[--positive VALUE] [--group COLUMN] [--features scores,embedding,baseline] --predict VARIANTS.vcf ' +
  '[--output-format tsv|vcf] > PREDICTIONS.tsv';

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function mustExist(option: string, path: string): void {
  if (!existsSync(path)) throw new CliError(`--${option} ${path}: no such file or folder`, EXIT.usage);
  const folder = statSync(path).isDirectory();
  if (option === 'model' && !(folder && ['model.json', 'config.json'].some((f) => existsSync(join(path, f))))) {
    throw new CliError(`--model ${path}: not a model folder (no model.json or config.json there)`, EXIT.usage);
  }
  if (option !== 'model' && folder) throw new CliError(`--${option} ${path}: a folder, not a file`, EXIT.usage);
}

function readFeatures(text: string | undefined): FeatureSet[] {
  if (text === undefined) return [...DEFAULT_FEATURES];
  const sets = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = sets.filter((s) => !FEATURE_SETS.includes(s as FeatureSet));
  if (unknown.length || sets.length === 0) {
    throw new CliError(`--features ${text}: expected a comma-separated list of ${FEATURE_SETS.join(', ')}`, EXIT.usage);
  }
  return sets as FeatureSet[];
}

/** The VCF's rows in file order: a variant to predict, or the reason a line or allele is not one. */
async function readPredict(path: string): Promise<{ rows: (LabelledVariant & { note: string })[] }> {
  const vcf = await openVcf(path);
  const reader = vcfLineReader(vcf.header);
  if ('error' in reader) throw new CliError(`${path}: ${reader.error}`, EXIT.refused);
  const rows: (LabelledVariant & { note: string })[] = [];
  for await (const { text, line } of vcf.lines) {
    const parsed: VcfParse = { variants: [], errors: [] };
    reader.read(text, line ?? 0, parsed);
    for (const e of parsed.errors) {
      const f = e.fields ?? [];
      const note = `VCF line ${line} not read: ${e.message}`;
      rows.push({ chrom: f[0] ?? '', pos: Number(f[1]), ref: f[3] ?? '', alt: f[4] ?? '', note });
    }
    for (const v of parsed.variants) {
      rows.push({ chrom: v.chrom, pos: v.pos, ref: v.ref, alt: v.alt, note: v.problem ?? '' });
    }
  }
  if (rows.length === 0) {
    throw new CliError(`${path}: no variant lines after its header, so nothing to predict`, EXIT.refused);
  }
  return { rows };
}

export async function cli(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const models: LoadedModel[] = [];
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          model: { type: 'string', multiple: true },
          fasta: { type: 'string' },
          train: { type: 'string' },
          label: { type: 'string' },
          positive: { type: 'string' },
          group: { type: 'string' },
          features: { type: 'string' },
          predict: { type: 'string' },
          backend: { type: 'string', default: 'wasm' },
          'output-format': { type: 'string', default: 'tsv' },
        },
      }));
    } catch (e) {
      throw new CliError(`${(e as Error).message}; ${USAGE}`, EXIT.usage);
    }
    const missing = (['model', 'fasta', 'train', 'label', 'predict'] as const).filter((k) => !values[k]);
    if (missing.length) throw new CliError(`missing ${missing.map((k) => `--${k}`).join(', ')}; ${USAGE}`, EXIT.usage);
    const sets = readFeatures(values.features);
    const format = values['output-format'];
    if (format !== 'tsv' && format !== 'vcf') {
      throw new CliError(`--output-format must be tsv or vcf, got ${format}`, EXIT.usage);
    }
    if (values.backend !== 'wasm' && values.backend !== 'cpu') {
      throw new CliError(`--backend must be wasm or cpu, got ${values.backend}`, EXIT.usage);
    }
    for (const m of values.model!) mustExist('model', m);
    for (const k of ['fasta', 'train', 'predict'] as const) mustExist(k, values[k]!);

    const text = readFileSync(values.train!, 'utf8');
    const spec = readLabelKind(text, { label: values.label!, group: values.group, positive: values.positive });
    const { table, variants } = readLabelledVariants(text, spec);
    const { rows } = await readPredict(values.predict!);
    await useNodeBackend(values.backend);
    const named: NamedModel[] = [];
    for (const dir of values.model!) {
      const model = await loadModel(fileSource(dir));
      models.push(model);
      if (sets.includes('embedding') && model.representation.kind !== 'hidden') {
        throw new CliError(
          `--model ${dir}: ${model.meta.id} has no hidden states to embed; ` +
            `use --features ${sets.filter((s) => s !== 'embedding').join(',') || 'scores'}`,
          EXIT.usage,
        );
      }
      const taken = named.filter((n) => n.name === model.meta.id || n.name.startsWith(`${model.meta.id}#`)).length;
      named.push({ name: taken ? `${model.meta.id}#${taken + 1}` : model.meta.id, model });
    }
    const reference = await openReference(values.fasta!, { note: err });
    const predictable = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.note);
    const training = { variants, y: table.y, kind: spec.kind, groups: table.groups, lines: table.lines };
    const onProgress = (done: number, total: number) => err(`features: ${done} of ${total} variants`);
    const result: FewshotResult = await runFewshot(
      named,
      reference,
      training,
      predictable.map(({ r }) => r),
      { sets, onProgress },
    );
    fewshotSummary(result, { kind: spec.kind, sets, groups: spec.group, values: table.values }).forEach(err);
    const byRow = new Map(predictable.map(({ i }, k) => [i, result.predictions[k]!]));
    const written: PredictionRow[] = rows.map((r, i) => {
      const got = byRow.get(i);
      return {
        ...r,
        pos: Number.isFinite(r.pos) ? r.pos : null,
        probe: got?.probe ?? null,
        baseline: got?.baseline ?? null,
        note: got?.note ?? r.note,
      };
    });
    const predicted = written.filter((r) => r.probe !== null).length;
    const describe = probeDescription(
      table.y.length,
      sets.filter((s) => s !== 'baseline'),
    );
    const file = format === 'vcf' ? predictionsVcf(spec.kind, describe, written) : predictionsTsv(spec.kind, written);
    file
      .replace(/\n$/, '')
      .split('\n')
      .forEach((l) => out(l));
    const why = predicted < rows.length ? ' (the note column says why not)' : '';
    err(`${values.predict}: ${predicted} of ${rows.length} rows predicted${why}`);
    if (predicted === 0) {
      throw new CliError(`none of the ${rows.length} rows of ${values.predict} could be predicted`, EXIT.refused);
    }
    return EXIT.ok;
  } catch (e) {
    // a refused input (labels, reference, VCF) is one line; anything else is a fault worth its stack
    const refused = e instanceof ProbeInputError || e instanceof ReferenceError || e instanceof VcfStreamError;
    err(`error: ${e instanceof CliError || refused ? (e as Error).message : (e as Error).stack}`);
    return e instanceof CliError ? e.exitCode : EXIT.refused;
  } finally {
    for (const m of models) m.dispose();
  }
}

runWhenMain(import.meta.url, cli);
