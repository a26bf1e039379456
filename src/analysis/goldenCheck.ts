// Re-runs the PyTorch golden vectors shipped with a model on the current backend.

import type { LanguageModel } from '../model/languageModel';

export interface GoldenFile {
  format: string;
  cases: {
    name: string;
    tokens: number[];
    logprobs: number[][];
    attention: { layer: number; head: number; rows: number[]; probs: number[][] }[];
  }[];
}

export interface GoldenReport {
  cases: { name: string; length: number; maxLogprobError: number; maxAttentionError: number }[];
  maxLogprobError: number;
  maxAttentionError: number;
}

/** Largest absolute difference from PyTorch over every log-probability and golden attention row. */
export async function goldenCheck(model: LanguageModel, golden: GoldenFile): Promise<GoldenReport> {
  const cases: GoldenReport['cases'] = [];
  for (const c of golden.cases) {
    const T = c.tokens.length;
    let lpErr = 0, attErr = 0;
    // one pass per attention layer named in the file (one plain pass for a model without attention);
    // the first also checks the log-probabilities
    const named = [...new Set(c.attention.map((a) => a.layer))];
    const layers: (number | null)[] = named.length ? named : [null];
    for (const [li, layer] of layers.entries()) {
      const entries = c.attention.filter((a) => a.layer === layer);
      const heads = entries.map((a) => a.head);
      const out = await model.forward(Int32Array.from(c.tokens), 1, layer === null ? undefined : { layer, heads });
      if (li === 0) {
        c.logprobs.forEach((row, i) => row.forEach((v, b) => { lpErr = Math.max(lpErr, Math.abs(out.logprobs[i * 4 + b]! - v)); }));
      }
      entries.forEach((a, hi) => a.rows.forEach((r, k) => a.probs[k]!.forEach((v, j) => {
        attErr = Math.max(attErr, Math.abs(out.attention![(hi * T + r) * T + j]! - v));
      })));
    }
    cases.push({ name: c.name, length: T, maxLogprobError: lpErr, maxAttentionError: attErr });
  }
  return {
    cases,
    maxLogprobError: Math.max(...cases.map((c) => c.maxLogprobError)),
    maxAttentionError: Math.max(...cases.map((c) => c.maxAttentionError)),
  };
}
