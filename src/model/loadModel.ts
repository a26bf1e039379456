// loadModel(source): read model.json, verify and load weights, build the runtime model.

import type { LanguageModel } from './languageModel';
import { HybridModel } from './hybrid';
import { HyenaModel } from './hyena';
import { type MarkovArchitecture, type ModelManifest, validateManifest } from './manifest';
import { MarkovModel } from './markov';
import type { ModelSource } from './source';
import { loadWeights, type LoadProgress } from './weights';

export interface LoadedModel extends LanguageModel {
  readonly manifest: ModelManifest;
  dispose(): void;
}

/** A Markov model read from a model folder: the counts, and the manifest they came with. */
class LoadedMarkovModel extends MarkovModel implements LoadedModel {
  constructor(readonly manifest: ModelManifest, a: MarkovArchitecture, counts: Uint32Array) {
    super(a.order, counts, a.alpha, a.context);
  }
}

export async function loadModel(source: ModelSource, onProgress?: (p: LoadProgress) => void): Promise<LoadedModel> {
  let json: unknown;
  try {
    json = JSON.parse(await source.readText('model.json'));
  } catch (e) {
    throw new Error(`Could not read ${source.label}model.json: ${(e as Error).message}`);
  }
  const manifest = validateManifest(json, `${source.label}model.json`);
  const weights = await loadWeights(manifest, source, onProgress);
  const a = manifest.architecture;
  if (a.type === 'markov') return new LoadedMarkovModel(manifest, a, weights.get('counts')!.data as Uint32Array);
  if (a.type === 'hyena') return new HyenaModel(manifest, weights);
  return new HybridModel(manifest, weights);
}
