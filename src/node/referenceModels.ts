// Where the published families' oracle fixtures live (shared/reference-models: config, checkpoint and the
// official code's logits), and a reader for their reference.json, for the family tests.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './nodeRuntime';

/** GLM_REFERENCE_MODELS, else shared/ beside the checkout (main) or beside its parent (a worktree). */
export function referenceModelsDir(): string {
  const candidates = [join(REPO_ROOT, '../shared/reference-models'), join(REPO_ROOT, '../../shared/reference-models')];
  const dir = process.env.GLM_REFERENCE_MODELS ?? candidates.find((d) => existsSync(d));
  if (!dir || !existsSync(dir)) {
    throw new Error(`reference models not found: set GLM_REFERENCE_MODELS (looked in ${candidates.join(', ')})`);
  }
  return dir;
}

export interface ReferenceCase {
  tokenIds: number[];
  /** [L, V] row-major, every vocabulary column. */
  logits: Float64Array;
  shape: [number, number];
}

export function readReference(fixture: string): { config: unknown; cases: ReferenceCase[] } {
  const ref = JSON.parse(readFileSync(join(referenceModelsDir(), fixture, 'reference.json'), 'utf8')) as {
    config: unknown;
    inputs: { token_ids: number[] }[];
    outputs: { shape: [number, number]; logits: number[][] }[];
  };
  const cases = ref.inputs.map((input, i) => {
    const out = ref.outputs[i]!;
    return { tokenIds: input.token_ids, logits: Float64Array.from(out.logits.flat()), shape: out.shape };
  });
  return { config: ref.config, cases };
}
