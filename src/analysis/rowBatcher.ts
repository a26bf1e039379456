// Runs many token rows through a model in batches, padding rows of unequal length on the right
// (harmless for a causal model; masked-model rows are always equal length), and hands each row's
// [len, 4] log-probabilities to a callback so nothing large is kept.

import { N_ID } from '../genome/tokens';
import { type LanguageModel } from '../model/languageModel';
import { type RunOptions, checkpoint } from './run';

export interface TokenRow {
  tokens: Int32Array;
  use(logprobs: Float32Array): void;
}

export async function runRows(
  model: LanguageModel,
  rows: TokenRow[],
  batchSize: number,
  opts: RunOptions = {},
): Promise<void> {
  const order = rows.map((_, i) => i).sort((a, b) => rows[a]!.tokens.length - rows[b]!.tokens.length);
  for (let i = 0; i < order.length; i += batchSize) {
    await checkpoint(opts.signal);
    const batch = order.slice(i, i + batchSize).map((k) => rows[k]!);
    const T = Math.max(...batch.map((r) => r.tokens.length));
    if (model.objective === 'mlm' && batch.some((r) => r.tokens.length !== T))
      throw new Error('masked-model rows must share one length');
    const input = new Int32Array(batch.length * T).fill(N_ID);
    batch.forEach((r, b) => input.set(r.tokens, b * T));
    const { logprobs } = await model.forward(input, batch.length);
    batch.forEach((r, b) => r.use(logprobs.subarray(b * T * 4, (b * T + r.tokens.length) * 4)));
    opts.onProgress?.(Math.min(i + batchSize, rows.length), rows.length);
  }
}

/**
 * Sum of log P(observed base) over a row, skipping N and special tokens, and positions the model makes no
 * prediction for (NaN: a causal model without a start token has none for the first base it reads), which
 * `missing` counts.
 */
export function rowLogLikelihood(
  tokens: Int32Array,
  logprobs: Float32Array,
): { total: number; count: number; missing: number } {
  let total = 0,
    count = 0,
    missing = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t >= N_ID) continue;
    const lp = logprobs[i * 4 + t]!;
    if (Number.isNaN(lp)) missing++;
    else {
      total += lp;
      count++;
    }
  }
  return { total, count, missing };
}
