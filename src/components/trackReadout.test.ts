// The track panel's words on a next-token model (no prediction for base 1): the read-out says so instead of
// printing NaN, and the summary's mean leaves that base out and says which.
import { describe, expect, it } from 'vitest';
import { likelihoodScan } from '../analysis/likelihoodScan';
import { lpNext, nextTokenModel } from '../analysis/testNextTokenModel';
import { encode } from '../genome/tokens';
import { describeBase, scanSummary, unpredicted } from './trackReadout';

const SEQ = 'ACGTTGCAAGGCTTAACCGG';
const REC = { name: 'test', sequence: SEQ, softMasked: new Uint8Array(SEQ.length) };

describe('the track read-out of a model without a prediction for base 1', () => {
  it('says base 1 has no prediction, and gives base 2 its numbers', async () => {
    const scan = await likelihoodScan(nextTokenModel(), encode(SEQ));
    expect(unpredicted(scan)).toEqual([0]);
    const first = describeBase(0, REC, scan, 1);
    expect(first).toBe(
      'Position 1 (A): no prediction: the model predicts each base from the bases before it, and none come before this one',
    );
    expect(first).not.toMatch(/NaN/);
    expect(describeBase(1, REC, scan, 1)).toContain(`log2 P(observed) ${(lpNext(0, 1) / Math.LN2).toFixed(2)} bits`);
  });

  it('the mean is over bases 2-20 only, and the summary says base 1 is left out', async () => {
    const tokens = encode(SEQ);
    const scan = await likelihoodScan(nextTokenModel(), tokens);
    let s = 0;
    for (let p = 1; p < SEQ.length; p++) s += lpNext(tokens[p - 1]!, tokens[p]!) / Math.LN2;
    const { mean, missing } = scanSummary(scan);
    expect(mean).toBeCloseTo(s / (SEQ.length - 1), 5);
    expect(missing).toBe(
      ' Position 1 has no prediction (the model predicts each base from those before it) and is left out of the mean and of the exported tracks.',
    );
  });
});
