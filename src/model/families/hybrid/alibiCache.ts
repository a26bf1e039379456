// ALiBi bias tensors kept resident for the few window lengths an analysis uses, shared by a network's attention
// blocks and freed with it.

import * as tf from '@tensorflow/tfjs-core';
import { alibiBias } from '../../ops/alibi';

/** At most this many lengths are kept; a new one past it drops them all. */
const BIAS_CACHE_SIZE = 8;

export class AlibiCache {
  private readonly byLength = new Map<number, tf.Tensor2D[]>();

  constructor(
    private readonly nHeads: number,
    private readonly causal: boolean,
  ) {}

  /** Per head, the [T, T] bias. */
  get(T: number): tf.Tensor2D[] {
    let b = this.byLength.get(T);
    if (!b) {
      if (this.byLength.size >= BIAS_CACHE_SIZE) this.dispose();
      b = alibiBias(this.nHeads, T, this.causal).map((t) => tf.keep(t));
      this.byLength.set(T, b);
    }
    return b;
  }

  dispose(): void {
    for (const ts of this.byLength.values()) for (const t of ts) t.dispose();
    this.byLength.clear();
  }
}
