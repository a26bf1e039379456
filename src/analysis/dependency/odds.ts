// The arithmetic of a nucleotide dependency map (Tomaz da Silva et al. 2025, gagneurlab/dependencies_DNALM):
// probabilities with 1e-10 added and renormalised, their log2 odds, and the max over the four bases at j.

/** Added to each of the four probabilities before renormalising, as the paper's code does. */
export const DEPENDENCY_EPS = 1e-10;

/**
 * [T, 4] natural-log probabilities over A, C, G, T -> [T, 4] log2 odds of p = (P + eps) / sum(P + eps).
 * The head predicts the four bases only, so its log-softmax is already the softmax over ACGT.
 */
export function log2Odds(lp: ArrayLike<number>): Float64Array {
  const out = new Float64Array(lp.length);
  for (let j = 0; j < lp.length; j += 4) {
    let total = 0;
    for (let k = 0; k < 4; k++) total += Math.exp(lp[j + k]!) + DEPENDENCY_EPS;
    for (let k = 0; k < 4; k++) {
      const p = (Math.exp(lp[j + k]!) + DEPENDENCY_EPS) / total;
      out[j + k] = Math.log2(p / (1 - p));
    }
  }
  return out;
}

/** Where one substitution's effects go: row `row` of an [n, n] map, columns `col0 + j` for window position j. */
export interface MapRow {
  values: Float32Array;
  /** alt * 4 + target base of the max so far; 255 where nothing has been recorded. */
  argmax: Uint8Array;
  n: number;
  row: number;
  col0: number;
}

/**
 * Folds one substitution (to base `alt` at window position `at`) into a map row: for every other window
 * position j, e = max over k of |log2 odds_j(k | mutant) - log2 odds_j(k | reference)|, kept when it beats
 * what the row holds (ties keep the earlier substitution, then the earlier target base, in ACGT order). A
 * position the model makes no prediction for (NaN: a causal model's first base) is NaN in the row.
 */
export function foldSubstitution(ref: Float64Array, mut: Float64Array, at: number, alt: number, out: MapRow): void {
  const T = ref.length / 4;
  const base = out.row * out.n + out.col0;
  for (let j = 0; j < T; j++) {
    if (j === at) continue;
    const c = base + j;
    if (Number.isNaN(ref[j * 4]!) || Number.isNaN(mut[j * 4]!)) {
      out.values[c] = NaN;
      continue;
    }
    let best = -1,
      bestK = 0;
    for (let k = 0; k < 4; k++) {
      const d = Math.abs(mut[j * 4 + k]! - ref[j * 4 + k]!);
      if (d > best) {
        best = d;
        bestK = k;
      }
    }
    if (out.argmax[c] === 255 || best > out.values[c]!) {
      out.values[c] = best;
      out.argmax[c] = alt * 4 + bestK;
    }
  }
}
