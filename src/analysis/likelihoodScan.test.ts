import { describe, expect, it } from 'vitest';
import { encode, MASK_ID } from '../genome/tokens';
import type { LanguageModel } from '../model/languageModel';
import { CancelledError } from './run';
import { likelihoodScan, summarize } from './likelihoodScan';

/** A fake MLM: P(A)=0.7 at masked positions, uniform where the base is visible. Records its inputs. */
function fakeMlm(context: number): LanguageModel & { rows: Int32Array[] } {
  const rows: Int32Array[] = [];
  return {
    objective: 'mlm',
    context,
    nHeads: 1,
    nAttentionLayers: 1,
    rows,
    reuse: { kind: 'none' },
    representation: { kind: 'none' },
    async forward(tokens, batch) {
      const T = tokens.length / batch;
      const out = new Float32Array(tokens.length * 4);
      for (let b = 0; b < batch; b++) rows.push(tokens.slice(b * T, (b + 1) * T));
      tokens.forEach((t, i) => {
        const p = t === MASK_ID ? [0.7, 0.1, 0.1, 0.1] : [0.25, 0.25, 0.25, 0.25];
        p.forEach((v, k) => {
          out[i * 4 + k] = Math.log(v);
        });
      });
      return { logprobs: out };
    },
  };
}

describe('likelihoodScan', () => {
  it('scores every base of a long sequence with that base masked, with every k-th base masked per pass', async () => {
    const seq = 'ACGTN'.repeat(60); // 300 bp, context 128 -> windows
    const model = fakeMlm(128);
    const r = await likelihoodScan(model, encode(seq), { maskStride: 4, batchSize: 3 });
    for (let p = 0; p < seq.length; p++) {
      expect(Math.exp(r.logprobs[p * 4]!)).toBeCloseTo(0.7, 5);
      const expected = seq[p] === 'A' ? Math.log2(0.7) : seq[p] === 'N' ? NaN : Math.log2(0.1);
      if (Number.isNaN(expected)) expect(r.observedBits[p]).toBeNaN();
      else expect(r.observedBits[p]).toBeCloseTo(expected, 5);
    }
    for (const row of model.rows) {
      const masked = [...row.keys()].filter((i) => row[i] === MASK_ID);
      expect(masked.length).toBe(128 / 4); // exactly one base in four is hidden per pass
    }
    expect(r.forwardRows).toBe(model.rows.length);
  });

  it('computes entropy in bits: 2 for uniform, known value for (0.7, 0.1, 0.1, 0.1)', () => {
    const lp = Float32Array.from([0.25, 0.25, 0.25, 0.25, 0.7, 0.1, 0.1, 0.1].map(Math.log));
    const { entropyBits, observedBits } = summarize(lp, encode('CA'));
    expect(entropyBits[0]).toBeCloseTo(2, 6);
    expect(entropyBits[1]).toBeCloseTo(-(0.7 * Math.log2(0.7) + 0.3 * Math.log2(0.1)), 5);
    expect(observedBits[0]).toBeCloseTo(-2, 6);
    expect(observedBits[1]).toBeCloseTo(Math.log2(0.7), 6);
  });

  it('stops with CancelledError when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(likelihoodScan(fakeMlm(64), encode('ACGT'.repeat(50)), { signal: ctl.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});
