// What npm run eval -- --write-metrics records in a model's model.json (metrics.variantEffect): per score method
// the BRCA1 dev AUROCs a user's questions turn on, and for each question the method that answers it best.

import type { AurocEstimate, MethodMetrics, Question, Recommendation } from '../model/variantMetrics';
import type { VariantEffectMetrics } from '../model/variantMetrics';
import { QUESTIONS, verdict } from '../model/variantMetrics';
import { aurocDifference } from './metrics';
import { CONTRASTS } from './evaluate';
import type { ContrastName, CountedAuroc, EvalData, MethodResult, ModelResult } from './evaluate';

/** Where and how the run measured. */
export interface Provenance {
  date: string;
  command: string;
  backend: string;
}

const estimate = (a: CountedAuroc): AurocEstimate => {
  if (!Number.isFinite(a.se)) {
    const n = `${a.positives} positives, ${a.negatives} negatives`;
    throw new Error(`an AUROC without an interval (${n}): too few variants to record`);
  }
  return { auroc: a.auc, lo: a.lo, hi: a.hi, positives: a.positives, negatives: a.negatives };
};

const count = (n: number) => n.toLocaleString('en-US');
const contrast = (m: MethodResult, name: ContrastName) => m.contrasts[CONTRASTS.findIndex((c) => c.name === name)]!;

function methodMetrics(m: MethodResult): MethodMetrics {
  return {
    window: m.window,
    bothStrands: m.strands === 2,
    scored: m.scores.filter(Number.isFinite).length,
    lof: estimate(m.all),
    nonsenseVsSynonymous: estimate(contrast(m, 'nonsense vs synonymous')),
    canonicalSpliceVsIntronic: estimate(contrast(m, 'canonical splice vs intronic')),
  };
}

/** The variants a question compares and their labels: all (LOF or not), or one contrast's two classes. */
function question(d: EvalData, q: Question): { keep: boolean[]; labels: boolean[] } {
  if (q === 'overall') return { keep: d.isLof.map(() => true), labels: d.isLof };
  return d.contrasts[CONTRASTS.findIndex((c) => c.name === QUESTIONS[q].compares)]!;
}

/** The method with the highest AUROC for question q (the first on a tie), against the next best by DeLong's test. */
export function recommend(methods: MethodResult[], d: EvalData, q: Question): Recommendation {
  const key = QUESTIONS[q].estimate;
  const ranked = methods.map((m) => ({ m, e: methodMetrics(m)[key] })).sort((a, b) => b.e.auroc - a.e.auroc);
  const [best, next] = ranked;
  if (!best) throw new Error('no score method to recommend');
  let versusNext: Recommendation['versusNext'] = null;
  if (next) {
    const { keep, labels } = question(d, q);
    const pick = (s: number[]) => s.filter((_, i) => keep[i]);
    const r = aurocDifference(pick(best.m.scores), pick(next.m.scores), labels);
    versusNext = { method: next.m.method, difference: r.diff, p: r.p };
  }
  const { auroc, lo, hi } = best.e;
  return { method: best.m.method, auroc, lo, hi, verdict: verdict(best.e), versusNext };
}

/** metrics.variantEffect of one model: its methods (one setting each) and a recommendation per question. */
export function variantEffectMetrics(r: ModelResult, d: EvalData, p: Provenance): VariantEffectMetrics {
  const names = r.methods.map((m) => m.method);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) {
    throw new Error(
      `${r.name}: ${twice} was measured at more than one window or strand setting; model.json ` +
        'records one (give one --windows and one --strands value)',
    );
  }
  const lof = d.isLof.filter(Boolean).length;
  return {
    dataset:
      `BRCA1 saturation genome editing dev split (Findlay et al. 2018): ${count(d.sge.length)} variants of ` +
      `${d.region.source}, LOF ${count(lof)} vs FUNC + INT ${count(d.sge.length - lof)}`,
    variants: d.sge.length,
    ...p,
    methods: Object.fromEntries(r.methods.map((m) => [m.method, methodMetrics(m)])),
    recommendation: {
      coding: recommend(r.methods, d, 'coding'),
      splice: recommend(r.methods, d, 'splice'),
      overall: recommend(r.methods, d, 'overall'),
    },
  };
}
