// Influence (MarinDNA's NucDep, the variant influence score of nucleotide dependency analysis): how far
// the variant moves the model's beliefs at the other bases of its window, as the mean Jensen-Shannon
// divergence (bits) between the reference's and the variant's predictions over every position but the
// site. Unmasked passes, any objective. Reported as its negative, so that < 0 reads as "changes
// something" like the other scores (a larger change is more negative).

import { reverseComplementTokens } from '../../genome/tokens';
import { bySite, centredWindow, type ScoringContext, type ScoringPlan } from './plan';

const EPS = 1e-10;

/** Jensen-Shannon divergence in bits between two distributions given as natural-log probabilities. */
export function jsDivergence(lpA: ArrayLike<number>, lpB: ArrayLike<number>): number {
  let d = 0;
  for (let k = 0; k < lpA.length; k++) {
    const p = Math.exp(lpA[k]!) + EPS,
      q = Math.exp(lpB[k]!) + EPS,
      m = (p + q) / 2;
    d += 0.5 * (p * Math.log2(p / m) + q * Math.log2(q / m));
  }
  return Math.max(0, d);
}

/** Whether row j of [T, 4] log-probabilities holds no prediction (NaN: a causal model's first base). */
const unpredicted = (lp: Float32Array, j: number) => Number.isNaN(lp[j * 4]!);

/** Positions j != at that either row holds no prediction for: left out of the mean. */
export function skippedPositions(ref: Float32Array, alt: Float32Array, at: number): number {
  let n = 0;
  for (let j = 0; j < ref.length / 4; j++) if (j !== at && (unpredicted(ref, j) || unpredicted(alt, j))) n++;
  return n;
}

/** Mean JS divergence over positions j != at of two [T, 4] log-probability rows, where both predict. */
export function meanInfluence(ref: Float32Array, alt: Float32Array, at: number): number {
  const T = ref.length / 4;
  let total = 0,
    n = 0;
  for (let j = 0; j < T; j++) {
    if (j === at || unpredicted(ref, j) || unpredicted(alt, j)) continue;
    total += jsDivergence(ref.subarray(j * 4, j * 4 + 4), alt.subarray(j * 4, j * 4 + 4));
    n++;
  }
  return n ? total / n : T > 1 ? NaN : 0;
}

export function influencePlan(ctx: ScoringContext): ScoringPlan {
  const { tokens, variants, W, strands, parts } = ctx;
  const rows: ScoringPlan['rows'] = [];
  for (const [pos, idx] of bySite(ctx)) {
    const start = centredWindow(tokens.length, pos, W);
    strands.forEach((rc, s) => {
      const orient = (t: Int32Array) => (rc ? reverseComplementTokens(t) : t);
      const at = rc ? W - 1 - (pos - start) : pos - start;
      let ref: Float32Array | null = null;
      const pending: [number, Float32Array][] = [];
      const score = (i: number, alt: Float32Array) => {
        const p = parts[i]![s]!;
        p.ref = 0;
        p.alt = -meanInfluence(ref!, alt, at);
        p.refSkipped = p.altSkipped = skippedPositions(ref!, alt, at);
      };
      rows.push({
        tokens: orient(tokens.slice(start, start + W)),
        use: (lp) => {
          ref = lp.slice();
          for (const [i, a] of pending.splice(0)) score(i, a);
        },
      });
      for (const i of idx) {
        const win = tokens.slice(start, start + W);
        win[pos - start] = 'ACGT'.indexOf(variants[i]!.alt);
        rows.push({
          tokens: orient(win),
          use: (lp) => {
            if (ref) score(i, lp);
            else pending.push([i, lp.slice()]);
          },
        });
      }
    });
  }
  return { rows, jobs: [] };
}
