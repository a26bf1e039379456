// The Caduceus family (kuleshov-group/caduceus: Caduceus-ph, Caduceus-ps; PlantCaduceus uses the same code and
// config format): a bidirectional Mamba masked LM over single bases, reverse-complement equivariant with rcps.

import type { Family, ModelFacts, TokenMap } from '../../family';
import { type CaduceusConfig, readCaduceusConfig, type Vocabulary } from './config';
import { cpuSelectiveScan } from '../../ops/selectiveScan';
import { buildCaduceus } from './network';
import { caduceusWeights } from './weights';

/**
 * Runtime ids A C G T N [MASK] [BOS] -> model ids. 'caduceus': CaduceusTokenizer (tokenization_caduceus.py).
 * 'dna-mlm': the vocabulary PlantCaduceus's config implies (7 ids padded to 8, complement 3<->6, 4<->5) and its
 * pretraining script names (gonzalobenegas/tokenizer-dna-mlm: [PAD]0 [MASK]1 [UNK]2 a3 c4 g5 t6, N -> [UNK]);
 * its own tokenizer.json was not read. Neither was trained with a start token.
 */
const TOKENS: Record<Vocabulary, TokenMap> = {
  caduceus: { ids: [7, 8, 9, 10, 11, 3, -1], baseColumns: [7, 8, 9, 10] },
  'dna-mlm': { ids: [3, 4, 5, 6, 2, 1, -1], baseColumns: [3, 4, 5, 6] },
};

/**
 * Longest input per pass. config.json names no length and a Mamba has no positional limit, so this is the
 * length the published checkpoints were trained at: 131,072 for the Caduceus names (seqlen-131k; the seqlen-1k
 * ones read as much, untrained past 1,024), 512 for PlantCaduceus (its model cards).
 */
const CONTEXT: Record<Vocabulary, number> = { caduceus: 131_072, 'dna-mlm': 512 };

export function caduceusFacts(c: CaduceusConfig): ModelFacts {
  return {
    family: 'Caduceus',
    objective: 'mlm',
    context: CONTEXT[c.vocabulary],
    tokens: TOKENS[c.vocabulary],
    // what norm() returns and the head reads: with rcps the forward and reverse-complement halves side by side
    hiddenSize: (c.rcps ? 2 : 1) * c.dModel,
    nHeads: 0,
    nAttentionLayers: 0,
  };
}

export const caduceus: Family<CaduceusConfig> = {
  name: 'Caduceus',
  modelTypes: ['caduceus'],
  readConfig: readCaduceusConfig,
  facts: caduceusFacts,
  weights: caduceusWeights,
  build: (config, weights) => buildCaduceus(config, weights, cpuSelectiveScan),
};
