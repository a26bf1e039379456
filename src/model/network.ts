// A network is an embedding, a list of blocks (a mixer and, where the family has one, a feed-forward), a final
// norm and a head: training/model.py's layout, and that of every published family. A family (families/<name>/)
// builds one from its config and weights; SequenceModel (sequenceModel.ts) runs any of them the same way.
// Shapes: B batch, T tokens, D width, V the model's own vocabulary (logit columns).

import type * as tf from '@tensorflow/tfjs-core';
import { tidy } from '@tensorflow/tfjs-core';

/**
 * What flows between blocks. `x` [B, T, D] is the hidden state; `residual` is the un-normed residual stream of
 * families whose blocks add and norm at their start (Mamba's "fused add norm": Caduceus), absent otherwise.
 */
export interface Stream {
  x: tf.Tensor3D;
  residual?: tf.Tensor3D;
}

/** Attention maps a caller asked for: block `layer` among the attention blocks, these heads. */
export interface AttentionRequest {
  /** Index among the attention blocks (0 = first attention block). */
  layer: number;
  heads: number[];
}

/** Per conv block the normalised input [T, D]; per attention block and head the keys and values [T, Dh]. */
export interface PrefixState {
  convIn: tf.Tensor2D[];
  keys: tf.Tensor2D[][];
  values: tf.Tensor2D[][];
}

/**
 * Prefix reuse (causal families that declare it): `record` collects what rows sharing a prefix with this one
 * continue from; `continuation` computes only positions [from, T) of a row from such a state.
 */
export type PrefixPass = { record: PrefixState } | { continuation: { state: PrefixState; from: number } };

/** Per pass: its length, what was asked of the attention blocks, where they put the maps ([B, heads, T, T]). */
export interface PassContext {
  /** Positions of the whole row (a continuation's input holds only its last T - from). */
  length: number;
  attn?: AttentionRequest;
  attention?: tf.Tensor4D;
  prefix?: PrefixPass;
}

export interface Block {
  /** 'attention' blocks can report maps (PassContext); other mixers never do. */
  readonly kind: 'attention' | 'conv' | 'hyena' | 'mamba';
  /** stream -> stream, same shapes; called inside tf.tidy (a block with work on the CPU reads back by dataSync). */
  forward(s: Stream, ctx: PassContext): Stream;
  /**
   * The same, for a block with work on the CPU (an FFT, a scan on typed arrays): its read-back awaited, as a GPU
   * backend needs (a synchronous read stalls it). It frees its own intermediates; the caller frees `s`.
   */
  forwardAsync?(s: Stream, ctx: PassContext): Promise<Stream>;
}

/**
 * A block whose output at a position reads its input only within `reach` positions each side (a conv block):
 * a masked model whose leading blocks are local reruns only the rows a substitution changes (substitutions.ts).
 */
export interface LocalBlock extends Block {
  readonly reach: number;
  /**
   * Input rows x [1, n, D] (plain stream), zero-padded by pad rows each side -> [1, n + pad[0] + pad[1] - 2 reach, D].
   */
  forwardPadded(x: tf.Tensor3D, pad: [number, number]): tf.Tensor3D;
}

export const isLocal = (b: Block): b is LocalBlock => 'forwardPadded' in b;

export interface Network {
  /** Model-vocabulary ids [B, T] (int32) -> the first block's input. */
  embed(ids: tf.Tensor2D): Stream;
  readonly blocks: readonly Block[];
  /** The last block's output -> the final hidden states [B, T, D] (what an embedding probe reads). */
  norm(s: Stream): tf.Tensor3D;
  /** Final hidden states -> logits [B, T, V] over the model's vocabulary. */
  head(h: tf.Tensor3D): tf.Tensor3D;
  /** Frees every resident tensor (weights and anything derived from them). */
  dispose(): void;
}

/**
 * ids [B, T] -> final hidden states [B, T, D]: the embedding, then every block in order, then the norm. A block's
 * output is read by the next block alone, so it is freed once that one has run: a pass inside one tidy then holds
 * one stream, not one per block (HyenaDNA medium-160k at 160 kb: 8 x 156 MiB, src/cli/benchScale.ts).
 */
export function hiddenStates(net: Network, ids: tf.Tensor2D, ctx: PassContext = { length: ids.shape[1] }): tf.Tensor3D {
  let s = net.embed(ids);
  net.blocks.forEach((block, i) => {
    const next = block.forward(s, ctx);
    if (i > 0) release(s, next);
    s = next;
  });
  return net.norm(s);
}

/** The same, awaiting the read-backs of blocks that have them (each other block in its own tidy). */
export async function hiddenStatesAsync(
  net: Network,
  ids: tf.Tensor2D,
  ctx: PassContext = { length: ids.shape[1] },
): Promise<tf.Tensor3D> {
  let s = tidyStream(() => net.embed(ids));
  for (const block of net.blocks) {
    const next = block.forwardAsync ? await block.forwardAsync(s, ctx) : tidyStream(() => block.forward(s, ctx));
    release(s, next);
    s = next;
  }
  const h = tidy(() => net.norm(s));
  release(s, { x: h });
  return h;
}

/** A stream made inside tf.tidy: its intermediates freed, its tensors kept. */
export function tidyStream(f: () => Stream): Stream {
  return tidy(() => ({ ...f() }) as unknown as tf.TensorContainerObject) as unknown as Stream;
}

/** Frees the tensors of `old` that `next` does not carry on (a block may pass its input on as the residual). */
function release(old: Stream, next: Stream): void {
  const kept = new Set([next.x, next.residual]);
  for (const t of [old.x, old.residual]) if (t && !kept.has(t)) t.dispose();
}

/** ids [B, T] -> logits [B, T, V]: the whole network, as the family's official code computes it. */
export function logits(net: Network, ids: tf.Tensor2D, ctx: PassContext = { length: ids.shape[1] }): tf.Tensor3D {
  return net.head(hiddenStates(net, ids, ctx));
}
