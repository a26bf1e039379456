// Scores a person can read: each model ships the distribution of each of its scores over random
// substitutions of held-out sequence (npm run calibrate writes it into model.json), and a variant's
// score is shown with its percentile against that distribution: 1% = lower (more damaging) than 99%
// of random substitutions.

import type { ScoreDistribution } from '../model/manifest';
import type { LanguageModel } from '../model/languageModel';
import type { RunOptions } from '../analysis/run';
import { rng } from '../analysis/random';
import { DEFAULT_WINDOW, methodsFor, scoreVariants, type Variant } from '../analysis/variantEffect';

/** n substitutions at distinct random A/C/G/T positions at least `margin` from both ends. */
export function randomSubstitutions(seq: string, n: number, margin: number, seed = 14): Variant[] {
  const next = rng(seed);
  const seen = new Set<number>();
  const out: Variant[] = [];
  for (let tries = 0; out.length < n && tries < 100 * n; tries++) {
    const pos = margin + Math.floor(next() * (seq.length - 2 * margin));
    const ref = seq[pos]!;
    if (seen.has(pos) || !'ACGT'.includes(ref)) continue;
    seen.add(pos);
    const alts = [...'ACGT'].filter((b) => b !== ref);
    out.push({ pos, ref, alt: alts[Math.floor(next() * 3)]! });
  }
  if (out.length < n) throw new Error(`only ${out.length} of ${n} substitution sites found`);
  return out;
}

/** 101 quantiles by linear interpolation between order statistics. */
export function quantiles(values: number[]): number[] {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) throw new Error('no finite scores to take quantiles of');
  return Array.from({ length: 101 }, (_, q) => {
    const x = (q / 100) * (v.length - 1);
    const lo = Math.floor(x);
    return v[lo]! + (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!) * (x - lo);
  });
}

/** Percentage (0-100) of random substitutions scoring at or below x, interpolated between quantiles;
 *  a score equal to a run of tied quantiles reads as the run's upper end. */
export function percentile(q: readonly number[], x: number): number {
  const last = q.length - 1;
  if (x < q[0]!) return 0;
  if (x >= q[last]!) return 100;
  let i = 0;
  while (q[i + 1]! <= x) i++; // the largest i with q[i] <= x < q[i + 1]
  return (100 / last) * (i + (x - q[i]!) / (q[i + 1]! - q[i]!));
}

/** Substitutions a shipped distribution is made of (npm run calibrate). */
export const CALIBRATION_SUBSTITUTIONS = 2000;

export async function scoreDistribution(
  model: LanguageModel,
  seq: string,
  source: string,
  n = CALIBRATION_SUBSTITUTIONS,
  opts: RunOptions = {},
): Promise<ScoreDistribution> {
  const window = DEFAULT_WINDOW;
  const variants = randomSubstitutions(seq, n, window);
  const dist: ScoreDistribution = { source, substitutions: n, window, bothStrands: false, quantiles: {} };
  for (const method of methodsFor(model.objective)) {
    const { scores } = await scoreVariants(model, seq, variants, { ...opts, method, window });
    dist.quantiles[method] = quantiles(scores.map((s) => s.score ?? NaN)).map((x) => Number(x.toPrecision(6)));
  }
  return dist;
}
