// model.json's metrics.variantEffect: what a model's zero-shot variant scores measured on the BRCA1 SGE dev split
// (npm run eval -- --write-metrics), per score method, and which method answers each question best.

/** An AUROC with its 95% DeLong interval and the scored variants it compares. */
export interface AurocEstimate {
  auroc: number;
  lo: number;
  hi: number;
  positives: number;
  negatives: number;
}

/** What the interval says: above chance, compatible with chance, or below it (the score ranks the wrong way). */
export type Verdict = 'separates' | 'chance' | 'inverted';

export function verdict(e: Pick<AurocEstimate, 'lo' | 'hi'>): Verdict {
  return e.lo > 0.5 ? 'separates' : e.hi < 0.5 ? 'inverted' : 'chance';
}

/** The questions a user asks of a variant, each answered by one comparison. */
export const QUESTIONS = {
  coding: { estimate: 'nonsenseVsSynonymous', label: 'coding', compares: 'nonsense vs synonymous' },
  splice: { estimate: 'canonicalSpliceVsIntronic', label: 'splice', compares: 'canonical splice vs intronic' },
  overall: { estimate: 'lof', label: 'overall', compares: 'LOF vs FUNC + INT' },
} as const;
export type Question = keyof typeof QUESTIONS;

/** One score method as the run measured it. */
export interface MethodMetrics {
  /** The window it read (bases) and whether both strands were averaged. */
  window: number;
  bothStrands: boolean;
  /** Variants with a score. */
  scored: number;
  lof: AurocEstimate;
  nonsenseVsSynonymous: AurocEstimate;
  canonicalSpliceVsIntronic: AurocEstimate;
}

/** For one question: the method with the highest AUROC, and DeLong's paired test against the next best. */
export interface Recommendation {
  method: string;
  auroc: number;
  lo: number;
  hi: number;
  verdict: Verdict;
  /** The runner-up, and the best's AUROC minus its own on the same variants (null with one method). */
  versusNext: { method: string; difference: number; p: number } | null;
}

export interface VariantEffectMetrics {
  /** The variant set, in words. */
  dataset: string;
  variants: number;
  /** When (ISO 8601, UTC), by which command and on which tfjs backend the run measured this. */
  date: string;
  command: string;
  backend: string;
  methods: Record<string, MethodMetrics>;
  recommendation: Record<Question, Recommendation>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isShare = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

function estimateProblem(e: unknown): string | null {
  if (!isObj(e)) return 'missing';
  if (!isShare(e.auroc) || !isShare(e.lo) || !isShare(e.hi) || !(e.lo <= e.auroc && e.auroc <= e.hi)) {
    return `needs 0 <= lo <= auroc <= hi <= 1 (found ${e.lo}, ${e.auroc}, ${e.hi})`;
  }
  const two = (n: unknown) => isCount(n) && n >= 2;
  if (!two(e.positives) || !two(e.negatives)) return 'needs at least two positives and two negatives';
  return null;
}

/** Why `v` is not a valid metrics.variantEffect, or null when it is. */
export function validateVariantEffect(v: unknown): string | null {
  if (!isObj(v)) return 'not an object';
  for (const k of ['dataset', 'date', 'command', 'backend'] as const) {
    if (typeof v[k] !== 'string' || !v[k]) return `${k} must be a non-empty string`;
  }
  if (Number.isNaN(Date.parse(v.date as string))) return `date ${JSON.stringify(v.date)} is not a date`;
  if (!isCount(v.variants) || v.variants === 0) return 'variants must be a positive integer';
  if (!isObj(v.methods) || !Object.keys(v.methods).length) return 'methods must name at least one score method';
  for (const [name, m] of Object.entries(v.methods)) {
    if (!isObj(m) || !isCount(m.window) || typeof m.bothStrands !== 'boolean' || !isCount(m.scored)) {
      return `methods.${name} needs window, bothStrands and scored`;
    }
    for (const k of ['lof', 'nonsenseVsSynonymous', 'canonicalSpliceVsIntronic'] as const) {
      const p = estimateProblem(m[k]);
      if (p) return `methods.${name}.${k}: ${p}`;
    }
  }
  if (!isObj(v.recommendation)) return 'recommendation is missing';
  for (const [q, { estimate }] of Object.entries(QUESTIONS)) {
    const r = v.recommendation[q];
    if (!isObj(r) || typeof r.method !== 'string' || !isObj(v.methods[r.method])) {
      return `recommendation.${q} must name one of the methods`;
    }
    const of = (m: unknown) => (m as Record<string, AurocEstimate>)[estimate]!;
    const e = of(v.methods[r.method]);
    if (r.auroc !== e.auroc || r.lo !== e.lo || r.hi !== e.hi) {
      return `recommendation.${q} must repeat ${r.method}'s ${estimate} estimate`;
    }
    if (r.verdict !== verdict(e)) {
      return `recommendation.${q}.verdict must be ${verdict(e)} for the interval ${e.lo}-${e.hi}`;
    }
    if (Object.values(v.methods).some((m) => of(m).auroc > e.auroc)) {
      return `recommendation.${q}: another method has a higher AUROC than ${r.method}`;
    }
  }
  return null;
}
