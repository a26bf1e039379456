// Held-out bits per nucleotide on a fixed sample of positions (contracts.json; training/export.py does the same):
// a masked model sees each position masked alone at the centre of a window, a causal model
// (or Markov baseline) scores it as the last base of a window.

import { CONTRACT_HELDOUT } from '../contracts';
import { MASK_ID, N_ID } from '../genome/tokens';
import type { LanguageModel } from '../model/languageModel';
import type { RunOptions } from '../analysis/run';
import { runRows } from '../analysis/rowBatcher';

export const HELDOUT = CONTRACT_HELDOUT;

/** n evenly spaced positions, `margin` away from both ends (training/genome.py: heldout_positions). */
export function heldoutPositions(length: number, n: number, margin: number): number[] {
  const step = Math.floor((length - 2 * margin) / n);
  return Array.from({ length: n }, (_, i) => margin + step * i);
}

export async function heldoutBits(
  model: LanguageModel,
  tokens: Int32Array,
  opts: RunOptions & { batchSize?: number } = {},
): Promise<{ bits: number; positions: number }> {
  const W = HELDOUT.window;
  const causal = model.objective === 'clm';
  const pos = heldoutPositions(tokens.length, HELDOUT.n, HELDOUT.margin).filter((p) => tokens[p]! < N_ID);
  let total = 0;
  const rows = pos.map((p) => {
    const start = p - (causal ? W - 1 : W / 2);
    const at = p - start;
    const win = tokens.slice(start, start + W);
    if (!causal) win[at] = MASK_ID;
    return {
      tokens: win,
      use: (lp: Float32Array) => {
        total -= lp[at * 4 + tokens[p]!]!;
      },
    };
  });
  await runRows(model, rows, opts.batchSize ?? 32, opts);
  return { bits: total / pos.length / Math.LN2, positions: pos.length };
}
