// Per-base likelihood scan: the model's distribution at every position, the observed base's
// log-probability and the entropy, over windows for long sequences.

import { MASK_ID, N_ID } from '../genome/tokens';
import { type LanguageModel } from '../model/languageModel';
import { runRows, type TokenRow } from './rowBatcher';
import type { RunOptions } from './run';
import { planWindows } from './windows';

export interface ScanOptions extends RunOptions {
  /** MLM only: each pass masks every k-th base, so k passes score every base with it hidden. */
  maskStride?: number;
  /** Rows per forward call. */
  batchSize?: number;
}

export interface LikelihoodTrack {
  length: number;
  /** [L, 4] natural-log probabilities of A, C, G, T at each position. */
  logprobs: Float32Array;
  /** [L] log2 P(observed base); NaN where the base is N. */
  observedBits: Float32Array;
  /** [L] entropy of the predicted distribution, in bits. */
  entropyBits: Float32Array;
  windows: number;
  forwardRows: number;
  method: 'masked-stride' | 'causal';
  maskStride: number;
}

export const DEFAULT_MASK_STRIDE = 8;

export async function likelihoodScan(
  model: LanguageModel,
  tokens: Int32Array,
  opts: ScanOptions = {},
): Promise<LikelihoodTrack> {
  const L = tokens.length;
  const causal = model.objective === 'clm';
  const K = causal ? 1 : Math.max(1, opts.maskStride ?? DEFAULT_MASK_STRIDE);
  const logprobs = new Float32Array(L * 4);
  const rows: TokenRow[] = [];
  const windows = planWindows(L, model.context, causal);
  for (const w of windows) {
    for (let k = 0; k < K; k++) {
      const t = tokens.slice(w.start, w.end);
      const keep: number[] = [];
      for (let p = w.keepStart; p < w.keepEnd; p++) {
        if (causal || p % K === k) keep.push(p);
      }
      if (keep.length === 0) continue;
      if (!causal) for (let p = w.start + ((k - (w.start % K) + K) % K); p < w.end; p += K) t[p - w.start] = MASK_ID;
      rows.push({
        tokens: t,
        use: (lp) => {
          for (const p of keep) logprobs.set(lp.subarray((p - w.start) * 4, (p - w.start + 1) * 4), p * 4);
        },
      });
    }
  }
  await runRows(model, rows, opts.batchSize ?? 8, opts);
  const { observedBits, entropyBits } = summarize(logprobs, tokens);
  return {
    length: L,
    logprobs,
    observedBits,
    entropyBits,
    windows: windows.length,
    forwardRows: rows.length,
    method: causal ? 'causal' : 'masked-stride',
    maskStride: K,
  };
}

/** Observed-base log2-probability and entropy (bits) from [L, 4] natural-log probabilities. */
export function summarize(
  logprobs: Float32Array,
  tokens: Int32Array,
): { observedBits: Float32Array; entropyBits: Float32Array } {
  const L = tokens.length;
  const observedBits = new Float32Array(L);
  const entropyBits = new Float32Array(L);
  for (let p = 0; p < L; p++) {
    const t = tokens[p]!;
    observedBits[p] = t < N_ID ? logprobs[p * 4 + t]! / Math.LN2 : NaN;
    let h = 0;
    for (let b = 0; b < 4; b++) {
      const lp = logprobs[p * 4 + b]!;
      h -= Math.exp(lp) * lp;
    }
    entropyBits[p] = h / Math.LN2;
  }
  return { observedBits, entropyBits };
}
