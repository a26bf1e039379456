// Where a model makes no prediction (a causal model without a start token, as HyenaDNA: no prediction for the
// first base it reads) no analysis invents one: the variant scores leave those bases out of both alleles and say
// so, the dependency map leaves their cells empty and says why, and the exports skip them. Checked on a fake
// next-token model whose scores are worked out by hand (testNextTokenModel.ts).

import { describe, expect, it } from 'vitest';
import { encode } from '../genome/tokens';
import { toBedGraph } from '../export/tracks';
import { dependencyTsv } from '../export/dependencyTsv';
import { describeCell, describeInfluence } from './dependency/describe';
import { dependencyMap } from './dependency/dependencyMap';
import { likelihoodScan } from './likelihoodScan';
import { saturationMutagenesis } from './mutagenesis';
import { lpNext, nextTokenModel } from './testNextTokenModel';
import { scoreVariants, skippedNote } from './variantEffect';

const SEQ = 'ACGTTGCAAGGCTTAACCGGTATCGATCGGATCC';
const tok = encode(SEQ);
const ALT = { A: 0, C: 1, G: 2, T: 3 } as const;

/** log-likelihood of tokens t[a..b) read by the fake, each base from the one before (base a itself has none). */
function ll(t: Int32Array, a: number, b: number): number {
  let s = 0;
  for (let p = a + 1; p < b; p++) s += lpNext(t[p - 1]!, t[p]!);
  return s;
}

describe('delta log-likelihood on a next-token model', () => {
  for (const prefix of [false, true]) {
    it(`leaves the window's first base out of both alleles and says so${prefix ? ' (shared-prefix path)' : ''}`, async () => {
      const model = nextTokenModel({ prefix });
      const v = { pos: 10, ref: SEQ[10]!, alt: 'A' };
      const { scores } = await scoreVariants(model, SEQ, [v], { method: 'dll', window: 9 });
      // window [6, 15): the reference and the variant each lose base 6, the one the fake cannot predict
      const alt = tok.slice();
      alt[10] = ALT.A;
      expect(scores[0]!.score).toBeCloseTo(ll(alt, 6, 15) - ll(tok, 6, 15), 5);
      expect(scores[0]!.note).toBe(skippedNote(1, false));
      expect(scores[0]!.note).toContain('1 base of the window without a prediction');
    });
  }

  it('a variant at base 1: its own base has no prediction, so the score is its effect on the next base only', async () => {
    const { scores } = await scoreVariants(nextTokenModel(), SEQ, [{ pos: 0, ref: 'A', alt: 'G' }], {
      method: 'dll',
      window: 9,
    });
    expect(scores[0]!.score).toBeCloseTo(lpNext(ALT.G, tok[1]!) - lpNext(ALT.A, tok[1]!), 5);
    expect(scores[0]!.note).toContain("the variant's own base among them");
  });

  it('a window longer than the context slides; only its first base lacks a prediction', async () => {
    const model = nextTokenModel({ context: 8 });
    const v = { pos: 16, ref: SEQ[16]!, alt: 'T' };
    const { scores } = await scoreVariants(model, SEQ, [v], { method: 'dll', window: 21 });
    const alt = tok.slice();
    alt[16] = ALT.T;
    // the fake reads one base back, so sliding windows lose nothing but the very first base's prediction
    expect(scores[0]!.score).toBeCloseTo(ll(alt, 6, 27) - ll(tok, 6, 27), 5);
    expect(scores[0]!.note).toBe(skippedNote(1, false));
  });
});

describe('influence and mutagenesis on a next-token model', () => {
  it("influence: the mean divergence over the window's other bases that have a prediction", async () => {
    const v = { pos: 10, ref: SEQ[10]!, alt: 'A' };
    const { scores } = await scoreVariants(nextTokenModel(), SEQ, [v], { method: 'influence', window: 9 });
    // only base 11's prediction moves (it reads base 10); base 6 has none; 9 - 1 (site) - 1 (base 6) = 7 others
    const dist = (a: number) => [0, 1, 2, 3].map((b) => Math.exp(lpNext(a, b)));
    const p = dist(tok[10]!),
      q = dist(ALT.A);
    const jsd = p.reduce((d, pk, k) => {
      const m = (pk + q[k]!) / 2;
      return d + 0.5 * (pk * Math.log2(pk / m) + q[k]! * Math.log2(q[k]! / m));
    }, 0);
    expect(scores[0]!.score).toBeCloseTo(-jsd / 7, 4);
    expect(scores[0]!.note).toBe(skippedNote(1, false));
  });

  it('mutagenesis scores every substitution, the first base included, with numbers', async () => {
    const r = await saturationMutagenesis(nextTokenModel(), SEQ, 0, 3, { method: 'dll', window: 9 });
    for (let i = 0; i < 3; i++)
      for (let b = 0; b < 4; b++)
        if ('ACGT'[b] === SEQ[i]) expect(r.scores[i * 4 + b]).toBeNaN();
        else expect(Number.isFinite(r.scores[i * 4 + b]!)).toBe(true);
  });
});

describe('the scan and the dependency map on a next-token model', () => {
  it('the scan gives no numbers for the first base, and the bedGraph export skips it', async () => {
    const scan = await likelihoodScan(nextTokenModel(), tok);
    expect(scan.observedBits[0]).toBeNaN();
    expect(scan.entropyBits[0]).toBeNaN();
    expect(scan.observedBits[1]).toBeCloseTo(lpNext(tok[0]!, tok[1]!) / Math.LN2, 5);
    const bed = toBedGraph('chr1:101-134', { name: 'x', description: 'y', values: scan.observedBits });
    expect(bed.split('\n')[1]!.split('\t').slice(0, 2)).toEqual(['chr1', '101']); // base 1 (0-based 100) skipped
  });

  it('column 1 is empty (no prediction) rather than a number, and the read-out says why; influence stays finite', async () => {
    const map = await dependencyMap(nextTokenModel(), tok, 0, 12);
    const n = 12;
    for (let i = 1; i < n; i++) expect(map.values[i * n]).toBeNaN();
    expect(map.values[0]).toBe(0); // the diagonal
    // the next base reads the substituted one: e = max over k of |log2 odds change|, here from 0.7 to 0.1
    const odds = (p: number) => Math.log2(p / (1 - p));
    expect(map.values[3 * n + 4]).toBeCloseTo(odds(0.7) - odds(0.1), 4);
    expect(map.values[3 * n + 6]).toBe(0);
    expect(describeCell(map, SEQ, 5, 0)).toContain('no prediction: the model predicts each base from those before it');
    for (let i = 0; i < n; i++) expect(describeInfluence(map, SEQ, i)).not.toContain('none');
    expect(dependencyTsv('chr1:101-112', SEQ, map).split('\n')[3]!.split('\t')[1]).toBe('');
  });
});
