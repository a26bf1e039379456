// What Python (training/) and TypeScript agree on, read from contracts.json at the repository root.

import contracts from '../contracts.json' with { type: 'json' };

/** Token vocabulary: ids are positions, bases first (the head predicts ids 0-3). */
export const CONTRACT_VOCAB: readonly string[] = contracts.vocab.tokens;

/** Held-out bits: n evenly spaced BRCA1 positions, `margin` from both ends, scored in `window`-base windows. */
export const CONTRACT_HELDOUT: { readonly n: number; readonly window: number; readonly margin: number } = {
  n: contracts.heldout.n,
  window: contracts.heldout.window,
  margin: contracts.heldout.margin,
};

/** The grammar probe's window: a site masked alone at window / 2, or a causal window's last base. */
export const CONTRACT_PROBE_WINDOW: number = contracts.grammarProbe.window;

/** The training config whose split the Markov baselines count k-mers on (repository-relative). */
export const CONTRACT_MARKOV_CONFIG: string = contracts.markovTraining.config;

/** Data paths starting with `prefix` are read from $`env` instead when it is set. */
export const CONTRACT_SHARED_DATA: { readonly prefix: string; readonly env: string } = contracts.sharedData;

/** The worked examples each side checks its code against (src/contracts.test.ts, training/test_contracts.py). */
export const CONTRACT_EXAMPLES = {
  encode: contracts.vocab.example,
  heldout: contracts.heldout.example,
  split: contracts.markovTraining.example,
};
