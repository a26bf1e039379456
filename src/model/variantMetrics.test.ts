// model.json's metrics.variantEffect is checked before anything reads it: a record whose numbers contradict each
// other (an interval that misses its AUROC, a recommendation that is not the best, a verdict its interval denies)
// is refused with the field named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../node/nodeRuntime';
import { ModelFormatError } from './formatError';
import { validateManifest } from './manifest';
import { validateVariantEffect, verdict, type AurocEstimate, type VariantEffectMetrics } from './variantMetrics';

const est = (auroc: number, lo: number, hi: number) => ({ auroc, lo, hi, positives: 40, negatives: 60 });
const rec = (method: string, e: AurocEstimate) => ({
  method,
  auroc: e.auroc,
  lo: e.lo,
  hi: e.hi,
  verdict: verdict(e),
  versusNext: null,
});
const method = (lof: AurocEstimate, nonsenseVsSynonymous: AurocEstimate, canonicalSpliceVsIntronic: AurocEstimate) => ({
  window: 63,
  bothStrands: false,
  scored: 100,
  lof,
  nonsenseVsSynonymous,
  canonicalSpliceVsIntronic,
});

function valid(): VariantEffectMetrics {
  const masked = method(est(0.55, 0.51, 0.59), est(0.61, 0.52, 0.69), est(0.33, 0.24, 0.43));
  const wt = method(est(0.54, 0.5, 0.58), est(0.6, 0.5, 0.7), est(0.4, 0.3, 0.49));
  return {
    dataset: 'BRCA1 SGE dev split',
    variants: 100,
    date: '2026-12-03T15:00:00.000Z',
    command: 'npm run eval -- --write-metrics',
    backend: 'wasm',
    methods: { masked, wt },
    recommendation: {
      coding: rec('masked', masked.nonsenseVsSynonymous),
      splice: rec('wt', wt.canonicalSpliceVsIntronic),
      overall: rec('masked', masked.lof),
    },
  };
}

/** The complaint about valid() after f changed it. */
function broken(f: (m: VariantEffectMetrics) => void): string | null {
  const m = valid();
  f(m);
  return validateVariantEffect(m);
}

describe('metrics.variantEffect', () => {
  it('reads an interval as separating, compatible with chance, or inverted', () => {
    const intervals = [
      { lo: 0.51, hi: 0.6 },
      { lo: 0.5, hi: 0.6 },
      { lo: 0.3, hi: 0.49 },
    ];
    expect(intervals.map(verdict)).toEqual(['separates', 'chance', 'inverted']);
  });

  it('accepts a consistent record and names the field of each inconsistency', () => {
    expect(validateVariantEffect(valid())).toBeNull();
    expect(
      broken((m) => {
        m.methods.masked!.lof.lo = 0.56;
      }),
    ).toBe('methods.masked.lof: needs 0 <= lo <= auroc <= hi <= 1 (found 0.56, 0.55, 0.59)');
    expect(
      broken((m) => {
        m.methods.wt!.nonsenseVsSynonymous.negatives = 1;
      }),
    ).toBe('methods.wt.nonsenseVsSynonymous: needs at least two positives and two negatives');
    expect(
      broken((m) => {
        m.recommendation.coding.method = 'dll';
      }),
    ).toBe('recommendation.coding must name one of the methods');
    expect(
      broken((m) => {
        m.recommendation.overall = rec('wt', m.methods.wt!.lof);
      }),
    ).toBe('recommendation.overall: another method has a higher AUROC than wt');
    expect(
      broken((m) => {
        m.recommendation.splice.verdict = 'chance';
      }),
    ).toBe('recommendation.splice.verdict must be inverted for the interval 0.3-0.49');
    expect(
      broken((m) => {
        m.recommendation.splice.auroc = 0.41;
      }),
    ).toBe("recommendation.splice must repeat wt's canonicalSpliceVsIntronic estimate");
    expect(
      broken((m) => {
        m.date = 'yesterday';
      }),
    ).toBe('date "yesterday" is not a date');
  });

  it('is validated with the manifest: a bundled model.json carrying a broken one is refused', () => {
    const path = join(REPO_ROOT, 'public/models/mlm-hybrid-chr22/model.json');
    const meta = JSON.parse(readFileSync(path, 'utf8'));
    meta.metrics.variantEffect = valid();
    expect(validateManifest(meta, 'm').metrics.variantEffect!.recommendation.coding.method).toBe('masked');
    meta.metrics.variantEffect.methods.masked.lof.hi = 1.2;
    expect(() => validateManifest(meta, 'm')).toThrow(ModelFormatError);
    expect(() => validateManifest(meta, 'm')).toThrow(
      'm: metrics.variantEffect: methods.masked.lof: needs 0 <= lo <= auroc <= hi <= 1',
    );
  });
});
