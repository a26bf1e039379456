// What analyses need from a model; HybridModel implements it, tests use tiny fakes.

import type { AttentionRequest } from '../model/hybrid';
import type { Objective } from '../model/manifest';

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
}

/** The same model without forwardShared, so every row runs in full (the benchmark and tests compare the two). */
export function withoutPrefixReuse(m: LanguageModel): LanguageModel {
  return { objective: m.objective, context: m.context, nHeads: m.nHeads, nAttentionLayers: m.nAttentionLayers, forward: m.forward.bind(m) };
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Let queued messages run (a cancel request among them), then check for cancellation. Needed
 * between batches: on wasm and cpu a forward pass resolves in microtasks, so a worker that only
 * awaited them would never read its message queue until the whole job was done.
 */
export async function checkpoint(signal?: AbortSignal): Promise<void> {
  if (signal) await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfAborted(signal);
}

/** Milliseconds of `repeats` forward passes after one warm-up (the benchmark, in Node and in the worker). */
export async function timeForward(model: LanguageModel, tokens: Int32Array, batch: number, repeats: number): Promise<number[]> {
  await model.forward(tokens, batch);
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await model.forward(tokens, batch);
    ms.push(performance.now() - t);
  }
  return ms;
}
