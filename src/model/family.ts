// What a model family registers (families/registry.ts): how to read its config, which tensors its weights must
// hold under which published names, what it is (objective, context, tokens), and how to build its Network.
// Adding a family is one folder under families/ and one line in the registry.

import type { Network } from './network';

export type Objective = 'mlm' | 'clm';

/** How a family's tokens relate to the runtime's (genome/tokens.ts: A C G T N [MASK] [BOS] are ids 0-6). */
export interface TokenMap {
  /** The model's id for each runtime id 0-6, or -1 where it has none (a start token it was not trained with). */
  ids: readonly number[];
  /** The logit columns of A, C, G, T: the runtime's log-probabilities are renormalised over these four. */
  baseColumns: readonly [number, number, number, number];
}

/**
 * Where a causal family's prediction of base t comes from. 'shifted-input': the network reads [BOS] then
 * tokens 0..T-2, so output row t predicts base t (training/model.py). 'next-token': output row t predicts base
 * t + 1, and base 0 has no prediction (HyenaDNA, trained without a start token).
 */
export type CausalAlignment = 'shifted-input' | 'next-token';

/** What a model is, read from its config: the card and every analysis rely on these. */
export interface ModelFacts {
  /** Family name as users know it: "HyenaDNA", "Caduceus", "GPN". */
  family: string;
  objective: Objective;
  /** The window analyses read at once (the training window, or what the checkpoint was made for). */
  context: number;
  /** The longest input the network can read at all (a learned or implicit positional range), or null: any. */
  maxLength: number | null;
  tokens: TokenMap;
  /** Causal families only. */
  alignment?: CausalAlignment;
  /** Width of the final hidden states. */
  hiddenSize: number;
  nHeads: number;
  nAttentionLayers: number;
  /**
   * Work the model can skip, declared by the family: 'prefix' (causal: rows sharing a prefix with a reference
   * compute only their later positions; its blocks honour PassContext.prefix), 'substitutions' (masked: its
   * leading local blocks rerun only the rows a single-base change reaches).
   */
  speedups: readonly Speedup[];
}

export type Speedup = 'prefix' | 'substitutions';

/** One tensor the weights must hold. */
export interface WeightEntry {
  /** The name build() reads it by. */
  name: string;
  /** Expected shape, from the config. */
  shape: readonly number[];
  /**
   * Its names in the file, first present wins: another layout's prefix, or the twin a tied tensor was saved
   * under when the file omits it (Caduceus's lm_head, HyenaDNA-hf's implicit_filter.3/5.freq).
   */
  from: readonly string[];
  /** 'int64': a buffer (Caduceus-ps complement_map) checked against the config, not used as a float weight. */
  dtype?: 'float32' | 'int64';
}

/** Tensors as read from a file, after the family's table resolved their names (build() reads these). */
export type NamedTensors = Map<string, { shape: number[]; data: Float32Array | BigInt64Array }>;

export interface Family<C = unknown> {
  readonly name: string;
  /** config.json `model_type` values (published folders) or model.json `architecture.type` values it reads. */
  readonly modelTypes: readonly string[];
  /** Checks a config; throws ModelFormatError naming the key and what was expected against what was found. */
  readConfig(json: unknown, where: string): C;
  facts(config: C): ModelFacts;
  /** Every tensor the file must hold (nothing more: an unknown key is refused). */
  weights(config: C): WeightEntry[];
  build(config: C, weights: NamedTensors): Network;
}
