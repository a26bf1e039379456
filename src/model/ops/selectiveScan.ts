// Mamba v1's selective scan (selective_scan_ref in mamba_ssm, without the z gate): per sequence, channel d and
// state n, h_t = exp(delta_t A) h_{t-1} + delta_t B_t u_t, y_t = C_t . h_t + D u_t, delta = softplus(dt) given.
// A group may run backwards in time (t from L-1 down), which is how a reversed sequence's scan is read in the
// original order without reversing any tensor. tfjs has no scan kernel, so this one runs as typed-array loops:
// O(L * Di * N) per sequence, one read-back of each input and one upload per group.
// Accumulation is float64: JavaScript computes in doubles whatever the array type, so a Float64Array state
// costs nothing but Di * N * 8 bytes per sequence and saves a rounding per step. exp(delta A), one per step,
// channel and state, is most of the work: expNeg below takes it from two small tables and a cubic, about twice
// as fast as Math.exp (src/cli/benchCaduceus.ts) and within 1e-10 of it (selectiveScan.test.ts). With both,
// Caduceus's logits agree with the official float32 code's within 3e-5 (families/caduceus/caduceus.test.ts).
// A WebGPU compute program can stand beside cpuSelectiveScan with the same SelectiveScan signature.
// Shapes: S sequences, L positions, Di inner channels, N state size.

import * as tf from '@tensorflow/tfjs-core';

/** Sequences that share one state matrix (one Mamba direction's lanes). */
export interface ScanGroup {
  /** [S, L, Di]: the convolved, activated input. */
  u: tf.Tensor3D;
  /** [S, L, Di]: softplus of dt_proj's output plus its bias. */
  delta: tf.Tensor3D;
  /** [S, L, 2N]: B then C. */
  bc: tf.Tensor3D;
  /** [Di, N]: A = -exp(A_log), row-major. */
  A: Float32Array;
  /** [Di]: the skip term. */
  D: Float32Array;
  /** Scan from the last position to the first (h_t then depends on positions t..L-1). */
  reverse: boolean;
}

/** Every group's y [S, L, Di], in order. */
export type SelectiveScan = (groups: readonly ScanGroup[]) => tf.Tensor3D[];

/** 2^-k for k = 0..1100 and 2^(-j/64) for j = 0..63: the powers of two expNeg scales by. */
const POW2 = Float64Array.from({ length: 1101 }, (_, k) => 2 ** -k);
const FRAC = Float64Array.from({ length: 64 }, (_, j) => 2 ** (-j / 64));
/** Past this many 64ths of a halving, exp is below 2^-1062: taken as 2^-1062, nothing next to any other term. */
const MAX_STEPS = 68_000;

/**
 * 2^(-w/64) = e^(-w ln2 / 64) for w >= 0 (the scan's w is 64 log2(e) delta |A|): w rounded to m 64ths of a
 * halving, 2^(-m/64) from the tables, e^r (|r| <= ln2 / 128) by its cubic: relative error below 4e-11. NaN stays
 * NaN (m = 0, r NaN).
 */
export function expNeg(w: number): number {
  const v = Math.min(w, MAX_STEPS),
    m = (v + 0.5) | 0,
    r = (m - v) * (Math.LN2 / 64);
  return POW2[m >> 6]! * FRAC[m & 63]! * (1 + r * (1 + r * (0.5 + r * (1 / 6))));
}

/** Sizes of one group: S sequences of L positions, Di channels, state size N. */
export interface ScanDims {
  S: number;
  L: number;
  Di: number;
  N: number;
}

/** One group's scan on row-major typed arrays: u, delta [S, L, Di], bc [S, L, 2N]; y [S, L, Di] written in place. */
export function scanArrays(
  u: Float32Array,
  delta: Float32Array,
  bc: Float32Array,
  g: Pick<ScanGroup, 'A' | 'D' | 'reverse'>,
  y: Float32Array,
  { S, L, Di, N }: ScanDims,
): void {
  const { D } = g,
    h = new Float64Array(Di * N),
    b = new Float64Array(N),
    c = new Float64Array(N);
  const w = Float64Array.from(g.A, (a) => -a * Math.LOG2E * 64); // delta * w[i] is expNeg's argument
  for (let s = 0; s < S; s++) {
    h.fill(0);
    for (let step = 0; step < L; step++) {
      const p = s * L + (g.reverse ? L - 1 - step : step),
        row = p * Di,
        bOff = p * 2 * N;
      for (let n = 0; n < N; n++) {
        b[n] = bc[bOff + n]!;
        c[n] = bc[bOff + N + n]!;
      }
      for (let d = 0; d < Di; d++) {
        const x = u[row + d]!,
          dl = delta[row + d]!,
          du = dl * x;
        let acc = 0;
        for (let n = 0, i = d * N; n < N; n++, i++) {
          const v = expNeg(dl * w[i]!) * h[i]! + du * b[n]!;
          h[i] = v;
          acc += v * c[n]!;
        }
        y[row + d] = acc + D[d]! * x;
      }
    }
  }
}

/** A group's sizes checked against each other, as [S, L, Di, N]. */
function dims(g: ScanGroup): ScanDims {
  const [S, L, Di] = g.u.shape,
    N = g.bc.shape[2] / 2;
  const fits = g.delta.shape.join() === g.u.shape.join() && g.bc.shape[0] === S && g.bc.shape[1] === L;
  if (!fits || g.A.length !== Di * N || g.D.length !== Di) {
    const sizes =
      `u ${g.u.shape}, delta ${g.delta.shape}, bc ${g.bc.shape}, A (${g.A.length} values), ` + `D (${g.D.length})`;
    throw new Error(`selective scan: ${sizes} do not agree`);
  }
  return { S, L, Di, N };
}

/** One group's y from its inputs read back. */
function scanRead(g: ScanGroup, d: ScanDims, u: Float32Array, delta: Float32Array, bc: Float32Array): tf.Tensor3D {
  const y = new Float32Array(d.S * d.L * d.Di);
  scanArrays(u, delta, bc, g, y, d);
  return tf.tensor3d(y, [d.S, d.L, d.Di]);
}

/** Each input read back on its own: packing them first (one concat) cost a copy and 17 MB more per Caduceus-ps
 *  131k block at 1,024 bases, and the cpu backend hands its arrays over without any copy. */
export const cpuSelectiveScan: SelectiveScan = (groups) => {
  return groups.map((g) => {
    const d = dims(g),
      read = (t: tf.Tensor3D) => t.dataSync() as Float32Array;
    return scanRead(g, d, read(g.u), read(g.delta), read(g.bc));
  });
};

/** The same scan, its read-backs awaited (a GPU backend stalls on a synchronous read). */
export async function cpuSelectiveScanAsync(groups: readonly ScanGroup[]): Promise<tf.Tensor3D[]> {
  const ys: tf.Tensor3D[] = [];
  for (const g of groups) {
    const d = dims(g),
      read = async (t: tf.Tensor3D) => (await t.data()) as Float32Array;
    ys.push(scanRead(g, d, await read(g.u), await read(g.delta), await read(g.bc)));
  }
  return ys;
}
