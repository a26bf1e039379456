// For the tests: a language model without weights whose hidden states are plain functions of the bases, so a
// probe's features can be computed independently of the code under test.

import type { LanguageModel } from '../model/languageModel';

/** Hidden state of row t: the one-hot token and the running share of G or C (size 5); `calls` counts passes. */
export function fakeModel() {
  const calls = { n: 0 };
  const model: LanguageModel = {
    objective: 'mlm',
    context: 64,
    nHeads: 1,
    nAttentionLayers: 0,
    reuse: { kind: 'none' },
    forward: () => Promise.reject(new Error('the probe reads hidden states only')),
    representation: {
      kind: 'hidden',
      size: 5,
      async hidden(tokens, batch) {
        calls.n++;
        const T = tokens.length / batch,
          out = new Float32Array(tokens.length * 5);
        for (let b = 0; b < batch; b++) {
          let gc = 0;
          for (let t = 0; t < T; t++) {
            const tok = tokens[b * T + t]!;
            gc += tok === 1 || tok === 2 ? 1 : 0;
            if (tok < 4) out[(b * T + t) * 5 + tok] = 1;
            out[(b * T + t) * 5 + 4] = gc / (t + 1);
          }
        }
        return out;
      },
    },
  };
  return { model, calls };
}
