// A published model folder's weights: which file to read (config.json beside model.safetensors, its shards,
// pytorch_model.bin or a Lightning weights.ckpt; safetensors preferred) and reading it into RawTensors.

import { ModelFormatError } from '../formatError';
import type { RawTensors } from './rawTensor';
import { readSafetensors } from './safetensors';
import { readTorchSave } from './torchZip';

export const CONFIG_FILE = 'config.json';
export const SHARD_INDEX = 'model.safetensors.index.json';

/** In order of preference: safetensors holds no code and is read without unpickling. */
const WEIGHT_FILES = ['model.safetensors', SHARD_INDEX, 'pytorch_model.bin', 'weights.ckpt'] as const;
const TORCH_SAVE = /\.(bin|ckpt|pt|pth)$/;

export type WeightsChoice = { kind: 'file'; file: string } | { kind: 'sharded'; index: string };

/** The weight file to read among the names of a folder's top-level files. */
export function findWeightsFile(names: readonly string[], where: string): WeightsChoice {
  const has = new Set(names);
  const listing = names.length ? names.slice(0, 8).join(', ') + (names.length > 8 ? ', ...' : '') : 'nothing';
  const expected = `a published model folder holds ${CONFIG_FILE} and one of ${WEIGHT_FILES.join(', ')}`;
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}; ${expected}.`);
  };
  if (!has.has(CONFIG_FILE)) fail(`no ${CONFIG_FILE} (it holds ${listing})`);
  const found = WEIGHT_FILES.find((f) => has.has(f));
  if (found === SHARD_INDEX) return { kind: 'sharded', index: found };
  if (found) return { kind: 'file', file: found };
  // a Lightning run names its checkpoints (last.ckpt, epoch=9-step=100.ckpt): one of them is unambiguous
  const others = names.filter((n) => TORCH_SAVE.test(n) && !n.includes('/'));
  if (others.length === 1) return { kind: 'file', file: others[0]! };
  return fail(
    others.length
      ? `several checkpoints (${others.join(', ')}): keep the one to read`
      : `no weight file (it holds ${listing})`,
  );
}

/** The tensors of one weight file, read by what its name says it is; most are views of `bytes`, not copies. */
export function readCheckpoint(fileName: string, bytes: Uint8Array): RawTensors {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${fileName}: ${msg}`);
  };
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (base.endsWith('.safetensors')) {
    if (zip) fail('the file is a zip archive (a torch.save file?), not safetensors; name it pytorch_model.bin.');
    return readSafetensors(bytes, fileName);
  }
  if (TORCH_SAVE.test(base)) return readTorchSave(bytes, fileName);
  if (base === SHARD_INDEX) fail('this is the index of a sharded model.safetensors; its shards are read with it.');
  return fail('not a weight file this app reads (model.safetensors, pytorch_model.bin, a torch.save .ckpt/.pt/.pth).');
}

/** The weight_map of a model.safetensors.index.json: tensor name -> shard file. */
function weightMap(index: unknown, where: string): Map<string, string> {
  const wm = typeof index === 'object' && index !== null ? (index as { weight_map?: unknown }).weight_map : undefined;
  if (typeof wm !== 'object' || wm === null || Array.isArray(wm)) {
    throw new ModelFormatError(`${where}: has no weight_map object (tensor name -> shard file).`);
  }
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(wm)) {
    // a shard is a file of the folder itself: no path, no hidden or parent name
    if (typeof v !== 'string' || !/^[^/\\]+\.safetensors$/.test(v) || v.startsWith('.')) {
      throw new ModelFormatError(
        `${where}: weight_map puts ${k} in ${JSON.stringify(v)}, not a .safetensors file ` + 'of the folder.',
      );
    }
    out.set(k, v);
  }
  return out;
}

/** The shard files a model.safetensors.index.json names, each once. */
export function shardNames(index: unknown, where: string): string[] {
  return [...new Set(weightMap(index, where).values())];
}

/** The tensors of all shards, each found in the shard the index names and no tensor left out of the index. */
export function readShardedSafetensors(
  index: unknown,
  shards: ReadonlyMap<string, Uint8Array>,
  where: string,
): RawTensors {
  const map = weightMap(index, where);
  const out: RawTensors = new Map();
  for (const shard of new Set(map.values())) {
    const bytes = shards.get(shard);
    if (!bytes) throw new ModelFormatError(`${where}: names the shard ${shard}, which the folder does not hold.`);
    for (const [key, t] of readSafetensors(bytes, shard)) {
      if (map.get(key) === shard) {
        out.set(key, t);
        continue;
      }
      const listed = map.has(key) ? `puts in ${map.get(key)}` : 'does not list';
      throw new ModelFormatError(`${shard}: holds ${key}, which ${where} ${listed}.`);
    }
  }
  const lost = [...map.keys()].filter((k) => !out.has(k));
  if (lost.length) {
    const more = lost.length > 1 ? ` (nor ${lost.length - 1} more)` : '';
    throw new ModelFormatError(
      `${where}: lists ${lost[0]} in ${map.get(lost[0]!)}, but that shard does not hold ` + `it${more}.`,
    );
  }
  return out;
}
