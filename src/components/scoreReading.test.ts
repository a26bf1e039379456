// The page's reading of variant scores, against hand-computed cases and the numbers docs/eval.md prints for the
// bundled models (the same run that wrote their model.json).

import { describe, expect, it } from 'vitest';
import type { VariantEffectMetrics } from '../model/variantMetrics';
import dataReadme from '../../../shared/data/README.md?raw';
import {
  CADD_AUROC,
  effectiveWindow,
  fmtScore,
  howFar,
  percentileColors,
  plainSentence,
  settingDiffers,
} from './scoreReading';

const manifests = import.meta.glob<{ metrics: { variantEffect: VariantEffectMetrics } }>(
  '../../public/models/*/model.json',
  { eager: true, import: 'default' },
);
const metrics = (id: string) => manifests[`../../public/models/${id}/model.json`]!.metrics.variantEffect;

describe('fmtScore', () => {
  it('writes three decimals, influence in milli-bits, and never a signed zero', () => {
    expect(fmtScore(-1.23456, 'masked')).toBe('-1.235');
    expect(fmtScore(0, 'masked')).toBe('0.000');
    expect(fmtScore(-0.0002, 'masked')).toBe('-2.0e-4');
    expect(fmtScore(-0.000487598, 'influence')).toBe('-0.488'); // the exon model's median influence, in bits
    expect(fmtScore(-2e-7, 'influence')).toBe('-2.0e-4');
    expect(fmtScore(-0.00519469, 'influence')).toBe('-5.195');
    for (const v of [-4e-4, -4.9e-7, -1e-9]) expect(fmtScore(v, 'influence')).not.toMatch(/^-?0\.000$/);
  });
  it('says when a score is pending or missing', () => {
    expect(fmtScore(undefined, 'wt')).toBe('…');
    expect(fmtScore(undefined, 'wt', 'reference mismatch')).toBe('–');
    expect(fmtScore(null, 'dll')).toBe('–');
  });
});

describe('what a measured AUROC is worth, in words', () => {
  it('reads each interval as docs/eval.md does', () => {
    // docs/eval.md: mlm-hybrid-exon masked 0.548 (0.51-0.58); mlm-hybrid-chr22 influence 0.473 (0.44-0.51);
    // mlm-hybrid-genic influence, canonical splice vs intronic 0.396 (0.30-0.49)
    expect(howFar(metrics('mlm-hybrid-exon').recommendation.overall)).toBe('only a little better than chance');
    expect(howFar(metrics('mlm-hybrid-chr22').recommendation.overall)).toBe('no better than chance');
    expect(howFar(metrics('mlm-hybrid-genic').recommendation.splice)).toMatch(/^worse than chance/);
    expect(howFar({ auroc: 0.79, lo: 0.76, hi: 0.82 })).toBe('clearly better than chance');
  });
  it('gives the default model its number, interval and the anchor', () => {
    const s = plainSentence(metrics('mlm-hybrid-exon'));
    expect(s).toMatch(/^Research use only, not a clinical classification\. /);
    expect(s).toContain('Tested on 1,517 BRCA1 variants');
    expect(s).toContain("the best of this model's scores, masked marginal (GPN), separates loss-of-function");
    expect(s).toContain('only a little better than chance (AUROC 0.55, 0.51-0.58; 0.5 is chance, CADD reaches 0.79)');
    expect(plainSentence(undefined)).toContain('has not been tested on variants of known effect');
  });
  it('states the CADD AUROC the data README gives', () => {
    expect(Number(/CADD AUROC (0\.\d+)/.exec(dataReadme)![1])).toBe(CADD_AUROC);
  });
});

describe('settings', () => {
  it('reads the window as scoreVariants does: capped by context (not for dll) and length, then odd', () => {
    expect(effectiveWindow('masked', 256, 512, 301)).toBe(255);
    expect(effectiveWindow('masked', 256, 512, 189)).toBe(189);
    expect(effectiveWindow('masked', 4096, 512, 10_000)).toBe(511);
    expect(effectiveWindow('dll', 4096, 512, 1000)).toBe(999);
  });
  it('marks a page setting other than the measured one', () => {
    const m = metrics('mlm-hybrid-exon').methods.masked!;
    expect(m.window).toBe(63);
    expect(settingDiffers(m, { window: 255, bothStrands: false })).toBe(true);
    expect(settingDiffers(m, { window: 63, bothStrands: false })).toBe(false);
    expect(settingDiffers(m, { window: 63, bothStrands: true })).toBe(true);
  });
});

describe('percentile colours', () => {
  it('run from viridis dark purple with white text to yellow with black text', () => {
    expect(percentileColors(0)).toEqual({ background: 'rgb(68, 1, 84)', color: '#fff' });
    expect(percentileColors(100)).toEqual({ background: 'rgb(253, 231, 37)', color: '#000' });
  });
});
