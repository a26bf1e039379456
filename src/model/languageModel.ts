// What analyses need from a model: HybridModel and MarkovModel implement it, tests use tiny fakes.

import type { Objective } from './manifest';
import type { SubstitutionSession } from './substitutions';

export interface AttentionRequest {
  /** Index among the attention blocks (0 = first attention layer). */
  layer: number;
  heads: number[];
}

export interface LanguageModel {
  readonly objective: Objective;
  /** Longest window the model reads at once. */
  readonly context: number;
  readonly nHeads: number;
  readonly nAttentionLayers: number;
  /** tokens [B, T] row-major -> logprobs [B, T, 4] (and attention [B, heads, T, T] when asked). */
  forward(tokens: Int32Array, batch: number, attn?: AttentionRequest): Promise<{ logprobs: Float32Array; attention?: Float32Array }>;
  /**
   * Causal models may offer this: log-probabilities of `ref` [T, 4] and of positions [from, T) of each
   * alternative equal to `ref` before `from`, reusing the reference's work for the shared prefix.
   */
  forwardShared?(ref: Int32Array, alts: { from: number; tokens: Int32Array }[]): Promise<{ ref: Float32Array; alts: Float32Array[] }>;
  /**
   * Masked models may offer this: one unmasked pass of `ref`, then log-probabilities [T, 4] of any single-base
   * substitutions of it, reusing what a substitution cannot change (HybridModel: conv-stack outputs beyond its
   * reach). Call dispose() when done.
   */
  startSubstitutions?(ref: Int32Array): Promise<SubstitutionSession>;
}
