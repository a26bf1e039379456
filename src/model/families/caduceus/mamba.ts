// Caduceus's mixer: BiMambaWrapper (modeling_caduceus.py) around Mamba v1 (mamba_ssm mamba_simple.py). Per
// module: in_proj -> x, z; u = SiLU(causal depthwise conv(x) + bias); x_proj -> dt, B, C; softplus(dt_proj); the
// selective scan (with the D skip); y * SiLU(z); out_proj. mamba_fwd reads the sequence forwards; mamba_rev reads it
// reversed, its output reversed back and added. Every step but the conv and the scan acts per position, so
// mamba_rev here runs in the original order with an anti-causal conv and a backwards scan: no tensor is ever
// reversed in time (tfjs-wasm's Reverse and strided Slice took over half the dense time when it was).
// A lane marked `reversed` holds a sequence reversed in time (Caduceus-ps's reverse-complement half): there the
// two modules' directions trade places. The scan of every lane and module is one call: one read-back per block.
// Shapes: B batch, L positions, D d_model, Di inner width, R dt rank, N state size, K conv width.

import * as tf from '@tensorflow/tfjs-core';
import { causalDepthwise } from '../../ops/causalDepthwise';
import { linear } from '../../ops/linear';
import type { ScanGroup, SelectiveScan } from '../../ops/selectiveScan';

/** One Mamba module's parameters, in the layouts the ops read (nn.Linear weights transposed to [in, out]). */
export interface MambaModule {
  /** in_proj split into its x and z halves, [D, Di] each; absent where tied to mamba_fwd's. */
  inX?: tf.Tensor2D;
  inZ?: tf.Tensor2D;
  inBiasX?: tf.Tensor1D;
  inBiasZ?: tf.Tensor1D;
  /** [1, K, Di, 1] (causalDepthwise's layout), and the same taps reversed for the anti-causal conv. */
  filter: tf.Tensor4D;
  filterReversed: tf.Tensor4D;
  convBias?: tf.Tensor1D;
  /** x_proj split: [Di, R] to dt, [Di, 2N] to B and C. */
  xDt: tf.Tensor2D;
  xBC: tf.Tensor2D;
  /** [R, Di] */
  dtProj: tf.Tensor2D;
  dtBias: tf.Tensor1D;
  /** -exp(A_log) [Di, N] and D [Di], on the CPU where the scan reads them. */
  A: Float32Array;
  D: Float32Array;
  /** [Di, D]; absent where tied. */
  outProj?: tf.Tensor2D;
  outBias?: tf.Tensor1D;
}

/** mamba_fwd, then mamba_rev when the model is bidirectional. */
export type BiMambaParams = MambaModule[];

/** A sequence the mixer reads: [B, L, D], in the original order or (`reversed`) reversed in time. */
export interface Lane {
  x: tf.Tensor3D;
  reversed: boolean;
}

const silu = (x: tf.Tensor) => tf.mul(x, tf.sigmoid(x));

/**
 * y[t] = sum_j w[j] x[t + j] over the next K positions (zeros past the end): the causal conv of the reversed
 * sequence, read back in order.
 */
function anticausalDepthwise(x: tf.Tensor3D, reversedTaps: tf.Tensor4D): tf.Tensor3D {
  const [B, L, C] = x.shape,
    K = reversedTaps.shape[1];
  const padded = tf.pad(tf.reshape(x, [B, 1, L, C]), [
    [0, 0],
    [0, 0],
    [0, K - 1],
    [0, 0],
  ]) as tf.Tensor4D;
  return tf.reshape(tf.depthwiseConv2d(padded, reversedTaps, 1, 'valid'), [B, L, C]);
}

/** What a lane's module leaves for the scan: its inputs, and z and the module for after it. */
export interface MambaWork {
  group: ScanGroup;
  z: tf.Tensor;
  m: MambaModule;
}

