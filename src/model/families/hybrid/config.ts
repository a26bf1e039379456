// The in-house hybrid's architecture as model.json holds it (training/export.py writes it), and its check.

import { ModelFormatError } from '../../formatError';

export interface HybridConfig {
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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

export function readHybridConfig(a: unknown, where: string): HybridConfig {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  if (!isObj(a)) return fail('architecture is missing');
  for (const k of ['d_model', 'n_heads', 'd_ff', 'conv_kernel', 'context'] as const) {
    if (!isPosInt(a[k])) fail(`architecture.${k} must be a positive integer`);
  }
  if (!Number.isInteger(a.n_attn) || (a.n_attn as number) < 0)
    fail('architecture.n_attn must be a whole number (0: convolutions only)');
  if (!Array.isArray(a.conv_dilations) || !a.conv_dilations.every(isPosInt))
    fail('architecture.conv_dilations must be positive integers');
  if ((a.d_model as number) % (a.n_heads as number) !== 0) fail('d_model must be divisible by n_heads');
  if (typeof a.ln_eps !== 'number' || !(a.ln_eps > 0)) fail('architecture.ln_eps must be positive');
  return a as unknown as HybridConfig;
}
