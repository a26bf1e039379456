// The features of single-base substitutions of one sequence that a probe reads: each model's zero-shot scores
// and pooled embeddings, and the sequence-only baseline. One engine for the CLI, the evaluation and the worker.

import {
  DEFAULT_EMBED_WINDOW,
  DEFAULT_REACH,
  embedVariants,
  type Pooling,
  type VariantEmbeddings,
} from '../analysis/embedding';
import type { RunOptions } from '../analysis/run';
import { DEFAULT_WINDOW, methodsFor, scoreVariants, type Variant } from '../analysis/variantEffect';
import type { LanguageModel } from '../model/languageModel';
import { ProbeInputError } from './inputError';
import { embeddingBlock, variantBaseline, type FeatureBlock, type VariantBaselineOptions } from './features';

export type FeatureSet = 'scores' | 'embedding' | 'baseline';
export const FEATURE_SETS: readonly FeatureSet[] = ['scores', 'embedding', 'baseline'];

/** The reference window's pooled states, the variant window's, and the variant's minus the reference's. */
export type EmbeddingPart = 'ref' | 'alt' | 'diff';

export interface EmbeddingChoice {
  window: number;
  reach: number;
  poolings: readonly Pooling[];
  parts: readonly EmbeddingPart[];
}

/** Chosen on the BRCA1 dev split by the levers of npx tsx src/cli/fewshotEval.ts; docs/fewshot.md has this default. */
export const DEFAULT_EMBEDDING: EmbeddingChoice = {
  window: DEFAULT_EMBED_WINDOW,
  reach: DEFAULT_REACH,
  poolings: ['local'],
  parts: ['ref', 'diff'],
};

/** Baseline settings used beside every probe (one-hot +-2, k-mer changes up to 3: the engine's defaults). */
export const DEFAULT_BASELINE: Required<VariantBaselineOptions> = { window: 2, kmer: 3 };

export interface NamedModel {
  name: string;
  model: LanguageModel;
}

/** A block and the feature set it belongs to. */
export type SetBlock = FeatureBlock & { set: FeatureSet };

export interface FeatureOptions extends RunOptions {
  sets: readonly FeatureSet[];
  embedding?: Partial<EmbeddingChoice>;
  /** Window of the zero-shot scores (default DEFAULT_WINDOW, capped as scoreVariants caps it). */
  scoreWindow?: number;
  baseline?: VariantBaselineOptions;
  batchSize?: number;
}

/** The chosen poolings and parts of one model's embeddings as named blocks (prefix:pooling:part[j]). */
export function embeddingBlocks(
  prefix: string,
  e: VariantEmbeddings,
  choice: Pick<EmbeddingChoice, 'poolings' | 'parts'>,
): FeatureBlock[] {
  return choice.poolings.flatMap((p) =>
    choice.parts.map((part) => {
      const { ref, alt } = e.pools[p];
      const data = part === 'ref' ? ref : part === 'alt' ? alt : alt.map((v, i) => v - ref[i]!);
      return embeddingBlock(`${prefix}:${p}:${part}`, e.rows, data);
    }),
  );
}

/** One column per zero-shot method the model runs (prefix:method); NaN where a variant cannot be scored. */
export async function scoreColumns(
  prefix: string,
  model: LanguageModel,
  seq: string,
  variants: Variant[],
  window: number,
  opts: RunOptions & { batchSize?: number } = {},
): Promise<FeatureBlock> {
  const methods = methodsFor(model.objective),
    names = methods.map((m) => `${prefix}:${m}`);
  const data = new Float64Array(variants.length * methods.length);
  for (const [j, method] of methods.entries()) {
    const { scores } = await scoreVariants(model, seq, variants, { ...opts, method, window });
    scores.forEach((s, r) => {
      data[r * methods.length + j] = s.score ?? NaN;
    });
  }
  return { names, rows: variants.length, data };
}

/** The bases either side of a site that the features of `sets` read (what a caller must fetch around it). */
export function featureReach(models: readonly NamedModel[], opts: FeatureOptions): number {
  const b = { ...DEFAULT_BASELINE, ...opts.baseline };
  const reach = [Math.max(b.window, b.kmer - 1)];
  for (const { model } of models) {
    const embedWindow = opts.embedding?.window ?? DEFAULT_EMBED_WINDOW;
    if (opts.sets.includes('embedding')) reach.push(Math.min(embedWindow, model.context));
    if (opts.sets.includes('scores')) {
      const W = opts.scoreWindow ?? DEFAULT_WINDOW;
      reach.push(methodsFor(model.objective).includes('dll') ? W : Math.min(W, model.context));
    }
  }
  return Math.max(...reach);
}

/**
 * The feature blocks of `variants` (substitutions of `seq`), set by set in FEATURE_SETS order and model by
 * model; a variant a method cannot score has NaN there (assemble names it).
 */
export async function variantFeatures(
  models: readonly NamedModel[],
  seq: string,
  variants: Variant[],
  opts: FeatureOptions,
): Promise<SetBlock[]> {
  for (const s of opts.sets) if (!FEATURE_SETS.includes(s)) throw new ProbeInputError(`unknown feature set '${s}'`);
  const choice: EmbeddingChoice = { ...DEFAULT_EMBEDDING, ...opts.embedding };
  const steps = models.length * opts.sets.filter((s) => s !== 'baseline').length;
  let step = 0;
  const stepOpts = () => {
    const at = step++;
    return {
      signal: opts.signal,
      batchSize: opts.batchSize,
      onProgress: (done: number, total: number) => opts.onProgress?.(at * total + done, steps * total),
    };
  };
  const blocks: SetBlock[] = [];
  if (opts.sets.includes('scores')) {
    for (const m of models) {
      const block = await scoreColumns(m.name, m.model, seq, variants, opts.scoreWindow ?? DEFAULT_WINDOW, stepOpts());
      blocks.push({ ...block, set: 'scores' });
    }
  }
  if (opts.sets.includes('embedding')) {
    for (const m of models) {
      const e = await embedVariants(m.model, seq, variants, {
        ...stepOpts(),
        window: choice.window,
        reach: choice.reach,
      });
      blocks.push(...embeddingBlocks(m.name, e, choice).map((b) => ({ ...b, set: 'embedding' as const })));
    }
  }
  if (opts.sets.includes('baseline')) {
    blocks.push({ ...variantBaseline(seq, variants, { ...DEFAULT_BASELINE, ...opts.baseline }), set: 'baseline' });
  }
  return blocks;
}
