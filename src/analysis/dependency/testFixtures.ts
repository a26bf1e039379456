// A fake language model for dependency-map tests: fixed logits whose dependencies are known by hand.

import { fakeLanguageModel, type FakeModel } from '../../model/testing/fakeLanguageModel';

// P at position j depends only on the token at j - 1 (uniform at 0 and after an N): a substitution at i
// moves position i + 1 and nothing else.
const D = [
  [0.7, 0.1, 0.1, 0.1],
  [0.1, 0.7, 0.1, 0.1],
  [0.1, 0.1, 0.7, 0.1],
  [0.25, 0.25, 0.25, 0.25],
];
const UNIFORM = [0.25, 0.25, 0.25, 0.25];
// a second table, read from j - 2, so that the fake is not the same on both strands
const D2 = [
  [1, 1, 1, 1],
  [2, 1, 1, 1],
  [1, 1, 3, 1],
  [1, 1, 1, 4],
];

export function fakeModel(
  objective: 'mlm' | 'clm',
  opts: { twoBack?: boolean; shared?: boolean; context?: number } = {},
): FakeModel {
  const logprob = (row: Int32Array, j: number, b: number) => {
    const prev = j > 0 && row[j - 1]! < 4 ? D[row[j - 1]!]! : UNIFORM;
    const back = opts.twoBack && j > 1 && row[j - 2]! < 4 ? D2[row[j - 2]!]! : [1, 1, 1, 1];
    const w = prev.map((p, k) => p * back[k]!);
    return Math.log(w[b]! / w.reduce((x, y) => x + y, 0));
  };
  const m = fakeLanguageModel({ objective, context: opts.context ?? 64, logprob });
  if (opts.shared) {
    const forwardShared = async (ref: Int32Array, alts: { from: number; tokens: Int32Array }[]) => {
      const r = (await m.forward(ref, 1)).logprobs;
      const a = await Promise.all(alts.map(async (x) => (await m.forward(x.tokens, 1)).logprobs.slice(x.from * 4)));
      return { ref: r, alts: a };
    };
    return Object.assign(m, { reuse: { kind: 'prefix' as const, forwardShared } });
  }
  return m;
}
