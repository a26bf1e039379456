// loadModel(source): read a model folder, check and load its weights, build the runtime model. A bundled folder
// (model.json + sha256-checked shards) names its family by architecture.type; the Markov baseline is counts, not
// a network; a published folder (config.json) is read by publishedFolder.ts.

import { familyFor } from './families/registry';
import { ModelFormatError } from './formatError';
import { resolveWeights } from './formats/resolveWeights';
import { type ModelManifest, validateManifest } from './manifest';
import { MarkovModel } from './markov';
import { loadPublished } from './publishedFolder';
import type { LoadedModel, ModelMeta } from './meta';
import { SequenceModel } from './sequenceModel';
import type { ModelSource } from './source';
import { loadWeights, type LoadProgress } from './weights';

function metaOf(m: ModelManifest, family: string): ModelMeta {
  return {
    id: m.id,
    name: m.name,
    family,
    type: m.architecture.type,
    format: 'bundled',
    objective: m.objective,
    parameters: m.parameters,
    metrics: m.metrics,
    scoreDistribution: m.scoreDistribution,
  };
}

/** The order-k Markov baseline: its counts, checked against the order. */
function markovModel(m: ModelManifest, counts: Uint32Array | undefined, where: string): LoadedModel {
  const a = m.architecture as { order?: unknown; alpha?: unknown; context: number };
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  if (!Number.isInteger(a.order) || (a.order as number) < 1 || (a.order as number) > 12)
    fail('architecture.order must be an integer from 1 to 12');
  if (typeof a.alpha !== 'number' || !(a.alpha > 0)) fail('architecture.alpha must be positive');
  if (m.objective !== 'clm') fail('a Markov model is causal: objective must be "clm"');
  if (!counts) return fail('the weights hold no counts');
  return Object.assign(new MarkovModel(a.order as number, counts, a.alpha as number, a.context), {
    meta: metaOf(m, 'Markov'),
  });
}

/** A bundled folder (model.json) or a published one (config.json and its weights: publishedFolder.ts). */
export async function loadModel(source: ModelSource, onProgress?: (p: LoadProgress) => void): Promise<LoadedModel> {
  const names = await source.list?.();
  if (names && !names.includes('model.json') && names.includes('config.json')) return loadPublished(source, onProgress);
  let json: unknown;
  try {
    json = JSON.parse(await source.readText('model.json'));
  } catch (e) {
    throw new Error(`Could not read ${source.label}model.json: ${(e as Error).message}`);
  }
  const where = `${source.label}model.json`;
  const manifest = validateManifest(json, where);
  const type = manifest.architecture.type;
  if (type === 'markov') {
    const raw = await loadWeights(manifest, source, onProgress);
    const counts = raw.get('counts');
    return markovModel(manifest, counts && new Uint32Array(counts.bytes.slice().buffer), where);
  }
  const family = familyFor(type, where);
  const config = family.readConfig(manifest, where);
  const raw = await loadWeights(manifest, source, onProgress);
  const network = family.build(
    config,
    resolveWeights(family.weights(config), raw, `${source.label}model.json's weights`),
  );
  return Object.assign(new SequenceModel(family.facts(config), network), { meta: metaOf(manifest, family.name) });
}
