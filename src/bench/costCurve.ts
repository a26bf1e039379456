// The cost curve: forward-pass time against input length for a model, as the app reads a sequence (one
// pass for a model whose context covers it, else its overlapping windows as one batch), and the slope of
// log(time) against log(length). The app's "Measure on this device" and `npm run bench -- --cost-curve`
// both run this.

import type { LanguageModel } from '../model/languageModel';
import { timeForward } from '../model/benchmarking';
import { planWindows } from '../analysis/windows';
import { checkpoint, type RunOptions } from '../analysis/run';

export const COST_LENGTHS = [512, 1024, 2048, 4096, 8192, 16384];

export interface CostPoint {
  length: number;
  /** Median of the timed passes, milliseconds. */
  ms: number;
  /** Rows in the batch: 1 when the model reads the whole input at once, else its windows. */
  rows: number;
}

export interface CostCurve {
  points: CostPoint[];
  /** d log(ms) / d log(length), least squares over the points (null below two points). */
  slope: number | null;
  /** Why the curve ends before the last length, if it does. */
  stopped?: string;
}

/** A fixed pseudo-random sequence (timing does not depend on the bases), tokens 0-3. */
export function costTokens(length: number): Int32Array {
  let s = 12345;
  return Int32Array.from({ length }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 30;
  });
}

/** The batch the app runs over `length` bases: [rows, min(length, context)] tokens. */
export function costBatch(model: LanguageModel, length: number): { tokens: Int32Array; rows: number } {
  const seq = costTokens(length);
  const windows = planWindows(length, model.context, model.objective === 'clm');
  const T = Math.min(length, model.context);
  const tokens = new Int32Array(windows.length * T);
  windows.forEach((w, i) => tokens.set(seq.subarray(w.start, w.end), i * T));
  return { tokens, rows: windows.length };
}

export function fitSlope(points: { length: number; ms: number }[]): number | null {
  if (points.length < 2) return null;
  const xs = points.map((p) => Math.log(p.length)),
    ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length,
    my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx;
}

/**
 * Time `repeats` passes (after one warm-up) at each length in turn; a length whose first pass takes
 * longer than `budgetMs` is the last one measured (the curve then says so).
 */
export async function measureCostCurve(
  model: LanguageModel,
  opts: RunOptions & { lengths?: number[]; repeats?: number; budgetMs?: number } = {},
): Promise<CostCurve> {
  const lengths = opts.lengths ?? COST_LENGTHS,
    repeats = opts.repeats ?? 3,
    budget = opts.budgetMs ?? 20_000;
  const points: CostPoint[] = [];
  let stopped: string | undefined;
  for (const [i, length] of lengths.entries()) {
    await checkpoint(opts.signal);
    const { tokens, rows } = costBatch(model, length);
    const ms = await timeForward(model, tokens, rows, repeats);
    const sorted = [...ms].sort((a, b) => a - b);
    points.push({ length, ms: sorted[sorted.length >> 1]!, rows });
    opts.onProgress?.(i + 1, lengths.length);
    if (sorted[0]! > budget && i < lengths.length - 1) {
      stopped = `stopped after ${length.toLocaleString('en-US')} bases: a pass took over ${budget / 1000} s`;
      break;
    }
  }
  return { points, slope: fitSlope(points), stopped };
}
