// For the tests: a language model without weights whose hidden states are plain functions of the bases, so a
// probe's features can be computed independently of the code under test.
import { fakeLanguageModel } from '../model/testing/fakeLanguageModel';

/** Hidden state of row t: the one-hot token and the running share of G or C (size 5); `calls` lists its passes. */
export function fakeModel() {
  return fakeLanguageModel({
    objective: 'mlm',
    context: 64,
    hidden: {
      size: 5,
      of(row, out) {
        let gc = 0;
        row.forEach((tok, t) => {
          gc += tok === 1 || tok === 2 ? 1 : 0;
          if (tok < 4) out[t * 5 + tok] = 1;
          out[t * 5 + 4] = gc / (t + 1);
        });
      },
    },
  });
}
