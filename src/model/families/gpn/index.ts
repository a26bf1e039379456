// The GPN family (songlab-cal/gpn): ConvNet masked LMs such as songlab/gpn-brassicales, read from their
// published config.json and state_dict.

import type { Family, ModelFacts } from '../../family';
import { buildGpn } from './build';
import { readGpnConfig, type GpnConfig } from './config';
import { gpnWeights } from './weights';

/**
 * Bases per window. config.json has no length (a ConvNet reads any); GPN was trained on 512-bp windows
 * (analysis/gpn_arabidopsis/config.yaml window_size: 512; train.sh reads merged_dataset/512/256).
 */
const CONTEXT = 512;

export const gpn: Family<GpnConfig> = {
  name: 'GPN',
  modelTypes: ['ConvNet'],
  readConfig: readGpnConfig,
  facts(c: GpnConfig): ModelFacts {
    return {
      family: 'GPN',
      objective: 'mlm',
      context: CONTEXT,
      maxLength: null,
      tokens: {
        // runtime A C G T N [MASK] [BOS] -> the tokenizer's a3 c4 g5 t6, [UNK]2 (N and any other letter),
        // [MASK]1; GPN adds no special tokens, so [BOS] has no id
        ids: [3, 4, 5, 6, 2, 1, -1],
        baseColumns: [3, 4, 5, 6],
      },
      hiddenSize: c.hiddenSize,
      nHeads: 0,
      nAttentionLayers: 0,
      // its blocks are local convolutions, but a GPN block is not a LocalBlock yet: substitutions run full passes
      speedups: [],
    };
  },
  weights: gpnWeights,
  build: buildGpn,
};
