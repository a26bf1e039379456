// Node helpers for the CLI, tests, eval and bench: start a tfjs backend and find model folders on disk.

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { chooseBackend, type BackendName } from '../model/backend';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export async function useNodeBackend(name: Exclude<BackendName, 'webgpu'>): Promise<void> {
  const choice = await chooseBackend({
    force: name,
    wasmPaths: join(REPO_ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'),
  });
  if (choice.name !== name || tf.getBackend() !== name) throw new Error(`could not start the ${name} backend`);
}

/** Every bundled model folder, plus the training smoke test's export when it exists. */
export function modelDirs(): string[] {
  const base = join(REPO_ROOT, 'public/models');
  const dirs = existsSync(base)
    ? readdirSync(base, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(base, d.name))
        .filter((d) => existsSync(join(d, 'model.json')))
    : [];
  const smoke = ['smoke-mlm', 'smoke-mlm-long', 'smoke-clm', 'smoke-cnn', 'smoke-hyena']
    .map((d) => join(REPO_ROOT, '.cache', d))
    .filter((d) => existsSync(join(d, 'model.json')));
  return [...dirs, ...smoke];
}
