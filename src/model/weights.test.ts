import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../node/fileSource';
import { modelDirs } from '../node/nodeRuntime';
import { loadModel } from './loadModel';
import type { ModelSource } from './source';

// a neural model: its architecture has many tensors whose shapes can disagree
const dir = modelDirs().find((d) => existsSync(join(d, 'golden.json')))!;

/** The model folder on disk, with some files replaced. */
function patched(overrides: Record<string, (orig: ArrayBuffer) => ArrayBuffer | string>): ModelSource {
  const base = fileSource(dir);
  const text = async (f: string) =>
    overrides[f]
      ? String(overrides[f](new TextEncoder().encode(await base.readText(f)).buffer as ArrayBuffer))
      : base.readText(f);
  return {
    label: base.label,
    readText: text,
    readBytes: async (f) => {
      const orig = await base.readBytes(f);
      const o = overrides[f]?.(orig);
      return o === undefined ? orig : (o as ArrayBuffer);
    },
  };
}

const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
const shard: string = manifest.weightsManifest[0].paths[0];

describe('loading weights', () => {
  it('rejects a corrupt shard, naming the file', async () => {
    const src = patched({
      [shard]: (b) => {
        const c = b.slice(0);
        new Uint8Array(c)[100]! ^= 1;
        return c;
      },
    });
    await expect(loadModel(src)).rejects.toThrow(new RegExp(`Weight file .*${shard} is corrupt or truncated`));
  });

  it('rejects a truncated shard', async () => {
    const src = patched({ [shard]: (b) => b.slice(0, b.byteLength - 4) });
    await expect(loadModel(src)).rejects.toThrow(/corrupt or truncated/);
  });

  it('rejects a manifest whose tensor shapes do not fit the architecture', async () => {
    const bad = structuredClone(manifest);
    bad.architecture.d_ff *= 2;
    await expect(loadModel(patched({ 'model.json': () => JSON.stringify(bad) }))).rejects.toThrow(
      /key blocks\.0\.ffn\.fc1\.weight has shape \[\d+, \d+\]; the config implies \[\d+, \d+\]/,
    );
  });

  it('rejects an unknown format version and invalid JSON', async () => {
    await expect(
      loadModel(patched({ 'model.json': () => JSON.stringify({ ...manifest, format: 'glm-playground/model@9' }) })),
    ).rejects.toThrow(/unsupported format "glm-playground\/model@9"/);
    await expect(loadModel(patched({ 'model.json': () => '{"trunc' }))).rejects.toThrow(/Could not read .*model.json/);
  });
});
