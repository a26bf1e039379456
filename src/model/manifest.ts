// The model.json format written by training/export.py, and its validation.

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

export interface MarkovArchitecture {
  type: 'markov';
  /** Bases of context: P(x_i | x_{i-order} .. x_{i-1}). */
  order: number;
  /** Dirichlet prior weight towards the order below. */
  alpha: number;
  /** Window length used for long sequences (any; the model only looks back `order` bases). */
  context: number;
}

export type Architecture = HybridArchitecture | MarkovArchitecture;

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
  metrics: { valBits?: number; heldoutBits?: number | null; heldoutPositions?: number; heldoutWindow?: number; grammar?: Record<string, number> };
  /** Written by npm run calibrate; absent in models made before it (no percentiles then). */
  scoreDistribution?: ScoreDistribution;
}

/** Each score's distribution over random substitutions of held-out sequence (src/analysis/calibration.ts). */
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
  const a = json.architecture;
  if (!isObj(a)) return fail('architecture is missing');
  if (a.type === 'hybrid-conv-alibi') {
    for (const k of ['d_model', 'n_heads', 'd_ff', 'conv_kernel', 'context'] as const) {
      if (!isPosInt(a[k])) fail(`architecture.${k} must be a positive integer`);
    }
    if (!Number.isInteger(a.n_attn) || (a.n_attn as number) < 0) fail('architecture.n_attn must be a whole number (0: convolutions only)');
    if (!Array.isArray(a.conv_dilations) || !a.conv_dilations.every(isPosInt)) fail('architecture.conv_dilations must be positive integers');
    if ((a.d_model as number) % (a.n_heads as number) !== 0) fail('d_model must be divisible by n_heads');
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
