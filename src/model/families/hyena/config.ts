// The in-house Hyena model's architecture as model.json holds it (HybridGLM with arch "hyena" in
// training/model.py), and its check.

import { ModelFormatError } from '../../formatError';

export interface HyenaConfig {
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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

export function readHyenaConfig(a: unknown, objective: unknown, where: string): HyenaConfig {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  if (!isObj(a)) return fail('architecture is missing');
  for (const k of ['d_model', 'd_ff', 'n_hyena', 'short_kernel', 'filter_order', 'context', 'max_len'] as const) {
    if (!isPosInt(a[k])) fail(`architecture.${k} must be a positive integer`);
  }
  if (!Number.isInteger(a.filter_bands) || (a.filter_bands as number) < 2)
    fail('architecture.filter_bands must be an integer of at least 2');
  const lags = a.decay_lags;
  if (!Array.isArray(lags) || lags.length !== 2 || !lags.every((l) => typeof l === 'number' && l > 0))
    fail('architecture.decay_lags must be two positive lags');
  if (typeof a.ln_eps !== 'number' || !(a.ln_eps > 0)) fail('architecture.ln_eps must be positive');
  if (objective !== 'clm') fail('a Hyena model here is causal: objective must be "clm"');
  return a as unknown as HyenaConfig;
}
