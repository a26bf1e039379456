// The check a model the user brings must pass before it runs: its golden.json (PyTorch outputs written by
// training/export.py) reproduced on this backend. Shapes and shard hashes are checked while loading.

import type { ModelSource } from '../source';
import type { LanguageModel } from '../languageModel';
import { goldenCheck, type GoldenReport, validateGolden } from './goldenCheck';

/** The tolerance of "Check against PyTorch" (float32 on any backend stays well inside it). */
export const GOLDEN_TOLERANCE = 1e-3;

/** Throws naming golden.json when it is missing, malformed or not reproduced within GOLDEN_TOLERANCE. */
export async function verifyGolden(model: LanguageModel, source: ModelSource): Promise<GoldenReport> {
  const where = `${source.label}golden.json`;
  let json: unknown;
  try {
    json = JSON.parse(await source.readText('golden.json'));
  } catch (e) {
    throw new Error(
      `${where} could not be read (${(e as Error).message}): a model you bring needs the golden vectors training/export.py writes.`,
    );
  }
  const golden = validateGolden(json, where);
  for (const c of golden.cases) {
    if (c.tokens.length > model.context)
      throw new Error(
        `${where}: case ${c.name} has ${c.tokens.length} tokens, more than the model reads (${model.context}).`,
      );
    if (c.tokens.some((t) => t > 6))
      throw new Error(`${where}: case ${c.name} holds a token id outside the vocabulary (0-6).`);
  }
  const report = await goldenCheck(model, golden);
  const bad = report.cases.find(
    (c) => !(c.maxLogprobError < GOLDEN_TOLERANCE && c.maxAttentionError < GOLDEN_TOLERANCE),
  );
  if (bad) {
    throw new Error(
      `${where}: the model does not reproduce its golden vectors: case ${bad.name} differs by ${bad.maxLogprobError.toExponential(1)} in log-probabilities` +
        ` and ${bad.maxAttentionError.toExponential(1)} in attention (tolerance ${GOLDEN_TOLERANCE}); the weights and golden.json do not belong together.`,
    );
  }
  return report;
}
