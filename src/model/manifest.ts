// The model.json format written by training/export.py, and its validation.

import { VOCAB } from '../genome/tokens';
import type { Objective } from './family';
import { ModelFormatError } from './formatError';
import { validateVariantEffect, type VariantEffectMetrics } from './variantMetrics';

export const MODEL_FORMAT = 'glm-playground/model@1';

/** The architecture as model.json holds it: `type` names the registered family (families/registry.ts). */
export type Architecture = { type: string; context: number } & Record<string, unknown>;

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'uint32';
}

export interface WeightGroup {
  paths: string[];
  weights: WeightSpec[];
  /** Hex sha256 of each shard, aligned with paths. */
  sha256: string[];
}

export interface ModelManifest {
  format: string;
  id: string;
  name: string;
  objective: Objective;
  architecture: Architecture;
  vocab: string[];
  parameters: number;
  weightsBytes: number;
  weightsManifest: WeightGroup[];
  training: Record<string, unknown>;
  metrics: {
    valBits?: number;
    heldoutBits?: number | null;
    heldoutPositions?: number;
    heldoutWindow?: number;
    grammar?: Record<string, number>;
    /** Written by npm run eval -- --write-metrics: what the zero-shot scores are worth (variantMetrics.ts). */
    variantEffect?: VariantEffectMetrics;
  };
  /** Written by npm run calibrate; absent in models made before it (no percentiles then). */
  scoreDistribution?: ScoreDistribution;
}

/** Each score's distribution over random substitutions of held-out sequence (src/eval/calibration.ts). */
export interface ScoreDistribution {
  /** Where the substitutions come from, in words. */
  source: string;
  substitutions: number;
  /** The settings the scores were computed with: a percentile is exact for these, indicative otherwise. */
  window: number;
  bothStrands: boolean;
  /** Per score method: 101 quantiles (0%, 1%, ..., 100%). */
  quantiles: Record<string, number[]>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** Check the fields the runtime relies on; throws ModelFormatError naming the first bad one. */
export function validateManifest(json: unknown, where: string): ModelManifest {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  if (!isObj(json)) return fail('not a JSON object');
  if (json.format !== MODEL_FORMAT)
    fail(`unsupported format ${JSON.stringify(json.format)} (this app reads ${MODEL_FORMAT})`);
  if (json.objective !== 'mlm' && json.objective !== 'clm') fail(`objective must be "mlm" or "clm"`);
  if (!Array.isArray(json.vocab) || json.vocab.join('\u0000') !== VOCAB.join('\u0000'))
    fail(`vocab must be ${JSON.stringify(VOCAB)} (token ids 0-6; the head predicts ids 0-3)`);
  const a = json.architecture;
  if (!isObj(a) || typeof a.type !== 'string') return fail('architecture is missing');
  if (!isPosInt(a.context)) fail('architecture.context must be a positive integer');
  const groups = json.weightsManifest;
  if (!Array.isArray(groups) || groups.length === 0) return fail('weightsManifest is missing');
  for (const g of groups) {
    if (!isObj(g) || !Array.isArray(g.paths) || !Array.isArray(g.weights) || !Array.isArray(g.sha256))
      fail('each weight group needs paths, weights and sha256');
    const grp = g as unknown as WeightGroup;
    if (grp.sha256.length !== grp.paths.length) fail('weightsManifest needs one sha256 per shard');
    for (const p of grp.paths)
      if (typeof p !== 'string' || p.includes('..') || p.startsWith('/')) fail(`bad shard path ${JSON.stringify(p)}`);
  }
  if (isObj(json.metrics) && json.metrics.variantEffect !== undefined) {
    const problem = validateVariantEffect(json.metrics.variantEffect);
    if (problem) fail(`metrics.variantEffect: ${problem}`);
  }
  const d = json.scoreDistribution;
  if (d !== undefined) {
    if (!isObj(d) || !isObj(d.quantiles) || !isPosInt(d.window) || typeof d.bothStrands !== 'boolean')
      fail('scoreDistribution needs quantiles, window and bothStrands');
    for (const [m, q] of Object.entries((d as { quantiles: Record<string, unknown> }).quantiles)) {
      if (!Array.isArray(q) || q.length !== 101 || !q.every((x, i) => Number.isFinite(x) && (i === 0 || x >= q[i - 1])))
        fail(`scoreDistribution.quantiles.${m} must be 101 ascending numbers`);
    }
  }
  return json as unknown as ModelManifest;
}