/** Every lane's modules up to the scan: in_proj, the conv, x_proj and dt_proj. The caller frees the work. */
export function prepareBiMamba(lanes: readonly Lane[], modules: BiMambaParams): MambaWork[] {
  const fwd = modules[0]!;
  const proj = (x: tf.Tensor3D, m: MambaModule) => ({
    x: linear(x, m.inX ?? fwd.inX!, m.inX ? m.inBiasX : fwd.inBiasX) as tf.Tensor3D, // [B, L, Di]
    z: linear(x, m.inZ ?? fwd.inZ!, m.inZ ? m.inBiasZ : fwd.inBiasZ), // [B, L, Di]
  });
  return lanes.flatMap((lane) => {
    const shared = tf.tidy(() => proj(lane.x, fwd)); // a tied mamba_rev projects with mamba_fwd's in_proj
    const work = modules.map((m, k) => {
      const { x, z } = m.inX && k > 0 ? tf.tidy(() => proj(lane.x, m)) : shared;
      const backwards = (k === 1) !== lane.reversed;
      // the scan's inputs, without the conv's and projections' intermediates (a long pass's peak is here)
      const { u, delta, bc } = tf.tidy(() => {
        const conv = backwards ? anticausalDepthwise(x, m.filterReversed) : causalDepthwise(x, m.filter);
        const u = silu(m.convBias ? tf.add(conv, m.convBias) : conv) as tf.Tensor3D; // [B, L, Di]
        // softplus here, on the backend: a transcendental pair per position and channel the scan need not do
        const delta = tf.softplus(linear(linear(u, m.xDt), m.dtProj, m.dtBias)) as tf.Tensor3D; // [B, L, Di]
        return { u, delta, bc: linear(u, m.xBC) as tf.Tensor3D };
      });
      if (x !== shared.x) x.dispose();
      return { group: { u, delta, bc, A: m.A, D: m.D, reverse: backwards } as ScanGroup, z, m };
    });
    shared.x.dispose();
    return work;
  });
}

/** After the scan: y * SiLU(z), out_proj, the two modules added: each lane's output [B, L, D], in its own order. */
export function finishBiMamba(
  lanes: readonly Lane[],
  modules: BiMambaParams,
  work: readonly MambaWork[],
  ys: readonly tf.Tensor3D[],
): tf.Tensor3D[] {
  const fwd = modules[0]!;
  return lanes.map((_, i) => {
    const mine = work.slice(i * modules.length, (i + 1) * modules.length),
      y = ys.slice(i * modules.length);
    if (modules.length === 2 && !modules[1]!.outProj) {
      // tied: the modules share z and out_proj, so out_proj((y_fwd + y_rev) SiLU(z)) + 2b
      const out = linear(tf.mul(tf.add(y[0]!, y[1]!), silu(mine[0]!.z)), fwd.outProj!);
      return (fwd.outBias ? tf.add(out, tf.mul(fwd.outBias, 2)) : out) as tf.Tensor3D;
    }
    return tf.addN(mine.map((w, k) => linear(tf.mul(y[k]!, silu(w.z)), w.m.outProj!, w.m.outBias))) as tf.Tensor3D;
  });
}

/** Frees what prepareBiMamba and the scan made (z shared by a tied pair once). */
export function releaseWork(work: readonly MambaWork[], ys: readonly tf.Tensor3D[]): void {
  tf.dispose([...new Set(work.flatMap((w) => [w.group.u, w.group.delta, w.group.bc, w.z])), ...ys]);
}

/** Each lane [B, L, D] -> its BiMamba output [B, L, D], in the lane's own order (call inside tf.tidy). */
export function biMamba(lanes: readonly Lane[], modules: BiMambaParams, scan: SelectiveScan): tf.Tensor3D[] {
  const work = prepareBiMamba(lanes, modules);
  const ys = scan(work.map((w) => w.group));
  tf.dispose(work.flatMap((w) => [w.group.u, w.group.delta, w.group.bc]));
  return finishBiMamba(lanes, modules, work, ys);
}
