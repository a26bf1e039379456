// The in-house hybrid (HybridGLM in training/model.py): dilated conv blocks, then ALiBi attention blocks, as
// a registered family. Its speed-ups: a causal one continues rows from a shared prefix, a masked one reruns
// only the conv rows a substitution reaches.

import * as tf from '@tensorflow/tfjs-core';
import type { Family } from '../../family';
import type { Network } from '../../network';
import { embedRows } from '../../ops/embedding';
import { layerNorm } from '../../ops/layerNorm';
import { linear } from '../../ops/linear';
import { WeightStore } from '../../weightStore';
import { RUNTIME_TOKENS } from '../runtimeTokens';
import { AlibiCache } from './alibiCache';
import { AttentionBlock, ConvBlock } from './blocks';
import { readHybridConfig, type HybridConfig } from './config';
import { hybridWeights } from './weights';

/** Embedding, norm_f and the 4-base head of the in-house models (hybrid and Hyena share them). */
export function inHouseNetwork(
  w: WeightStore,
  eps: number,
  blocks: Network['blocks'],
  extra: { dispose(): void }[] = [],
): Network {
  return {
    embed: (ids) => ({ x: embedRows(ids, w.get('embed.weight') as tf.Tensor2D) }),
    blocks,
    norm: (s) => layerNorm(s.x, w.get('norm_f.weight'), w.get('norm_f.bias'), eps) as tf.Tensor3D,
    head: (h) => linear(h, w.get('head.weight') as tf.Tensor2D, w.get('head.bias')) as tf.Tensor3D,
    dispose: () => {
      for (const e of extra) e.dispose();
      w.dispose();
    },
  };
}

export const hybridFamily: Family<HybridConfig & { objective: 'mlm' | 'clm' }> = {
  name: 'Hybrid CNN + attention',
  modelTypes: ['hybrid-conv-alibi'],
  readConfig: (json, where) => {
    const { architecture, objective } = json as { architecture: unknown; objective: 'mlm' | 'clm' };
    return { ...readHybridConfig(architecture, where), objective };
  },
  facts: (c) => ({
    family: 'Hybrid CNN + attention',
    objective: c.objective,
    context: c.context,
    maxLength: null,
    tokens: RUNTIME_TOKENS,
    alignment: c.objective === 'clm' ? 'shifted-input' : undefined,
    hiddenSize: c.d_model,
    nHeads: c.n_heads,
    nAttentionLayers: c.n_attn,
    speedups: [c.objective === 'clm' ? 'prefix' : 'substitutions'],
  }),
  weights: hybridWeights,
  build(c, weights) {
    const w = new WeightStore(weights);
    const causal = c.objective === 'clm';
    const bias = new AlibiCache(c.n_heads, causal);
    const nConv = c.conv_dilations.length;
    const blocks = [
      ...c.conv_dilations.map((d, k) => new ConvBlock(w, k, k, c.conv_kernel, d, causal, c.ln_eps)),
      ...Array.from({ length: c.n_attn }, (_, a) => new AttentionBlock(w, nConv + a, a, c.n_heads, c.ln_eps, bias)),
    ];
    return inHouseNetwork(w, c.ln_eps, blocks, [bias]);
  },
};
