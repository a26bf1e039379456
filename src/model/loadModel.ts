// loadModel(source): read model.json, verify and load weights, build the runtime model.

import { HybridModel } from './hybrid';
import { validateManifest } from './manifest';
import type { ModelSource } from './source';
import { loadWeights, type LoadProgress } from './weights';

export async function loadModel(source: ModelSource, onProgress?: (p: LoadProgress) => void): Promise<HybridModel> {
  let json: unknown;
  try {
    json = JSON.parse(await source.readText('model.json'));
  } catch (e) {
    throw new Error(`Could not read ${source.label}model.json: ${(e as Error).message}`);
  }
  const manifest = validateManifest(json, `${source.label}model.json`);
  const weights = await loadWeights(manifest, source, onProgress);
  return new HybridModel(manifest, weights);
}
