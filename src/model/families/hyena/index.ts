// The in-house attention-free Hyena model as a registered family: reads its whole input in one pass up to
// max_len (its filter's longest lag).

import type { Family } from '../../family';
import type { Network } from '../../network';
import { causalLongConv } from '../../ops/longConv';
import { WeightStore } from '../../weightStore';
import { inHouseNetwork } from '../hybrid';
import { RUNTIME_TOKENS } from '../runtimeTokens';
import { HyenaBlock, type LongConvChoice } from './block';
import { readHyenaConfig, type HyenaConfig } from './config';
import { HyenaFilters } from './filters';
import { hyenaWeights } from './weights';

/** A Hyena network with its long-convolution choice exposed (tests compare the paths). */
export type HyenaNetwork = Network & { longConv: LongConvChoice };

export const hyenaFamily: Family<HyenaConfig> = {
  name: 'Hyena (attention-free)',
  modelTypes: ['hyena'],
  readConfig: (json, where) => {
    const { architecture, objective } = json as { architecture: unknown; objective: unknown };
    return readHyenaConfig(architecture, objective, where);
  },
  facts: (c) => ({
    family: 'Hyena (attention-free)',
    objective: 'clm',
    context: c.max_len,
    maxLength: c.max_len,
    tokens: RUNTIME_TOKENS,
    alignment: 'shifted-input',
    hiddenSize: c.d_model,
    nHeads: 0,
    nAttentionLayers: 0,
    speedups: [],
  }),
  weights: hyenaWeights,
  build(c, weights): HyenaNetwork {
    const w = new WeightStore(weights);
    const filters = new HyenaFilters(w, c, c.n_hyena);
    const longConv: LongConvChoice = { longConv: causalLongConv, directMaxLen: null };
    const blocks = Array.from({ length: c.n_hyena }, (_, i) => new HyenaBlock(w, i, c.ln_eps, filters, longConv));
    return { ...inHouseNetwork(w, c.ln_eps, blocks, [filters]), longConv };
  },
};
