// A network's raw logits for token-id rows in its own vocabulary, as `npm run logits` prints them: the page's
// check that a published family reproduces its official code's logits (shared/reference-models) on this
// browser's backend, called through the test hook (?testhooks=1). Not a panel, and not saved.

import { defineAnalysis, isRecord, requireModel } from '../descriptor';

export interface LogitsArgs {
  /** Token ids in the model's own vocabulary (a reference.json's inputs[i].token_ids). */
  rows: number[][];
}
export interface LogitsResult {
  vocab: number;
  /** Per row, [T, vocab] row-major. */
  logits: Float32Array[];
}

function checkRows(args: unknown): number[][] {
  const rows = isRecord(args) ? args.rows : undefined;
  if (!Array.isArray(rows) || rows.length === 0) throw new Error('logits: args.rows must be a non-empty list');
  rows.forEach((r, i) => {
    if (!Array.isArray(r) || r.length === 0 || !r.every((t) => Number.isInteger(t) && t >= 0))
      throw new Error(`logits: rows[${i}] must be a non-empty list of token ids (integers >= 0)`);
  });
  return rows as number[][];
}

export const logits = defineAnalysis<LogitsArgs, LogitsResult>({
  kind: 'logits',
  label: 'Raw logits',
  async run(model, _input, args, opts) {
    const m = requireModel(model);
    if (!m.rawLogits) throw new Error('This model has no logits (it is not a network).');
    const rows = checkRows(args);
    const out: Float32Array[] = [];
    let vocab = 0;
    for (const [i, r] of rows.entries()) {
      const res = await m.rawLogits(Int32Array.from(r));
      out.push(res.logits);
      vocab = res.vocab;
      opts.onProgress?.(i + 1, rows.length);
    }
    return { vocab, logits: out };
  },
  transfer: (r) => r.logits.map((l) => l.buffer),
});

declare module '../descriptor' {
  interface AnalysisKinds {
    logits: typeof logits;
  }
}
