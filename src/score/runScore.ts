// npm run score's pipeline (cli/score.ts reads the command line into ScoreArgs): inputs checked and opened,
// the scorer started (main thread or workers), the VCF streamed through it, a summary on progress.

import { DEFAULT_WINDOW, METHODS } from '../analysis/variantEffect';
import { vcfLineReader } from '../genome/vcf';
import { loadModel } from '../model/loadModel';
import type { LoadedModel } from '../model/meta';
import { fileSource } from '../node/fileSource';
import { openReference, type Reference, type ReferenceOptions } from '../node/reference';
import { openVcf } from '../node/vcfStream';
import { BATCH_LINES, EXIT, ScoreError, type ScoreArgs } from './scoreArgs';
import type { ScoreSettings } from './scoreBatch';
import { tsvOutput, vcfOutput, type Output } from './scoreOutput';
import { mainThreadScorer, workerScorer, type Scorer } from './scorePool';
import { checkInputs, chooseMethod, percentileTable, readInput, shardBatches } from './scoreSetup';
import { RowWriter, streamScores } from './scoreStream';

export interface ScoreSummary {
  variants: number;
  scored: number;
}

type Progress = (msg: string) => void;

/** The scorer --threads asks for: N workers, each with its own model and reference, or the main thread. */
async function startScorer(
  a: ScoreArgs,
  model: LoadedModel,
  reference: Reference,
  referenceOptions: ReferenceOptions,
  settings: ScoreSettings,
  progress: Progress,
): Promise<Scorer> {
  if ((a.threads ?? 1) <= 1) return mainThreadScorer(model, reference, settings);
  const tw = performance.now();
  const scorer = await workerScorer(a.threads!, {
    model: a.model,
    reference: a.fasta,
    referenceOptions,
    settings,
    backend: a.backend ?? 'wasm',
  });
  progress(
    `${a.threads} workers ready (each with its own model and reference) in ${((performance.now() - tw) / 1000).toFixed(1)} s`,
  );
  return scorer;
}

/** The table (TSV) or the input VCF with scores in INFO. */
function outputFor(a: ScoreArgs, vcfHeader: string[], model: LoadedModel, s: ScoreSettings): Output {
  if (a.outputFormat !== 'vcf') return tsvOutput(s.method, model.meta.id);
  const describe = `${METHODS[s.method].label} by ${model.meta.id}, window ${s.window}${a.bothStrands ? ', both strands' : ''}`;
  return vcfOutput(vcfHeader, describe);
}

/** After the stream: refuses a VCF without variants, writes the header of an empty table, reports the run. */
function finish(a: ScoreArgs, s: ScoreSettings, lines: number, writer: RowWriter, progress: Progress): ScoreSummary {
  if (lines === 0 && !a.shard) {
    throw new ScoreError(
      a.region
        ? `${a.vcf}: no variant in ${a.region.chrom}:${a.region.start}-${a.region.end}, so nothing to score`
        : `${a.vcf}: no variant lines after its header, so nothing to score`,
      EXIT.nothingScored,
    );
  }
  writer.header();
  const { rows, scored } = writer;
  const scoringS = (performance.now() - writer.t0) / 1000;
  progress(
    `scoring took ${scoringS.toFixed(2)} s from the first batch read to the last row written (${(scored / scoringS).toFixed(1)} variants/s, ${a.threads ?? 1} worker${(a.threads ?? 1) > 1 ? 's' : ''})`,
  );
  progress(
    `${a.vcf}: ${scored} of ${rows} rows scored with ${s.method}${scored < rows ? `; ${rows - scored} not (the note column says why)` : ''}`,
  );
  return { variants: rows, scored };
}

export async function runScore(
  a: ScoreArgs,
  write: (line: string) => void,
  progress: Progress = () => {},
): Promise<ScoreSummary> {
  checkInputs(a);
  const vcf = await readInput(a.vcf, () => openVcf(a.vcf, a.region));
  const reader = vcfLineReader(vcf.header);
  if ('error' in reader) throw new ScoreError(`${a.vcf}: ${reader.error}`, EXIT.nothingScored);
  const model = await loadModel(fileSource(a.model));
  let scorer: Scorer | null = null;
  try {
    const method = chooseMethod(a, model);
    const refOptions = { inMemoryMax: a.inMemoryMax, cacheDir: a.cacheDir };
    const reference = await readInput(a.fasta, () => openReference(a.fasta, { ...refOptions, note: progress }));
    progress(`${a.fasta}: ${reference.records.length} sequences, read ${reference.how}`);
    const settings = { method, window: a.window ?? DEFAULT_WINDOW, bothStrands: !!a.bothStrands };
    const quantiles = percentileTable(model, settings, progress);
    const batchLines = a.batchLines ?? BATCH_LINES;
    const keep = await shardBatches(a, batchLines, progress);
    scorer = await startScorer(a, model, reference, refOptions, settings, progress);
    const writer = new RowWriter(outputFor(a, vcf.header, model, settings), write, progress);
    const setup = { lines: vcf.lines, reader, region: a.region, batchLines, keep, scorer, quantiles };
    const lines = await streamScores(setup, writer);
    return finish(a, settings, lines, writer, progress);
  } finally {
    await scorer?.close();
    model.dispose();
  }
}
