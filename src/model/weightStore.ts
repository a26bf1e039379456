// A network's weights as resident tensors: uploaded once from the resolved file tensors, read by name, and
// disposed together with whatever the family derived from them (head slices, filters, biases).

import * as tf from '@tensorflow/tfjs-core';
import type { NamedTensors } from './family';

export class WeightStore {
  private readonly t = new Map<string, tf.Tensor>();
  private derived = 0;

  constructor(weights: NamedTensors) {
    for (const [name, w] of weights) {
      // int64 buffers (Caduceus-ps complement_map) are checked at load and never computed with
      if (w.data instanceof Float32Array) this.t.set(name, tf.keep(tf.tensor(w.data, w.shape, 'float32')));
    }
  }

  /** The tensor of `name`; a missing one is a family bug (resolveWeights checked the file against the table). */
  get(name: string): tf.Tensor {
    const t = this.t.get(name);
    if (!t) throw new Error(`missing weight ${name}`);
    return t;
  }

  /** Keeps a tensor derived from the weights resident, owned (and disposed) with them. */
  keep<T extends tf.Tensor>(t: T): T {
    this.t.set(`derived.${this.derived++}`, tf.keep(t));
    return t;
  }

  dispose(): void {
    for (const t of this.t.values()) t.dispose();
    this.t.clear();
  }
}
