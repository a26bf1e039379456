// A published model folder as downloaded from its hub (config.json and model.safetensors, pytorch_model.bin or a
// Lightning weights.ckpt): its family found by model_type, its weights read without running anything, checked
// against the family's table, and built into the same SequenceModel as a bundled model.

import { familyFor } from './families/registry';
import { isOriginalHyenaDNAConfig } from './families/hyenadna';
import { ModelFormatError } from './formatError';
import { CONFIG_FILE, findWeightsFile, readCheckpoint, readShardedSafetensors, shardNames } from './formats/checkpoint';
import type { RawTensors } from './formats/rawTensor';
import { resolveWeights } from './formats/resolveWeights';
import type { LoadedModel } from './meta';
import { SequenceModel } from './sequenceModel';
import type { ModelSource } from './source';
import type { LoadProgress } from './weights';

/** The type a config names: model_type, or the original HyenaDNA layout, which names none. */
function modelType(json: unknown): unknown {
  const t = (json as { model_type?: unknown } | null)?.model_type;
  return t === undefined && isOriginalHyenaDNAConfig(json) ? 'hyenadna' : t;
}

async function readWeights(
  source: ModelSource,
  names: string[],
  onProgress?: (p: LoadProgress) => void,
): Promise<{ raw: RawTensors; file: string; size: number }> {
  const choice = findWeightsFile(names, source.label);
  let size = 0;
  const bytes = async (file: string, i: number, total: number) => {
    onProgress?.({ status: 'download', file, loaded: i, total });
    const b = new Uint8Array(await source.readBytes(file));
    size += b.byteLength;
    return b;
  };
  // a refusal names the file with its folder, as the weight table's refusals do
  const named = (file: string) => `${source.label}${file}`;
  if (choice.kind === 'file') {
    return { raw: readCheckpoint(named(choice.file), await bytes(choice.file, 0, 1)), file: choice.file, size };
  }
  const index = JSON.parse(await source.readText(choice.index)) as unknown;
  const shards = shardNames(index, named(choice.index));
  const read = new Map<string, Uint8Array>();
  for (const [i, s] of shards.entries()) read.set(s, await bytes(s, i, shards.length));
  return { raw: readShardedSafetensors(index, read, named(choice.index)), file: choice.index, size };
}

export async function loadPublished(source: ModelSource, onProgress?: (p: LoadProgress) => void): Promise<LoadedModel> {
  const where = `${source.label}${CONFIG_FILE}`;
  let json: unknown;
  try {
    json = JSON.parse(await source.readText(CONFIG_FILE));
  } catch (e) {
    throw new ModelFormatError(`Could not read ${where}: ${(e as Error).message}`);
  }
  const type = modelType(json);
  const family = familyFor(type, where);
  const config = family.readConfig(json, where);
  if (!source.list)
    throw new ModelFormatError(
      `${source.label}: the folder's files cannot be listed, so its weight file cannot be found.`,
    );
  const { raw, file, size } = await readWeights(source, await source.list(), onProgress);
  const table = family.weights(config);
  const weights = resolveWeights(table, raw, `${source.label}${file}`);
  const facts = family.facts(config);
  const id = source.label.replace(/\/+$/, '').split('/').pop() || family.name;
  const parameters = table
    .filter((e) => e.dtype !== 'int64')
    .reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);
  onProgress?.({ status: 'ready', loaded: 1, total: 1 });
  const model = new SequenceModel(facts, family.build(config, weights));
  return Object.assign(model, {
    meta: {
      id,
      name: `${family.name}: ${id}`,
      family: family.name,
      type: String(type),
      format: 'published' as const,
      objective: facts.objective,
      parameters,
      metrics: {},
      // config.json states no licence, training data or quality: a Hub download's card comes from its catalogue
      card: {
        source: `the folder ${source.label.replace(/\/+$/, '')} (config.json and ${file})`,
        weights: { file, bytes: size },
        licence: null,
        trainedContext: null,
        trainingData: null,
        zeroShot: null,
        unverified: [],
      },
    },
  });
}
