import { describe, expect, it } from 'vitest';
import type { LanguageModel } from '../model/languageModel';
import { costBatch, fitSlope, measureCostCurve } from './costCurve';

/** A model whose pass takes `msPerToken` per token read (a timer), context `context`. */
function fake(context: number, msPerToken: number): LanguageModel {
  return {
    objective: 'clm',
    context,
    nHeads: 0,
    nAttentionLayers: 0,
    reuse: { kind: 'none' },
    representation: { kind: 'none' },
    forward: (tokens) =>
      new Promise((resolve) =>
        setTimeout(() => resolve({ logprobs: new Float32Array(tokens.length * 4) }), tokens.length * msPerToken),
      ),
  };
}

describe('cost curve', () => {
  it('fits the slope of log time against log length', () => {
    expect(fitSlope([512, 1024, 4096].map((length) => ({ length, ms: 3e-6 * length ** 2 })))).toBeCloseTo(2, 10);
    expect(
      fitSlope([
        { length: 512, ms: 5 },
        { length: 2048, ms: 5 },
      ]),
    ).toBeCloseTo(0, 10);
    expect(fitSlope([{ length: 512, ms: 5 }])).toBeNull();
  });

  it('reads a long input as the app does: one row within the context, overlapping windows past it', () => {
    const m = fake(512, 0);
    expect(costBatch(m, 512).rows).toBe(1);
    expect(costBatch(m, 2048)).toMatchObject({ rows: 7 }); // windows every 256 bases: 0, 256, ..., 1536
    expect(costBatch(m, 2048).tokens.length).toBe(7 * 512);
    expect(costBatch(fake(16384, 0), 16384)).toMatchObject({ rows: 1 });
  });

  it('measures each length, and stops after the first that takes longer than the budget', async () => {
    const curve = await measureCostCurve(fake(1 << 20, 1 / 32), { lengths: [512, 1024, 2048, 4096], repeats: 1 });
    expect(curve.points.map((p) => p.length)).toEqual([512, 1024, 2048, 4096]);
    expect(curve.slope!).toBeGreaterThan(0.8);
    expect(curve.slope!).toBeLessThan(1.2);
    const cut = await measureCostCurve(fake(1 << 20, 1 / 32), { lengths: [512, 1024, 2048], repeats: 1, budgetMs: 20 });
    expect(cut.points.map((p) => p.length)).toEqual([512, 1024]);
    expect(cut.stopped).toMatch(/stopped after 1,024 bases/);
  });
});
