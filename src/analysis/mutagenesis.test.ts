import { describe, expect, it } from 'vitest';
import { MASK_ID } from '../genome/tokens';
import { fakeLanguageModel } from '../model/testing/fakeLanguageModel';
import { saturationMutagenesis } from './mutagenesis';

const P = [0.1, 0.2, 0.3, 0.4];
const fakeMlm = fakeLanguageModel({
  objective: 'mlm',
  context: 32,
  nAttentionLayers: 1,
  logprob: (row, j, b) => Math.log(row[j] === MASK_ID ? P[b]! : 0.25),
});

describe('saturationMutagenesis', () => {
  it('scores the three alternatives at every position from one masked pass per position', async () => {
    fakeMlm.rows = 0;
    const seq = 'ACGTNACGTAACCGGTT';
    const r = await saturationMutagenesis(fakeMlm, seq, 2, 12, { method: 'masked', window: 15, batchSize: 4 });
    expect(r.scores.length).toBe(40);
    for (let p = 2; p < 12; p++) {
      const ref = 'ACGT'.indexOf(seq[p]!);
      for (let b = 0; b < 4; b++) {
        const v = r.scores[(p - 2) * 4 + b]!;
        if (ref < 0 || b === ref) expect(v).toBeNaN();
        else expect(v).toBeCloseTo(Math.log(P[b]! / P[ref]!), 5);
      }
    }
    expect(r.forwardRows).toBe(9); // 10 positions, one of them N
    expect(fakeMlm.rows).toBe(9);
  });

  it('refuses regions outside the sequence or over the limit', async () => {
    await expect(saturationMutagenesis(fakeMlm, 'ACGT', 2, 9, { method: 'masked', window: 15 })).rejects.toThrow(
      /not inside the sequence/,
    );
    await expect(
      saturationMutagenesis(fakeMlm, 'A'.repeat(5000), 0, 5000, { method: 'masked', window: 15 }),
    ).rejects.toThrow(/at most 4096 bases/);
  });
});
