// The model.json format written by training/export.py, and its validation.

import { VOCAB } from '../genome/tokens';
import { validateVariantEffect, type VariantEffectMetrics } from './variantMetrics';

export const MODEL_FORMAT = 'glm-playground/model@1';

export type Objective = 'mlm' | 'clm';

export interface HybridArchitecture {
  type: 'hybrid-conv-alibi';
  d_model: number;
  n_heads: number;
  d_ff: number;
  conv_kernel: number;
  conv_dilations: number[];
  n_attn: number;
  context: number;
  ln_eps: number;
  positional: 'alibi';
  activation: 'gelu_tanh';
}

/** Attention-free: n_hyena Hyena blocks (HyenaModel, src/model/hyena.ts; HyenaMixer in training/model.py). */
export interface HyenaArchitecture {
  type: 'hyena';
  d_model: number;
  d_ff: number;
  n_hyena: number;
  short_kernel: number;
  filter_order: number;
  filter_bands: number;
  /** Longest lag the filter is defined for: the longest input read in one pass. */
  max_len: number;
  /** The decay window falls to 1% at lags geometric between these (channel 0 to D - 1). */
  decay_lags: [number, number];
  /** The training window (the runtime reads up to max_len). */
  context: number;
  ln_eps: number;
  activation: 'gelu_tanh';
}

export interface MarkovArchitecture {
  type: 'markov';
  /** Bases of context: P(x_i | x_{i-order} .. x_{i-1}). */
  order: number;
  /** Dirichlet prior weight towards the order below. */
  alpha: number;
  /** Window length used for long sequences (any; the model only looks back `order` bases). */
  context: number;
}

export type Architecture = HybridArchitecture | HyenaArchitecture | MarkovArchitecture;

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
    valBits?: number; heldoutBits?: number | null; heldoutPositions?: number; heldoutWindow?: number; grammar?: Record<string, number>;
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

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/** Check the fields the runtime relies on; throws ModelFormatError naming the first bad one. */
export function validateManifest(json: unknown, where: string): ModelManifest {
  const fail = (msg: string): never => { throw new ModelFormatError(`${where}: ${msg}`); };
  if (!isObj(json)) return fail('not a JSON object');
  if (json.format !== MODEL_FORMAT) fail(`unsupported format ${JSON.stringify(json.format)} (this app reads ${MODEL_FORMAT})`);
  if (json.objective !== 'mlm' && json.objective !== 'clm') fail(`objective must be "mlm" or "clm"`);
  if (!Array.isArray(json.vocab) || json.vocab.join('\u0000') !== VOCAB.join('\u0000')) fail(`vocab must be ${JSON.stringify(VOCAB)} (token ids 0-6; the head predicts ids 0-3)`);
  const a = json.architecture;
  if (!isObj(a)) return fail('architecture is missing');
  if (a.type === 'hybrid-conv-alibi') {
    for (const k of ['d_model', 'n_heads', 'd_ff', 'conv_kernel', 'context'] as const) {
      if (!isPosInt(a[k])) fail(`architecture.${k} must be a positive integer`);
    }
    if (!Number.isInteger(a.n_attn) || (a.n_attn as number) < 0) fail('architecture.n_attn must be a whole number (0: convolutions only)');
    if (!Array.isArray(a.conv_dilations) || !a.conv_dilations.every(isPosInt)) fail('architecture.conv_dilations must be positive integers');
    if ((a.d_model as number) % (a.n_heads as number) !== 0) fail('d_model must be divisible by n_heads');
  } else if (a.type === 'hyena') {
    for (const k of ['d_model', 'd_ff', 'n_hyena', 'short_kernel', 'filter_order', 'context', 'max_len'] as const) {
      if (!isPosInt(a[k])) fail(`architecture.${k} must be a positive integer`);
    }
    if (!Number.isInteger(a.filter_bands) || (a.filter_bands as number) < 2) fail('architecture.filter_bands must be an integer of at least 2');
    const lags = a.decay_lags;
    if (!Array.isArray(lags) || lags.length !== 2 || !lags.every((l) => typeof l === 'number' && l > 0)) fail('architecture.decay_lags must be two positive lags');
    if (typeof a.ln_eps !== 'number' || !(a.ln_eps > 0)) fail('architecture.ln_eps must be positive');
    if (json.objective !== 'clm') fail('a Hyena model here is causal: objective must be "clm"');
  } else if (a.type === 'markov') {
    if (!isPosInt(a.order) || (a.order as number) > 12) fail('architecture.order must be an integer from 1 to 12');
    if (!isPosInt(a.context)) fail('architecture.context must be a positive integer');
    if (typeof a.alpha !== 'number' || !(a.alpha > 0)) fail('architecture.alpha must be positive');
    if (json.objective !== 'clm') fail('a Markov model is causal: objective must be "clm"');
  } else {
    fail(`unknown architecture.type ${JSON.stringify(a.type)}`);
  }
  const groups = json.weightsManifest;
  if (!Array.isArray(groups) || groups.length === 0) return fail('weightsManifest is missing');
  for (const g of groups) {
    if (!isObj(g) || !Array.isArray(g.paths) || !Array.isArray(g.weights) || !Array.isArray(g.sha256)) fail('each weight group needs paths, weights and sha256');
    const grp = g as unknown as WeightGroup;
    if (grp.sha256.length !== grp.paths.length) fail('weightsManifest needs one sha256 per shard');
    for (const p of grp.paths) if (typeof p !== 'string' || p.includes('..') || p.startsWith('/')) fail(`bad shard path ${JSON.stringify(p)}`);
  }
  if (isObj(json.metrics) && json.metrics.variantEffect !== undefined) {
    const problem = validateVariantEffect(json.metrics.variantEffect);
    if (problem) fail(`metrics.variantEffect: ${problem}`);
  }
  const d = json.scoreDistribution;
  if (d !== undefined) {
    if (!isObj(d) || !isObj(d.quantiles) || !isPosInt(d.window) || typeof d.bothStrands !== 'boolean') fail('scoreDistribution needs quantiles, window and bothStrands');
    for (const [m, q] of Object.entries((d as { quantiles: Record<string, unknown> }).quantiles)) {
      if (!Array.isArray(q) || q.length !== 101 || !q.every((x, i) => Number.isFinite(x) && (i === 0 || x >= q[i - 1])))
        fail(`scoreDistribution.quantiles.${m} must be 101 ascending numbers`);
    }
  }
  return json as unknown as ModelManifest;
}
