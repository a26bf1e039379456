// loadModel(source): read model.json, verify and load weights, build the runtime model.

import type { LanguageModel } from './languageModel';
import { HybridModel } from './hybrid';
import { type ModelManifest, validateManifest } from './manifest';
import { MarkovModel } from './markov';
import type { ModelSource } from './source';
import { loadWeights, type LoadProgress } from './weights';

export interface LoadedModel extends LanguageModel {
  readonly manifest: ModelManifest;
  dispose(): void;
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
  if (a.type === 'markov') {
    const m = new MarkovModel(a.order, weights.get('counts')!.data as Uint32Array, a.alpha, a.context);
    m.manifest = manifest;
    return m as LoadedModel;
  }
  return new HybridModel(manifest, weights);
}
