// A fake causal model that predicts base t from base t - 1 alone and has no start token, as HyenaDNA: row 0 of
// every input is NaN (no prediction), and P(b | previous base a) = 0.7 if b = a, else 0.1, so any score can be
// worked out by hand. `prefix: true` also declares the shared-prefix speed-up, computed the plain way.
import type { LanguageModel } from '../model/languageModel';

export const P_SAME = 0.7,
  P_OTHER = 0.1;

/** log P(base b at t | base a at t - 1). */
export const lpNext = (a: number, b: number) => Math.log(a >= 4 ? 0.25 : a === b ? P_SAME : P_OTHER);

function rows(tokens: Int32Array, batch: number): Float32Array {
  const T = tokens.length / batch,
    out = new Float32Array(tokens.length * 4);
  for (let r = 0; r < batch; r++)
    for (let t = 0; t < T; t++)
      for (let b = 0; b < 4; b++) out[(r * T + t) * 4 + b] = t === 0 ? NaN : lpNext(tokens[r * T + t - 1]!, b);
  return out;
}

export function nextTokenModel(opts: { prefix?: boolean; context?: number } = {}): LanguageModel {
  return {
    objective: 'clm',
    context: opts.context ?? 64,
    nHeads: 0,
    nAttentionLayers: 0,
    representation: { kind: 'none' },
    reuse: opts.prefix
      ? {
          kind: 'prefix',
          forwardShared: async (ref, alts) => ({
            ref: rows(ref, 1),
            alts: alts.map((a) => rows(a.tokens, 1).slice(a.from * 4)),
          }),
        }
      : { kind: 'none' },
    forward: async (tokens, batch) => ({ logprobs: rows(tokens, batch) }),
  };
}
