// What a variant score is worth, in the page's words: the verdict of a model's measured AUROC, the setting it
// was measured at against the page's, a score written at a readable scale and its percentile's colour.

import { METHODS, oddWindow, type ScoreMethod } from '../analysis/variantEffect';
import { verdict, type AurocEstimate, type MethodMetrics, type VariantEffectMetrics } from '../model/variantMetrics';
import { viridis } from '../render/colors';

/** CADD's AUROC on the same BRCA1 dev split (../shared/data/README.md): what an established score reaches. */
export const CADD_AUROC = 0.794;

/** "0.55 (0.51-0.58)": an AUROC and its 95% interval. */
export const fmtAuroc = (e: Pick<AurocEstimate, 'auroc' | 'lo' | 'hi'>) =>
  `${e.auroc.toFixed(2)} (${e.lo.toFixed(2)}-${e.hi.toFixed(2)})`;

/** How far from chance an AUROC's interval puts a score, in plain words. */
export function howFar(e: Pick<AurocEstimate, 'auroc' | 'lo' | 'hi'>): string {
  const v = verdict(e);
  if (v === 'chance') return 'no better than chance';
  if (v === 'inverted') return 'worse than chance (it tends to rank them the wrong way round)';
  if (e.auroc < 0.6) return 'only a little better than chance';
  return e.auroc < 0.7 ? 'better than chance, but far from reliably' : 'clearly better than chance';
}

const LEAD = 'Research use only, not a clinical classification.';

/** The one sentence a clinician reads first: what the model's best score measured on variants of known effect. */
export function plainSentence(m: VariantEffectMetrics | undefined): string {
  if (!m) {
    return (
      `${LEAD} This model has not been tested on variants of known effect, so nothing on this page says how far ` +
      'its scores are from chance.'
    );
  }
  const r = m.recommendation.overall;
  const method = METHODS[r.method as ScoreMethod]?.label ?? r.method;
  return (
    `${LEAD} Tested on ${m.variants.toLocaleString('en-US')} BRCA1 variants whose effect was measured in the ` +
    `lab, the best of this model's scores, ${method}, separates loss-of-function from other variants ${howFar(r)} ` +
    `(AUROC ${r.auroc.toFixed(2)}, ${r.lo.toFixed(2)}-${r.hi.toFixed(2)}; 0.5 is chance, CADD reaches ` +
    `${CADD_AUROC.toFixed(2)}).`
  );
}

/** The window a method reads at the page's setting on a sequence: as scoreVariants caps and rounds it. */
export function effectiveWindow(method: ScoreMethod, window: number, context: number, length: number): number {
  return oddWindow(Math.min(window, method === 'dll' ? Infinity : context, length));
}

/** "window 63, one strand". */
export const settingText = (s: { window: number; bothStrands: boolean }) =>
  `window ${s.window}, ${s.bothStrands ? 'both strands' : 'one strand'}`;

/** Whether the page scores this method at another setting than the one its AUROC was measured at. */
export function settingDiffers(measured: MethodMetrics, page: { window: number; bothStrands: boolean }): boolean {
  return measured.window !== page.window || measured.bothStrands !== page.bothStrands;
}

/** Column heading: influence is shown in milli-bits, so its unit is said. */
export function columnLabel(m: ScoreMethod): string {
  return m === 'influence' ? `${METHODS[m].label}, mbit` : METHODS[m].label;
}

/**
 * A score as the table writes it: three decimals (influence in milli-bits, its values being 1e-5 to 1e-2 bits),
 * and a value too small for three decimals in scientific notation rather than a signed zero ("-0.000").
 */
export function fmtScore(v: number | null | undefined, method: ScoreMethod, note = ''): string {
  if (v === undefined) return note ? '–' : '…'; // '…' while it is being scored
  if (v === null || !Number.isFinite(v)) return '–';
  const x = method === 'influence' ? v * 1000 : v;
  const fixed = x.toFixed(3);
  return x !== 0 && /^-?0\.000$/.test(fixed) ? x.toExponential(1) : fixed;
}

/** A percentile cell's colours: viridis (colour-blind safe) from 0% (dark) to 100% (yellow), text kept readable. */
export function percentileColors(p: number): { background: string; color: string } {
  const t = p / 100;
  return { background: `rgb(${viridis(t).join(', ')})`, color: t < 0.55 ? '#fff' : '#000' };
}

/** The legend's gradient: the same scale as the cells. */
export const PERCENTILE_GRADIENT = `linear-gradient(to right, ${[0, 25, 50, 75, 100]
  .map((p) => `${percentileColors(p).background} ${p}%`)
  .join(', ')})`;
