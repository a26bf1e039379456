import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../loadModel';
import { type ModelFile, modelFolder, unzipModel } from '../memorySource';
import { REPO_ROOT, useNodeBackend } from '../../node/nodeRuntime';
import { verifyGolden } from './verifyModel';

// training/smoke.sh's tiny Hyena export, as a user would bring it: a folder "smoke-hyena" of four files
const FIXTURE = join(REPO_ROOT, 'e2e/fixtures/smoke-hyena');
const folder = (edit: Record<string, (b: Uint8Array) => Uint8Array> = {}): ModelFile[] =>
  readdirSync(FIXTURE).map((f) => {
    const b = new Uint8Array(readFileSync(join(FIXTURE, f)));
    const e = edit[f]?.(b) ?? b;
    return {
      path: `smoke-hyena/${f}`,
      bytes: e.buffer.slice(e.byteOffset, e.byteOffset + e.byteLength) as ArrayBuffer,
    };
  });
const text = (f: (j: Record<string, unknown>) => void) => (b: Uint8Array) => {
  const j = JSON.parse(new TextDecoder().decode(b));
  f(j);
  return new TextEncoder().encode(JSON.stringify(j));
};

describe('a model the user brings', () => {
  it('loads from its folder or a zip of it and reproduces its golden vectors', async () => {
    await useNodeBackend('wasm');
    for (const files of [
      folder(),
      unzipModel(
        zipSync(Object.fromEntries(folder().map((f) => [f.path, new Uint8Array(f.bytes)]))).buffer as ArrayBuffer,
        'm.zip',
      ),
    ]) {
      const src = modelFolder(files, 'smoke-hyena');
      const model = await loadModel(src);
      const report = await verifyGolden(model, src);
      expect(report.cases.map((c) => c.length)).toEqual([64, 64, 64, 2048]);
      expect(report.maxLogprobError).toBeLessThan(1e-4);
      model.dispose();
    }
  });

  it('finds model.json at the top as well as in one enclosing folder', () => {
    const flat = folder().map((f) => ({ ...f, path: f.path.replace('smoke-hyena/', '') }));
    expect(modelFolder(flat, 'x').label).toBe('x/');
  });

  it('is refused with the file named: no model.json, a missing shard, a foreign vocabulary, golden vectors that do not match', async () => {
    await useNodeBackend('wasm');
    expect(() =>
      modelFolder(
        folder().filter((f) => !f.path.endsWith('model.json')),
        'mine',
      ),
    ).toThrow(/mine has no model.json/);
    const noShard = modelFolder(
      folder().filter((f) => !f.path.endsWith('.bin')),
      'mine',
    );
    await expect(loadModel(noShard)).rejects.toThrow(/mine\/group1-shard1of1\.bin is missing/);
    const vocab = modelFolder(
      folder({
        'model.json': text((j) => {
          j.vocab = ['A', 'C', 'G', 'U', 'N', '[MASK]', '[BOS]'];
        }),
      }),
      'mine',
    );
    await expect(loadModel(vocab)).rejects.toThrow(/mine\/model\.json: vocab must be/);
    const golden = modelFolder(
      folder({
        'golden.json': text((j) => {
          const c = (j.cases as { logprobs: number[][] }[])[3]!;
          c.logprobs[1000]![2]! += 0.01;
        }),
      }),
      'mine',
    );
    const model = await loadModel(golden);
    await expect(verifyGolden(model, golden)).rejects.toThrow(
      /mine\/golden\.json: the model does not reproduce its golden vectors: case max_len differs by 1\.0e-2/,
    );
    const none = modelFolder(
      folder().filter((f) => !f.path.endsWith('golden.json')),
      'mine',
    );
    await expect(verifyGolden(model, none)).rejects.toThrow(
      /mine\/golden\.json could not be read .*needs the golden vectors/,
    );
    model.dispose();
    expect(() => unzipModel(new Uint8Array([80, 75, 3, 4, 1, 2, 3]).buffer, 'broken.zip')).toThrow(
      /broken\.zip is not a readable zip archive/,
    );
  });
});
