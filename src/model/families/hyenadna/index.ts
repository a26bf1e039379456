// The HyenaDNA family (Nguyen et al. 2023; LongSafari/hyenadna-* checkpoints, both published layouts): a
// causal LM over single bases with Hyena long-convolution mixers, read as its official code computes it.

import type { Family, ModelFacts } from '../../family';
import { type HyenaDNAConfig, readHyenaDNAConfig } from './config';
import { buildHyenaDNA } from './network';
import { hyenaDNAWeights } from './weights';

export { isOriginalHyenaDNAConfig } from './config';

/**
 * Runtime ids A C G T N [MASK] [BOS] (genome/tokens.ts) -> the character tokenizer's A7 C8 G9 T10 N11
 * [MASK]3; pretraining fed bare bases without a start token, so [BOS] has none.
 */
const TOKEN_IDS = [7, 8, 9, 10, 11, 3, -1] as const;

export const hyenaDNA: Family<HyenaDNAConfig> = {
  name: 'HyenaDNA',
  modelTypes: ['hyenadna'],
  readConfig: readHyenaDNAConfig,
  facts(c: HyenaDNAConfig): ModelFacts {
    return {
      family: 'HyenaDNA',
      objective: 'clm',
      alignment: 'next-token',
      // l_max: pos_emb holds l_max lags and the official forward slices it to the input length, so every
      // length up to l_max runs and a longer one fails there. The repo names count l_max - 2 bases (the
      // tokenizer's room for [CLS]/[SEP]), but without special tokens all l_max positions are bases.
      context: c.lMax,
      maxLength: c.lMax,
      tokens: { ids: TOKEN_IDS, baseColumns: [7, 8, 9, 10] },
      hiddenSize: c.dModel,
      nHeads: 0,
      nAttentionLayers: 0,
      speedups: [],
    };
  },
  weights: hyenaDNAWeights,
  build: (c, weights) => buildHyenaDNA(c, weights),
};
