// HyenaDNA's implicit long filters, one per block: the sine MLP (ops/hyenaFilter.ts) over the positional
// features z read from the checkpoint, times the window exp(-t |deltas|) + shift (t read too). A filter
// depends only on the lag, so each block's is computed once for the lags the passes need and kept on the CPU,
// where the FFT convolution (ops/longConv.ts) reads it.

import * as tf from '@tensorflow/tfjs-core';
import { nextPow2 } from '../../ops/fft';
import { type FilterWeights, sineMlp } from '../../ops/hyenaFilter';

/** Filters are computed for at least this many lags at once, so short inputs do not recompute them. */
const MIN_FILTER_LAGS = 1024;
/** Lags per MLP evaluation: bounds the tensors alive while a long filter is built (the [lags, order] activations). */
const CHUNK_LAGS = 16_384;

/** One block's filter inputs. */
export interface FilterParams {
  /** Resident tensors: the Linear layers as [in, out], the shared Sin frequency once per layer, out [order, D]. */
  mlp: FilterWeights;
  /** pos_emb.z [lMax, embDim] and pos_emb.t [lMax], row-major. */
  z: Float32Array;
  t: Float32Array;
  /** |modulation.deltas| [D]. */
  rate: Float32Array;
}

/** A filter's output and how it is made: the MLP a chunk of lags at a time, each chunk's values windowed into k. */
function filterParts(p: FilterParams, lags: number, D: number, shift: number) {
  const E = p.z.length / p.t.length;
  const k = new Float32Array(lags * D);
  const starts = Array.from({ length: Math.ceil(lags / CHUNK_LAGS) }, (_, i) => i * CHUNK_LAGS);
  const size = (start: number) => Math.min(CHUNK_LAGS, lags - start);
  const mlp = (start: number) =>
    // [n, D]
    tf.tidy(() => sineMlp(tf.tensor3d(p.z.subarray(start * E, (start + size(start)) * E), [1, size(start), E]), p.mlp));
  const fill = (start: number, values: ArrayLike<number>) => {
    for (let j = 0; j < size(start); j++) {
      const t = p.t[start + j]!,
        row = (start + j) * D;
      for (let d = 0; d < D; d++) k[row + d] = values[j * D + d]! * (Math.exp(-t * p.rate[d]!) + shift);
    }
  };
  return { k, starts, mlp, fill };
}

/** Block filter k [lags, D] (lag-major): sineMlp(z[:lags]) * (exp(-t[:lags] |deltas|) + shift). */
export function computeFilter(p: FilterParams, lags: number, D: number, shift: number): Float32Array {
  const f = filterParts(p, lags, D, shift);
  for (const start of f.starts) {
    const h = f.mlp(start);
    f.fill(start, h.dataSync());
    h.dispose();
  }
  return f.k;
}

/** The same, each chunk's read awaited (a GPU backend stalls on a synchronous read). */
export async function computeFilterAsync(
  p: FilterParams,
  lags: number,
  D: number,
  shift: number,
): Promise<Float32Array> {
  const f = filterParts(p, lags, D, shift);
  for (const start of f.starts) {
    const h = f.mlp(start);
    f.fill(start, await h.data());
    h.dispose();
  }
  return f.k;
}

/**
 * Every block's filter, grown to the longest pass seen (a power of two from 1,024, capped at lMax). At
 * medium-160k's size (160,002 lags x 256 channels) a block's filter is 156 MiB of float32, 1.25 GiB for its
 * 8 blocks; computing one raised the peak RSS by 219-231 MiB on Node's wasm (8-16 s) and 225 MiB on cpu (27 s)
 * (src/cli/benchHyenaDNAFilter.ts, this loaded 2-core machine).
 */
export class FilterBank {
  private lags = 0;
  private filters: Float32Array[] = [];

  constructor(
    private readonly params: readonly FilterParams[],
    private readonly lMax: number,
    private readonly D: number,
    private readonly shift: number,
  ) {}

  /** Block i's filter for at least T lags ([>= T, D], lag-major). */
  filter(i: number, T: number): Float32Array {
    const lags = this.lagsFor(T);
    if (lags > this.lags) {
      this.filters = []; // the old filters go before the new ones are allocated
      this.filters = this.params.map((p) => computeFilter(p, lags, this.D, this.shift));
      this.lags = lags;
    }
    return this.filters[i]!;
  }

  /** Every block's filter for at least T lags, its reads awaited. */
  async ensure(T: number): Promise<void> {
    const lags = this.lagsFor(T);
    if (lags <= this.lags) return;
    this.filters = [];
    const made: Float32Array[] = [];
    for (const p of this.params) made.push(await computeFilterAsync(p, lags, this.D, this.shift));
    this.filters = made;
    this.lags = lags;
  }

  private lagsFor(T: number): number {
    if (T > this.lMax)
      throw new Error(`HyenaDNA's filters are defined for ${this.lMax} lags; a pass of ${T} needs more`);
    return T > this.lags ? Math.min(this.lMax, Math.max(MIN_FILTER_LAGS, nextPow2(T))) : this.lags;
  }

  clear(): void {
    this.filters = [];
    this.lags = 0;
  }
}
