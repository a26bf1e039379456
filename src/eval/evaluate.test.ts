// evaluate.ts on the committed fixtures (test/data: 4 kb of BRCA1 around exon 19 and 35 of its SGE variants)
// with an order-3 Markov model: every AUROC it reports is the one a brute-force count of pairs gives for the
// scores the engine returns, and a paired comparison of a model with itself finds nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreVariants } from '../analysis/variantEffect';
import { encode } from '../genome/tokens';
import { countKmers, MarkovModel } from '../model/markov';
import { fixtureEvalData } from '../../test/evalFixture';
import { CONSEQUENCE_GROUPS, CONTRASTS, evalData, evaluateModel, pairedDifferences, summarize } from './evaluate';
import type { EvalData, ModelResult } from './evaluate';

/** AUROC by counting pairs (a tie counts half): independent of metrics.ts's midranks. */
function pairsAuroc(scores: number[], labels: boolean[]): number {
  const pos = scores.filter((s, i) => labels[i] && Number.isFinite(s));
  const neg = scores.filter((s, i) => !labels[i] && Number.isFinite(s));
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

describe('evaluate', () => {
  let d: EvalData, r: ModelResult, model: MarkovModel;
  beforeAll(async () => {
    d = fixtureEvalData();
    model = new MarkovModel(3, countKmers([encode(d.region.sequence)], 3));
    r = await evaluateModel('markov-k3', 'order-3 Markov', model, d, {
      windows: [64],
      influence: [31],
      strands: [1],
      heldout: true,
    });
  });

  it('places every fixture variant on its reference base, and refuses one that is not', () => {
    expect(d.sge.length).toBe(35);
    const sites = { donor: 1, acceptor: 1, stop: 0 };
    expect(summarize(d)).toMatchObject({ variants: 35, lof: 12, heldoutGenes: 1, sites });
    const bad = { ...d.sge[0]!, ref: d.sge[0]!.ref === 'A' ? 'C' : 'A' };
    const message = `variant ${bad.pos} ${bad.ref}>${bad.alt}: chr17:41207600-41211599 has`;
    expect(() => evalData(d.region, [bad], d.grammar)).toThrow(message);
  });

  it('reports the AUROCs of the scores the engine gives, method by method', async () => {
    expect(r.methods.map((m) => [m.method, m.window, m.strands])).toEqual([
      ['dll', 63, 1],
      ['influence', 31, 1],
    ]);
    for (const m of r.methods) {
      const opts = { method: m.method, window: m.method === 'dll' ? 64 : 31 };
      const { scores } = await scoreVariants(model, d.region.sequence, d.variants, opts);
      const s = scores.map((x) => -x.score!);
      expect(m.scores).toEqual(s);
      expect(m.all.auc).toBeCloseTo(pairsAuroc(s, d.isLof), 12);
      expect([m.all.positives, m.all.negatives]).toEqual([12, 23]);
      expect(m.all.lo).toBeLessThan(m.all.auc);
      expect(m.all.hi).toBeGreaterThan(m.all.auc);
      CONTRASTS.forEach((c, k) => {
        const keep = d.sge.map((v) => v.consequence === c.positive || v.consequence === c.negative);
        const labels = d.sge.filter((_, i) => keep[i]).map((v) => v.consequence === c.positive);
        expect(m.contrasts[k]!.auc, c.name).toBeCloseTo(
          pairsAuroc(
            s.filter((_, i) => keep[i]),
            labels,
          ),
          12,
        );
      });
      const nonsense = CONSEQUENCE_GROUPS.findIndex((g) => g.name === 'nonsense');
      expect(m.byGroup[nonsense]).toBeNaN(); // every nonsense variant here is LOF: no negatives
      const missense = d.sge.map((v) => v.consequence === 'Missense');
      const missenseAuroc = pairsAuroc(
        s.filter((_, i) => missense[i]),
        d.isLof.filter((_, i) => missense[i]),
      );
      expect(m.byGroup[0]).toBeCloseTo(missenseAuroc, 12);
    }
    // the contrasts' counts: 4 nonsense against 4 synonymous, 4 canonical splice against 4 intronic
    expect(r.methods[0]!.contrasts.slice(0, 2).map((c) => [c.positives, c.negatives])).toEqual([
      [4, 4],
      [4, 4],
    ]);
  });

  it('measures held-out bits on the contract positions and the probe at its sites', () => {
    // contracts.json: margin 256, 2,000 positions one base apart in a 4,000-base record (floor(3,488 / 2,000) = 1)
    expect(r.heldout!.positions).toBe(2000);
    expect(r.heldout!.bits).toBeGreaterThan(1);
    expect(r.heldout!.bits).toBeLessThan(2.5);
    const random = (r.probe.random?.n ?? 0) + (r.probe['random repeat']?.n ?? 0);
    expect([r.probe.donor!.n, r.probe.acceptor!.n, random]).toEqual([1, 1, 2]);
  });

  it('finds no difference between a model and itself, and compares only the settings both have', async () => {
    const settings = { windows: [64, 128], influence: [], strands: [1 as const], heldout: false };
    const again = await evaluateModel('again', 'order-3 Markov', model, d, settings);
    const paired = pairedDifferences([r, again], d);
    expect(paired.map((p) => [p.name, p.method, p.window])).toEqual([['again', 'dll', 63]]);
    expect(paired[0]!.all).toMatchObject({ diff: 0, p: 1, a: r.methods[0]!.all.auc });
    expect(paired[0]!.contrasts.every((c) => c.diff === 0)).toBe(true);
  });
});
