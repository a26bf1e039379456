// hiddenStates frees each block's output once the next block has read it, and nothing else: not the embedding
// (a family may hand out a tensor it keeps), not a tensor the next stream still carries, not the last stream.

import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../node/nodeRuntime';
import { hiddenStates, type Block, type Network, type Stream } from './network';

describe('hiddenStates', () => {
  it("frees a block's output after the next block; keeps the embedding and what the next stream carries", async () => {
    await useNodeBackend('cpu');
    const seen: Stream[] = [];
    const block = (carry: boolean): Block => ({
      kind: 'conv',
      forward: (s) => {
        expect([s.x.isDisposed, s.residual?.isDisposed ?? false]).toEqual([false, false]); // all it reads is alive
        seen.push(s);
        return { x: tf.add(s.x, 1) as tf.Tensor3D, residual: carry ? (s.residual ?? s.x) : undefined };
      },
    });
    const embedded = tf.zeros([1, 2, 3]) as tf.Tensor3D;
    const net: Network = {
      embed: () => ({ x: embedded }),
      blocks: [block(false), block(true), block(false), block(false)],
      norm: (s) => s.x,
      head: (h) => h,
      dispose: () => undefined,
    };
    const out = tf.tidy(() => {
      const h = hiddenStates(net, tf.zeros([1, 2], 'int32') as tf.Tensor2D);
      // inside the pass's tidy: blocks 0-2's outputs are gone (block 0's once block 2 had read it as block 1's
      // residual), the embedding and the last output (what the norm read) are not
      expect(seen.slice(1).map((s) => s.x.isDisposed)).toEqual([true, true, true]);
      expect([embedded.isDisposed, h.isDisposed]).toEqual([false, false]);
      return h;
    });
    expect(out.dataSync()).toEqual(Float32Array.from([4, 4, 4, 4, 4, 4]));
    tf.dispose([out, embedded]);
  });
});
