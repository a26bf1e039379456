// Mamba v1's selective scan (selective_scan_ref in mamba_ssm, without the z gate): per sequence, channel d and
// state n, delta = softplus(dt), h_t = exp(delta_t A) h_{t-1} + delta_t B_t u_t, y_t = C_t . h_t + D u_t.
// A group may run backwards in time (t from L-1 down), which is how a reversed sequence's scan is read in the
// original order without reversing any tensor. tfjs has no scan kernel, so this one runs as typed-array loops:
// O(L * Di * N) per sequence, one read-back of every input (one concat, one dataSync) and one upload per group.
// Accumulation is float64: JavaScript computes in doubles whatever the array type, so a Float64Array state
// costs nothing but Di * N * 8 bytes per sequence and saves a rounding per step. With it, Caduceus's logits
// agree with the official float32 code's to 5.5e-6 at most (families/caduceus/caduceus.test.ts), within 3e-5.
// A WebGPU compute program can stand beside cpuSelectiveScan with the same SelectiveScan signature.
// Shapes: S sequences, L positions, Di inner channels, N state size.

import * as tf from '@tensorflow/tfjs-core';

/** Sequences that share one state matrix (one Mamba direction's lanes). */
export interface ScanGroup {
  /** [S, L, Di]: the convolved, activated input. */
  u: tf.Tensor3D;
  /** [S, L, Di]: dt_proj's output plus its bias, before softplus. */
  dt: tf.Tensor3D;
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

/** PyTorch's softplus (beta 1, threshold 20). */
const softplus = (x: number) => (x > 20 ? x : Math.log1p(Math.exp(x)));

/** Sizes of one group: S sequences of L positions, Di channels, state size N. */
export interface ScanDims {
  S: number;
  L: number;
  Di: number;
  N: number;
}

/** One group's scan on row-major typed arrays: u, dt [S, L, Di], bc [S, L, 2N]; y [S, L, Di] written in place. */
export function scanArrays(
  u: Float32Array,
  dt: Float32Array,
  bc: Float32Array,
  g: Pick<ScanGroup, 'A' | 'D' | 'reverse'>,
  y: Float32Array,
  { S, L, Di, N }: ScanDims,
): void {
  const { A, D } = g,
    h = new Float64Array(Di * N);
  for (let s = 0; s < S; s++) {
    h.fill(0);
    for (let step = 0; step < L; step++) {
      const p = s * L + (g.reverse ? L - 1 - step : step),
        row = p * Di,
        bOff = p * 2 * N,
        cOff = bOff + N;
      for (let d = 0; d < Di; d++) {
        const x = u[row + d]!,
          delta = softplus(dt[row + d]!),
          du = delta * x,
          hd = d * N;
        let acc = 0;
        for (let n = 0; n < N; n++) {
          const v = Math.exp(delta * A[hd + n]!) * h[hd + n]! + du * bc[bOff + n]!;
          h[hd + n] = v;
          acc += v * bc[cOff + n]!;
        }
        y[row + d] = acc + D[d]! * x;
      }
    }
  }
}

/** Every group's inputs in one tensor, so they come back in one read. */
function pack(groups: readonly ScanGroup[]): tf.Tensor1D {
  return tf.tidy(
    () => tf.concat(groups.flatMap((g) => [g.u, g.dt, g.bc].map((t) => tf.reshape(t, [-1])))) as tf.Tensor1D,
  );
}

/** The scans of every group from their packed inputs, each uploaded as [S, L, Di]. */
function scanPacked(groups: readonly ScanGroup[], data: Float32Array): tf.Tensor3D[] {
  let at = 0;
  const take = (n: number) => data.subarray(at, (at += n));
  return groups.map((g) => {
    const [S, L, Di] = g.u.shape,
      N = g.bc.shape[2] / 2;
    const fits = g.dt.shape.join() === g.u.shape.join() && g.bc.shape[0] === S && g.bc.shape[1] === L;
    if (!fits || g.A.length !== Di * N || g.D.length !== Di) {
      const sizes = `u ${g.u.shape}, dt ${g.dt.shape}, bc ${g.bc.shape}, A (${g.A.length} values), D (${g.D.length})`;
      throw new Error(`selective scan: ${sizes} do not agree`);
    }
    const u = take(S * L * Di),
      dt = take(S * L * Di),
      bc = take(S * L * 2 * N);
    const y = new Float32Array(S * L * Di);
    scanArrays(u, dt, bc, g, y, { S, L, Di, N });
    return tf.tensor3d(y, [S, L, Di]);
  });
}

export const cpuSelectiveScan: SelectiveScan = (groups) => {
  const packed = pack(groups);
  const data = packed.dataSync() as Float32Array;
  packed.dispose();
  return scanPacked(groups, data);
};

/** The same scan, its read-back awaited (a GPU backend stalls on a synchronous read). */
export async function cpuSelectiveScanAsync(groups: readonly ScanGroup[]): Promise<tf.Tensor3D[]> {
  const packed = pack(groups);
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  return scanPacked(groups, data);
}
