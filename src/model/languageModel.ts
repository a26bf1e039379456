// What analyses need from a model: SequenceModel (any registered network) and MarkovModel implement it; tests
// use tiny fakes.

import type { Objective } from './family';
import type { AttentionRequest } from './network';
import type { SubstitutionSession } from './substitutions';

export type { AttentionRequest } from './network';

/**
 * Work a model can skip, declared by its family (ModelFacts.speedups), so analyses choose their strategy by
 * switching on `kind` rather than probing for methods.
 */
export type Reuse =
  | { kind: 'none' }
  /**
   * Causal: log-probabilities of `ref` [T, 4] and of positions [from, T) of each alternative equal to `ref`
   * before `from`, reusing the reference's work for the shared prefix.
   */
  | {
      kind: 'prefix';
      forwardShared(
        ref: Int32Array,
        alts: { from: number; tokens: Int32Array }[],
      ): Promise<{ ref: Float32Array; alts: Float32Array[] }>;
    }
  /**
   * Masked: one unmasked pass of `ref`, then log-probabilities [T, 4] of any single-base substitutions of it,
   * rerunning only the rows of its local blocks a substitution reaches. Call dispose() on the session.
   */
  | { kind: 'substitutions'; start(ref: Int32Array): Promise<SubstitutionSession> };

/** The final hidden states a probe reads, where the model has them (a Markov model has none). */
export type Representation =
  | { kind: 'none' }
  /** tokens [B, T] row-major -> hidden states [B, T, size] as the head reads them. */
  | { kind: 'hidden'; size: number; hidden(tokens: Int32Array, batch: number): Promise<Float32Array> };

export interface LanguageModel {
  readonly objective: Objective;
  /** Longest window the model reads at once. */
  readonly context: number;
  readonly nHeads: number;
  readonly nAttentionLayers: number;
  readonly reuse: Reuse;
  readonly representation: Representation;
  /**
   * tokens [B, T] row-major -> log-probabilities [B, T, 4] (and attention [B, heads, T, T] when asked). A row
   * the model makes no prediction for (a causal model's first base, without a start token) is NaN.
   */
  forward(
    tokens: Int32Array,
    batch: number,
    attn?: AttentionRequest,
  ): Promise<{ logprobs: Float32Array; attention?: Float32Array }>;
  /**
   * A network's raw logits [T, V] for one row of token ids in its own vocabulary, as its family's code computes
   * them (npm run logits; the `logits` analysis). Absent where the model has none (a Markov model).
   */
  rawLogits?(ids: Int32Array): Promise<{ logits: Float32Array; vocab: number }>;
}
