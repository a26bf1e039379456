// Measuring a model: the timing loop of npm run bench and of the app's in-browser benchmark (the worker
// uses it too, so it cannot live with the Node-only CLI), and a model without prefix reuse to compare with.

import type { LanguageModel } from './languageModel';

/** Milliseconds of `repeats` forward passes after one warm-up. */
export async function timeForward(
  model: LanguageModel,
  tokens: Int32Array,
  batch: number,
  repeats: number,
): Promise<number[]> {
  await model.forward(tokens, batch);
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await model.forward(tokens, batch);
    ms.push(performance.now() - t);
  }
  return ms;
}

/** The same model without prefix reuse, so every row runs in full (the benchmark and tests compare the two). */
export function withoutPrefixReuse(m: LanguageModel): LanguageModel {
  return {
    objective: m.objective,
    context: m.context,
    nHeads: m.nHeads,
    nAttentionLayers: m.nAttentionLayers,
    reuse: { kind: 'none' },
    representation: m.representation,
    forward: m.forward.bind(m),
  };
}
