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
 * The window analyses read at once. config.json names no length and a Mamba has no positional limit (so
 * maxLength is none): the published checkpoints were trained at 131,072 bases (Caduceus; the seqlen-1k ones at
 * 1,024) and 512 (PlantCaduceus, its model cards). A pass holds about 133 KB per base at d_model 256
 * (src/cli/benchCaduceus.ts), so a page reads Caduceus in 2,048-base windows (about 270 MB), not 131,072 (17 GB).
 */
const CONTEXT: Record<Vocabulary, number> = { caduceus: 2_048, 'dna-mlm': 512 };

export function caduceusFacts(c: CaduceusConfig): ModelFacts {
  return {
    family: 'Caduceus',
    objective: 'mlm',
    context: CONTEXT[c.vocabulary],
    maxLength: null,
    tokens: TOKENS[c.vocabulary],
    // what norm() returns and the head reads: with rcps the forward and reverse-complement halves side by side
    hiddenSize: (c.rcps ? 2 : 1) * c.dModel,
    nHeads: 0,
    nAttentionLayers: 0,
    speedups: [],
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
