// What --write-metrics records (on the committed fixtures, an order-3 Markov model): a valid metrics.variantEffect
// whose recommendation is each question's best method, and a card section stating those numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../genome/tokens';
import { countKmers, MarkovModel } from '../model/markov';
import { QUESTIONS, validateVariantEffect, type Question, type VariantEffectMetrics } from '../model/variantMetrics';
import { fixtureEvalData } from '../../test/evalFixture';
import { evaluateModel, type EvalData, type ModelResult } from './evaluate';
import { variantEffectSection, withVariantEffectSection } from './modelCard';
import { variantEffectMetrics } from './modelMetrics';

const PROVENANCE = { date: '2026-12-03T15:00:00.000Z', command: 'npm run eval -- --write-metrics', backend: 'wasm' };

describe('metrics.variantEffect', () => {
  let d: EvalData, r: ModelResult, m: VariantEffectMetrics;
  beforeAll(async () => {
    d = fixtureEvalData();
    const model = new MarkovModel(3, countKmers([encode(d.region.sequence)], 3));
    const settings = { windows: [64], influence: [31], strands: [1 as const], heldout: false };
    r = await evaluateModel('markov-k3', 'order-3 Markov', model, d, settings);
    m = variantEffectMetrics(r, d, PROVENANCE);
  });

  it("records each method's estimates as the evaluation measured them", () => {
    expect(validateVariantEffect(m)).toBeNull();
    expect(Object.keys(m.methods)).toEqual(['dll', 'influence']);
    expect(m.variants).toBe(35);
    for (const x of r.methods) {
      const rec = m.methods[x.method]!;
      expect(rec).toMatchObject({ window: x.window, bothStrands: false, scored: 35 });
      expect(rec.lof).toEqual({ auroc: x.all.auc, lo: x.all.lo, hi: x.all.hi, positives: 12, negatives: 23 });
      expect(rec.nonsenseVsSynonymous.auroc).toBe(x.contrasts[0]!.auc);
      expect(rec.canonicalSpliceVsIntronic.auroc).toBe(x.contrasts[1]!.auc);
    }
  });

  it('recommends for each question the method with the highest AUROC, tested against the other', () => {
    for (const q of Object.keys(QUESTIONS) as Question[]) {
      const { estimate } = QUESTIONS[q];
      const [dll, inf] = [m.methods.dll![estimate], m.methods.influence![estimate]];
      const ranked = [
        ['dll', dll],
        ['influence', inf],
      ] as const;
      const [best, next] = dll.auroc >= inf.auroc ? ranked : [ranked[1], ranked[0]];
      const rec = m.recommendation[q];
      const reading = best[1].lo > 0.5 ? 'separates' : best[1].hi < 0.5 ? 'inverted' : 'chance';
      expect(rec).toMatchObject({ method: best[0], auroc: best[1].auroc, verdict: reading });
      // both methods scored every variant, so the paired difference is the difference of the two AUROCs
      expect(rec.versusNext!.method).toBe(next[0]);
      expect(rec.versusNext!.difference).toBeCloseTo(best[1].auroc - next[1].auroc, 12);
      expect(rec.versusNext!.p).toBeGreaterThan(0);
      expect(rec.versusNext!.p).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a run that measured a method at two settings (model.json records one)', async () => {
    const model = new MarkovModel(3, countKmers([encode(d.region.sequence)], 3));
    const settings = { windows: [64, 128], influence: [], strands: [1 as const], heldout: false };
    const two = await evaluateModel('markov-k3', 'order-3 Markov', model, d, settings);
    const message = 'markov-k3: dll was measured at more than one window or strand setting';
    expect(() => variantEffectMetrics(two, d, PROVENANCE)).toThrow(message);
  });

  it('writes a card section stating those numbers, replacing the old one or placing it before Limits', () => {
    const section = variantEffectSection(m);
    const lof = m.methods.dll!.lof;
    const interval = (x: { auroc: number; lo: number; hi: number }) =>
      `${x.auroc.toFixed(3)} (${x.lo.toFixed(2)}-${x.hi.toFixed(2)})`;
    expect(section).toContain(`| dll | 63 | 1 | 35 | ${interval(lof)} |`);
    const rec = m.recommendation.splice,
      e = m.methods[rec.method]!.canonicalSpliceVsIntronic;
    expect(section).toContain(`| splice | canonical splice vs intronic (4 vs 4) | ${rec.method} | ${interval(e)} |`);
    expect(section).toContain('Measured 2026-12-03 on the wasm backend by `npm run eval -- --write-metrics`');
    const card = '# m\n\n## Metrics\nx\n\n## Variant effects (BRCA1 SGE dev set)\nold numbers 0.47\n\n## Limits\ny\n';
    const once = withVariantEffectSection(card, section);
    expect(once).not.toContain('old numbers');
    expect(once).toBe(`# m\n\n## Metrics\nx\n\n${section}\n\n## Limits\ny\n`);
    expect(withVariantEffectSection(once, section)).toBe(once);
    expect(withVariantEffectSection('# m\n\n## Limits\ny\n', section)).toBe(`# m\n\n${section}\n\n## Limits\ny\n`);
    expect(withVariantEffectSection('# m\ntext', section)).toBe(`# m\ntext\n\n${section}\n`);
  });
});
