// For tests: a language model without weights, whose log-probabilities (or hidden states) are a plain rule over
// each row's tokens, given by the test, which computes what it expects from the same rule by hand. It keeps the
// rows it ran and the shape of each call, so that a test can check how the code under test batched its passes.
import type { Objective } from '../family';
import type { LanguageModel } from '../languageModel';

export interface FakeOptions {
  objective: Objective;
  context: number;
  /** log P(base b) at position j of a row; without it forward() fails (a model read for its hidden states only). */
  logprob?: (row: Int32Array, j: number, b: number) => number;
  /** Hidden states: `size` values per position of a row, written by `of` into `out` ([T, size]). */
  hidden?: { size: number; of: (row: Int32Array, out: Float32Array) => void };
  nAttentionLayers?: number;
}

export type FakeModel = LanguageModel & {
  /** Rows run so far (a test may set it back to 0). */
  rows: number;
  seen: Int32Array[];
  /** Each forward() or hidden() call's batch and row length. */
  calls: { batch: number; T: number }[];
};

export function fakeLanguageModel(o: FakeOptions): FakeModel {
  /** Each row of a [batch, T] block, counted and kept. */
  const rowsOf = (tokens: Int32Array, batch: number) => {
    const T = tokens.length / batch;
    const rows = Array.from({ length: batch }, (_, b) => tokens.slice(b * T, (b + 1) * T));
    m.rows += batch;
    m.seen.push(...rows);
    m.calls.push({ batch, T });
    return rows;
  };
  const hidden = o.hidden;
  const m: FakeModel = {
    objective: o.objective,
    context: o.context,
    nHeads: 1,
    nAttentionLayers: o.nAttentionLayers ?? 0,
    reuse: { kind: 'none' },
    rows: 0,
    seen: [],
    calls: [],
    representation: hidden
      ? {
          kind: 'hidden',
          size: hidden.size,
          async hidden(tokens, batch) {
            const T = tokens.length / batch;
            const out = new Float32Array(tokens.length * hidden.size);
            rowsOf(tokens, batch).forEach((row, b) => hidden.of(row, out.subarray(b * T * hidden.size)));
            return out;
          },
        }
      : { kind: 'none' },
    async forward(tokens, batch) {
      if (!o.logprob) throw new Error('this fake is read for its hidden states only');
      const T = tokens.length / batch;
      const out = new Float32Array(tokens.length * 4);
      rowsOf(tokens, batch).forEach((row, r) => {
        for (let j = 0; j < T; j++) for (let b = 0; b < 4; b++) out[(r * T + j) * 4 + b] = o.logprob!(row, j, b);
      });
      return { logprobs: out };
    },
  };
  return m;
}
