// Order-k Markov baseline: P(base | k previous bases), counted on both strands, with each order
// smoothed towards the one below it (Dirichlet prior alpha), so rare contexts fall back gracefully.

import { MASK_ID, N_ID, reverseComplementTokens } from '../genome/tokens';
import type { LanguageModel, Representation, Reuse } from './languageModel';

/** counts of order k: index = context (k bases, 2 bits each, oldest first) * 4 + next base. */
export function countKmers(seqs: Iterable<Int32Array | Uint8Array>, order: number, bothStrands = true): Uint32Array {
  const size = 4 ** (order + 1);
  const counts = new Uint32Array(size);
  const mask = size - 1;
  const add = (s: ArrayLike<number>) => {
    let code = 0,
      valid = 0;
    for (let i = 0; i < s.length; i++) {
      const t = s[i]!;
      if (t >= N_ID) {
        valid = 0;
        code = 0;
        continue;
      }
      code = ((code << 2) | t) & mask;
      if (++valid > order) counts[code]!++;
    }
  };
  for (const s of seqs) {
    add(s);
    if (bothStrands) add(reverseComplementTokens(Int32Array.from(s)));
  }
  return counts;
}

/** Sum out the oldest context base: order-k counts -> order-(k-1) counts. */
function marginalize(counts: Uint32Array): Uint32Array {
  const out = new Uint32Array(counts.length / 4);
  const n = out.length;
  for (let i = 0; i < counts.length; i++) out[i % n]! += counts[i]!;
  return out;
}

export class MarkovModel implements LanguageModel {
  readonly objective = 'clm' as const;
  readonly nHeads = 0;
  readonly nAttentionLayers = 0;
  readonly reuse: Reuse = { kind: 'none' };
  readonly representation: Representation = { kind: 'none' };
  /** logp[j][ctx * 4 + b] for orders j = 0..k. */
  private readonly logp: Float32Array[] = [];

  constructor(
    readonly order: number,
    counts: Uint32Array,
    readonly alpha = 4,
    readonly context = 1024,
  ) {
    if (counts.length !== 4 ** (order + 1))
      throw new Error(`order-${order} Markov counts need ${4 ** (order + 1)} entries, got ${counts.length}`);
    const byOrder: Uint32Array[] = [counts];
    for (let j = order; j > 0; j--) byOrder.unshift(marginalize(byOrder[0]!));
    let prev = new Float32Array(4).fill(0.25);
    for (let j = 0; j <= order; j++) {
      const c = byOrder[j]!;
      const p = new Float32Array(c.length);
      for (let ctx = 0; ctx < c.length / 4; ctx++) {
        const total = c[ctx * 4]! + c[ctx * 4 + 1]! + c[ctx * 4 + 2]! + c[ctx * 4 + 3]!;
        const lower = (ctx % (c.length / 16 || 1)) * 4; // drop the oldest base of the context
        for (let b = 0; b < 4; b++) {
          const prior = j === 0 ? 0.25 : prev[lower + b]!;
          p[ctx * 4 + b] = (c[ctx * 4 + b]! + alpha * prior) / (total + alpha);
        }
      }
      this.logp.push(p);
      prev = p;
    }
    for (const p of this.logp) for (let i = 0; i < p.length; i++) p[i] = Math.log(p[i]!);
  }

  /** Natural-log probabilities of A, C, G, T at position i from the bases before it in `row`. */
  logprobsAt(row: ArrayLike<number>, i: number, out: Float32Array, o: number): void {
    let code = 0,
      j = 0;
    while (j < this.order && i - 1 - j >= 0) {
      const t = row[i - 1 - j]!;
      if (t >= N_ID || t === MASK_ID) break;
      code |= t << (2 * j);
      j++;
    }
    const p = this.logp[j]!;
    for (let b = 0; b < 4; b++) out[o + b] = p[code * 4 + b]!;
  }

  async forward(tokens: Int32Array, batch: number): Promise<{ logprobs: Float32Array }> {
    const T = tokens.length / batch;
    const out = new Float32Array(tokens.length * 4);
    for (let r = 0; r < batch; r++) {
      const row = tokens.subarray(r * T, (r + 1) * T);
      for (let i = 0; i < T; i++) this.logprobsAt(row, i, out, (r * T + i) * 4);
    }
    return { logprobs: out };
  }

  dispose(): void {}
}
