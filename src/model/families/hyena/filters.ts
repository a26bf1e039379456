// The implicit long filters of a Hyena network, per block: computed on the backend for a power of two of lags
// at least as long as the input (they depend only on the lag), read once, and kept as typed arrays (the FFT
// path) and resident tensors (the direct path) until a longer input needs more lags.

import * as tf from '@tensorflow/tfjs-core';
import { type FilterConfig, type FilterWeights, implicitFilter } from '../../ops/hyenaFilter';
import type { WeightStore } from '../../weightStore';

/** Filters are computed for at least this many lags at once, so short inputs do not recompute them. */
const MIN_FILTER_LAGS = 1024;

export interface BlockFilter {
  /** h [lags, D] on the CPU and as a tensor, and the skip term [D]. */
  h: Float32Array;
  hTensor: tf.Tensor2D;
  skip: Float32Array;
}

export class HyenaFilters {
  private lags = 0;
  private filters: BlockFilter[] = [];

  constructor(
    private readonly w: WeightStore,
    private readonly c: FilterConfig,
    private readonly nBlocks: number,
  ) {}

  /** Block i's filter for at least T lags (T <= max_len); computed here, read back synchronously, if not yet. */
  forLength(i: number, T: number): BlockFilter {
    if (this.lags < T)
      this.store(
        this.compute(T).map((f) => ({
          ...f,
          h: f.hTensor.dataSync() as Float32Array,
          skip: f.skip.dataSync() as Float32Array,
        })),
        T,
      );
    return this.filters[i]!;
  }

  /** Every block's filter for at least T lags, read back with an await (a GPU backend stalls on a synchronous read). */
  async ensure(T: number): Promise<void> {
    if (this.lags >= T) return;
    const made = this.compute(T);
    const read = await Promise.all(
      made.map(async (f) => ({
        ...f,
        h: (await f.hTensor.data()) as Float32Array,
        skip: (await f.skip.data()) as Float32Array,
      })),
    );
    this.store(read, T);
  }

  private store(filters: BlockFilter[], T: number): void {
    this.dispose();
    this.filters = filters;
    this.lags = this.lagsFor(T);
  }

  private lagsFor(T: number): number {
    return Math.min(this.c.max_len, Math.max(MIN_FILTER_LAGS, 2 ** Math.ceil(Math.log2(T))));
  }

  /** Per block: the filter as a resident tensor [lags, D] and the skip term, before they are read. */
  private compute(T: number): { hTensor: tf.Tensor2D; skip: tf.Tensor }[] {
    const lags = this.lagsFor(T);
    return Array.from({ length: this.nBlocks }, (_, i) => {
      const f = `blocks.${i}.mixer.filter`;
      const weights: FilterWeights = {
        fc: [0, 1, 2].map((k) => ({
          w: this.w.get(`${f}.fc${k}.weight`) as tf.Tensor2D,
          b: this.w.get(`${f}.fc${k}.bias`),
        })),
        freq: [0, 1, 2].map((k) => this.w.get(`${f}.act${k}.freq`)),
        out: this.w.get(`${f}.out.weight`) as tf.Tensor2D,
      };
      return { hTensor: tf.keep(tf.tidy(() => implicitFilter(this.c, weights, lags))), skip: this.w.get(`${f}.bias`) }; // [lags, D], [D]
    });
  }

  dispose(): void {
    for (const f of this.filters) f.hTensor.dispose();
    this.filters = [];
    this.lags = 0;
  }
}
