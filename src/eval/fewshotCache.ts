// The few-shot evaluation's features, computed once per model and setting and kept in a cache between runs
// (the runner keeps a folder of files): embeddings of the BRCA1 dev variants and their zero-shot scores.

import { embedVariants, POOLINGS, type VariantEmbeddings } from '../analysis/embedding';
import { DEFAULT_WINDOW, methodsFor } from '../analysis/variantEffect';
import type { FeatureBlock } from '../fewshot/features';
import { scoreColumns, type NamedModel } from '../fewshot/variantFeatures';
import type { FewshotEvalData } from './fewshotEval';

/** Features already computed (a folder of files in the runner), keyed by model, kind and setting. */
export interface FeatureCache {
  get(key: string): Float64Array | undefined;
  set(key: string, data: Float64Array): void;
}

/** Embeddings from the cache or the model (stored as the 6 pools back to back: site, local, window; ref, alt). */
export async function embeddings(
  m: NamedModel,
  d: FewshotEvalData,
  window: number,
  reach: number,
  cache?: FeatureCache,
): Promise<VariantEmbeddings> {
  const key = `${m.name}.emb.w${window}.r${reach}`,
    size = (m.model.representation as { size: number }).size;
  const n = d.variants.length,
    stored = cache?.get(key);
  if (stored) {
    const slice = (k: number) => Float32Array.from(stored.subarray(k * n * size, (k + 1) * n * size));
    const pools = Object.fromEntries(POOLINGS.map((p, i) => [p, { ref: slice(2 * i), alt: slice(2 * i + 1) }]));
    return { size, rows: n, pools: pools as VariantEmbeddings['pools'] };
  }
  const e = await embedVariants(m.model, d.seq, d.variants, { window, reach });
  const all = new Float64Array(6 * n * size);
  POOLINGS.forEach((p, i) => {
    all.set(e.pools[p].ref, 2 * i * n * size);
    all.set(e.pools[p].alt, (2 * i + 1) * n * size);
  });
  cache?.set(key, all);
  return e;
}

export async function scores(m: NamedModel, d: FewshotEvalData, cache?: FeatureCache): Promise<FeatureBlock> {
  const key = `${m.name}.scores.w${DEFAULT_WINDOW}`,
    stored = cache?.get(key);
  if (stored) {
    return { names: methodsFor(m.model.objective).map((x) => `${m.name}:${x}`), rows: d.variants.length, data: stored };
  }
  const block = await scoreColumns(m.name, m.model, d.seq, d.variants, DEFAULT_WINDOW);
  cache?.set(key, Float64Array.from(block.data));
  return block;
}
