// How the evaluation reports write a number, an AUROC with its interval, and a paired difference (npm run eval,
// the few-shot report and npm run fewshot's summary write them alike).

import type { AurocDifference, AurocInterval } from './metrics';

export const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** An AUROC and its 95% interval: 0.531 (0.50-0.57). */
export const withInterval = (a: AurocInterval) =>
  Number.isFinite(a.se) ? `${fmt(a.auc)} (${a.lo.toFixed(2)}-${a.hi.toFixed(2)})` : fmt(a.auc);

/** A paired difference (AUROCs, or rank correlations) with its 95% interval and p: +0.012 (-0.03 to +0.05; p 0.580). */
export function withDifference(r: Pick<AurocDifference, 'diff' | 'lo' | 'hi' | 'p'>): string {
  const sgn = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  if (!Number.isFinite(r.lo)) return fmt(r.diff);
  return `${sgn(r.diff, 3)} (${sgn(r.lo, 2)} to ${sgn(r.hi, 2)}; p ${r.p < 0.001 ? '<0.001' : r.p.toFixed(3)})`;
}
