// The checks and choices npm run score makes before it reads a variant: the inputs exist and open, the method
// suits the model, the percentiles' settings match, and which batches a shard keeps.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { METHODS, methodsFor, type ScoreMethod } from '../analysis/variantEffect';
import { SequenceInputError } from '../genome/parseSequence';
import type { LoadedModel } from '../model/meta';
import { ReferenceError } from '../node/reference';
import { openVcf, VcfStreamError } from '../node/vcfStream';
import { EXIT, ScoreError, type ScoreArgs } from './scoreArgs';
import type { ScoreSettings } from './scoreBatch';

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

/** The model folder and the files exist, and the method (if given) is one there is. */
export function checkInputs(a: ScoreArgs): void {
  mustExist('model', a.model, 'model.json');
  mustExist('fasta', a.fasta);
  mustExist('vcf', a.vcf);
  if (a.method !== undefined && !(a.method in METHODS))
    throw new ScoreError(`--method ${a.method}: unknown; use ${orList(Object.keys(METHODS))}`, EXIT.usage);
}

/** An input file opened, or a ScoreError naming the file. */
export async function readInput<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof SequenceInputError) throw new ScoreError(`${path}: ${e.message}`, EXIT.nothingScored);
    if (e instanceof ReferenceError || e instanceof VcfStreamError) throw new ScoreError(e.message, EXIT.nothingScored);
    throw e;
  }
}

/** --method, or the model's first; refused when the model cannot run it. */
export function chooseMethod(a: ScoreArgs, model: LoadedModel): ScoreMethod {
  const kind = model.objective === 'mlm' ? 'masked' : 'causal';
  const method = a.method ?? methodsFor(model.objective)[0]!;
  if (!methodsFor(model.objective).includes(method)) {
    throw new ScoreError(
      `--method ${method} cannot run on ${model.meta.id}, a ${kind} model (${method} needs a ${kind === 'masked' ? 'causal' : 'masked'} model): ` +
        `use ${orList(methodsFor(model.objective))}`,
      EXIT.usage,
    );
  }
  return method;
}

/**
 * The model's score quantiles for the method (null when it has none), saying so on `progress`, or saying that
 * they were made with other settings, so the percentiles are indicative.
 */
export function percentileTable(
  model: LoadedModel,
  s: ScoreSettings,
  progress: (msg: string) => void,
): number[] | null {
  const dist = model.meta.scoreDistribution;
  const quantiles = dist?.quantiles[s.method];
  if (!quantiles)
    progress(
      `${model.meta.id} has no score distribution for ${s.method}: the percentile column stays empty (npm run calibrate makes one)`,
    );
  else if (dist!.window !== s.window || dist!.bothStrands !== s.bothStrands) {
    progress(
      `percentiles compare with random substitutions scored at window ${dist!.window}, ${dist!.bothStrands ? 'both strands' : 'one strand'}; these scores use window ${s.window}, ${s.bothStrands ? 'both strands' : 'one strand'}, so read them as indicative`,
    );
  }
  return quantiles ?? null;
}

/**
 * Which batches this run scores: all, or a shard's run of whole batches (so its scores are the whole run's,
 * batches being the unit of scoring), counted from a first read of the VCF.
 */
export async function shardBatches(
  a: ScoreArgs,
  batchLines: number,
  progress: (msg: string) => void,
): Promise<(batch: number) => boolean> {
  if (!a.shard) return () => true;
  let lines = 0;
  for await (const l of (await openVcf(a.vcf, a.region)).lines) if (l.text.trim() && !l.text.startsWith('#')) lines++;
  const batches = Math.ceil(lines / batchLines);
  const [from, to] = [a.shard.index - 1, a.shard.index].map((k) => Math.floor((k * batches) / a.shard!.count));
  progress(
    `shard ${a.shard.index}/${a.shard.count}: batches ${from! + 1}-${to} of ${batches} (${batchLines} VCF lines each)`,
  );
  return (b) => b >= from! && b < to!;
}
