// Re-runs the PyTorch golden vectors shipped with a model on the current backend.

import type { LanguageModel } from '../languageModel';

export interface GoldenFile {
  format: string;
  cases: {
    name: string;
    tokens: number[];
    logprobs: number[][];
    attention: { layer: number; head: number; rows: number[]; probs: number[][] }[];
  }[];
}

const GOLDEN_FORMAT = 'glm-playground/golden@1';

/** Check a parsed golden.json against the shape training/export.py writes; throws naming what is wrong. */
export function validateGolden(json: unknown, where: string): GoldenFile {
  const fail = (msg: string): never => {
    throw new Error(`${where}: ${msg}`);
  };
  const g = json as Partial<GoldenFile> | null;
  if (!g || typeof g !== 'object') return fail('not a JSON object');
  if (g.format !== GOLDEN_FORMAT)
    fail(`unsupported format ${JSON.stringify(g.format)} (this app reads ${GOLDEN_FORMAT})`);
  if (!Array.isArray(g.cases) || g.cases.length === 0) return fail('no cases');
  for (const c of g.cases) {
    const T = Array.isArray(c?.tokens) ? c.tokens.length : -1;
    if (T < 1 || !c.tokens.every((t) => Number.isInteger(t) && t >= 0))
      fail(`case ${c?.name}: tokens must be a non-empty list of token ids`);
    if (
      !Array.isArray(c.logprobs) ||
      c.logprobs.length !== T ||
      !c.logprobs.every((r) => Array.isArray(r) && r.length === 4)
    )
      fail(`case ${c.name}: logprobs must be [${T}, 4]`);
    if (!Array.isArray(c.attention)) fail(`case ${c.name}: attention must be a list`);
    for (const a of c.attention) {
      if (
        !Number.isInteger(a.layer) ||
        !Number.isInteger(a.head) ||
        !Array.isArray(a.rows) ||
        !Array.isArray(a.probs) ||
        a.probs.length !== a.rows.length ||
        !a.rows.every((r) => Number.isInteger(r) && r >= 0 && r < T) ||
        !a.probs.every((p) => Array.isArray(p) && p.length === T)
      ) {
        fail(`case ${c.name}: attention rows and probs must match the case's ${T} tokens`);
      }
    }
  }
  return g as GoldenFile;
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
    let lpErr = 0,
      attErr = 0;
    // one pass per attention layer named in the file (one plain pass for a model without attention);
    // the first also checks the log-probabilities
    const named = [...new Set(c.attention.map((a) => a.layer))];
    const layers: (number | null)[] = named.length ? named : [null];
    for (const [li, layer] of layers.entries()) {
      const entries = c.attention.filter((a) => a.layer === layer);
      const heads = entries.map((a) => a.head);
      const out = await model.forward(Int32Array.from(c.tokens), 1, layer === null ? undefined : { layer, heads });
      if (li === 0) {
        c.logprobs.forEach((row, i) =>
          row.forEach((v, b) => {
            lpErr = Math.max(lpErr, Math.abs(out.logprobs[i * 4 + b]! - v));
          }),
        );
      }
      entries.forEach((a, hi) =>
        a.rows.forEach((r, k) =>
          a.probs[k]!.forEach((v, j) => {
            attErr = Math.max(attErr, Math.abs(out.attention![(hi * T + r) * T + j]! - v));
          }),
        ),
      );
    }
    cases.push({ name: c.name, length: T, maxLogprobError: lpErr, maxAttentionError: attErr });
  }
  return {
    cases,
    maxLogprobError: Math.max(...cases.map((c) => c.maxLogprobError)),
    maxAttentionError: Math.max(...cases.map((c) => c.maxAttentionError)),
  };
}
