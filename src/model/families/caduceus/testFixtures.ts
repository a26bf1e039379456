// Test helpers: the reference-models fixtures caduceus-ph / caduceus-ps (config.json, model.safetensors and the
// official code's logits in reference.json), loaded through this family as a published folder would be.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { REPO_ROOT } from '../../../node/nodeRuntime';
import { resolveWeights } from '../../formats/resolveWeights';
import { readSafetensors } from '../../formats/safetensors';
import type { Network } from '../../network';
import { logits } from '../../network';
import type { CaduceusConfig } from './config';
import { caduceus } from './index';

/** The agreement asked of a float32 implementation (reference-models README). */
export const TOL = 3e-5;

const ROOT = [
  process.env.REFERENCE_MODELS,
  join(REPO_ROOT, '../shared/reference-models'),
  join(REPO_ROOT, '../../shared/reference-models'),
].find((d): d is string => !!d && existsSync(d));

export type FixtureName = 'caduceus-ph' | 'caduceus-ps';

export interface Reference {
  inputs: { token_ids: number[] }[];
  outputs: { shape: [number, number]; logits: number[][] }[];
  checks: Record<string, number>;
}

export function fixture(name: FixtureName) {
  if (!ROOT) throw new Error('reference-models not found: set REFERENCE_MODELS to the folder holding caduceus-ph/');
  const dir = join(ROOT, name);
  const json = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
  const bytes = new Uint8Array(readFileSync(join(dir, 'model.safetensors')));
  const raw = readSafetensors(bytes, `${name}/model.safetensors`);
  const ref = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')) as Reference;
  return { json, raw, ref };
}

/** A fixture read and built; `patch` changes the config read before the weights are resolved. */
export function load(name: FixtureName, patch: (c: CaduceusConfig) => CaduceusConfig = (c) => c) {
  const { json, raw, ref } = fixture(name);
  const config = patch(caduceus.readConfig(json, `${name}/config.json`));
  const weights = resolveWeights(caduceus.weights(config), raw, `${name}/model.safetensors`);
  return { config, weights, ref, net: caduceus.build(config, weights) };
}

/** Logits [B, L, V] of B rows of equal length, given one after another. */
export function run(net: Network, ids: readonly number[], rows = 1): Float32Array {
  const out = tf.tidy(() => logits(net, tf.tensor2d(Int32Array.from(ids), [rows, ids.length / rows], 'int32')));
  const data = out.dataSync() as Float32Array;
  out.dispose();
  return data;
}

export function maxDiff(a: Float32Array, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`comparing ${a.length} values with ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
