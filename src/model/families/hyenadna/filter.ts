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
 * Filter bytes kept between passes. A block's filter is computed when the block first needs it for the current
 * length and kept while the kept ones stay within this; past it (long passes of a deep model) it is computed for
 * each pass and dropped. At medium-160k's size (160,002 lags x 256 channels) a block's filter is 156 MiB, 1.25 GiB
 * for its 8 blocks: kept whole, that was the largest share of a 160 kb pass's memory (src/cli/benchScale.ts).
 */
export const KEEP_FILTER_BYTES = 256 * 2 ** 20;

/** Each block's filter for the lags the passes need: a power of two from 1,024, capped at lMax. */
export class FilterBank {
  private lags = 0;
  private kept: (Float32Array | undefined)[] = [];

  constructor(
    private readonly params: readonly FilterParams[],
    private readonly lMax: number,
    private readonly D: number,
    private readonly shift: number,
    private readonly keepBytes = KEEP_FILTER_BYTES,
  ) {}

  /** Block i's filter for at least T lags ([>= T, D], lag-major). */
  filter(i: number, T: number): Float32Array {
    this.grow(T);
    return this.kept[i] ?? this.keep(i, computeFilter(this.params[i]!, this.lags, this.D, this.shift));
  }

  /** The same, its reads awaited (a GPU backend stalls on a synchronous read). */
  async filterAsync(i: number, T: number): Promise<Float32Array> {
    this.grow(T);
    return this.kept[i] ?? this.keep(i, await computeFilterAsync(this.params[i]!, this.lags, this.D, this.shift));
  }

  /** Lags for a pass of T: past the current ones, the old filters go before any new one is allocated. */
  private grow(T: number): void {
    if (T > this.lMax) {
      throw new Error(`HyenaDNA's filters are defined for ${this.lMax} lags; a pass of ${T} needs more`);
    }
    if (T > this.lags) {
      this.kept = [];
      this.lags = Math.min(this.lMax, Math.max(MIN_FILTER_LAGS, nextPow2(T)));
    }
  }

  /** k, kept while the kept filters stay within keepBytes (and k is of the current lags: a pass may have grown
   *  them while k was computed). */
  private keep(i: number, k: Float32Array): Float32Array {
    const keptBytes = this.kept.reduce((n, f) => n + (f?.byteLength ?? 0), 0);
    if (k.length === this.lags * this.D && keptBytes + k.byteLength <= this.keepBytes) this.kept[i] = k;
    return k;
  }

  clear(): void {
    this.kept = [];
    this.lags = 0;
  }
}
