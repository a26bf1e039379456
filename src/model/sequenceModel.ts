// Runs any registered network as a LanguageModel: the runtime's tokens mapped onto the model's, the causal
// alignment (a shifted input with [BOS], or next-token outputs), the head's log-probabilities renormalised over
// A, C, G, T, the attention maps asked for, and the speed-ups the family declares. Written once for all families.

import * as tf from '@tensorflow/tfjs-core';
import type { ModelFacts } from './family';
import type { LanguageModel, Representation, Reuse } from './languageModel';
import {
  hiddenStates,
  hiddenStatesAsync,
  isLocal,
  type AttentionRequest,
  type LocalBlock,
  type Network,
  type PassContext,
  type PrefixPass,
  type Stream,
} from './network';
import { rawLogitsOf } from './rawLogits';
import { runForward, runShared, type TensorModel } from './runner';
import { startSubstitutions, type SubstitutionModel } from './substitutions';

const RUNTIME_BOS = 6;

export class SequenceModel implements LanguageModel, TensorModel, SubstitutionModel {
  readonly reuse: Reuse;
  readonly representation: Representation;
  readonly hasAttention: boolean;
  readonly readsBack: boolean;
  private readonly tokenTable: tf.Tensor1D | null;
  private readonly local: LocalBlock[];

  constructor(
    readonly facts: ModelFacts,
    readonly network: Network,
  ) {
    const ids = facts.tokens.ids;
    this.tokenTable = ids.every((id, i) => id === i)
      ? null
      : tf.keep(
          tf.tensor1d(
            ids.map((id) => Math.max(id, 0)),
            'int32',
          ),
        );
    this.hasAttention = network.blocks.some((b) => b.kind === 'attention');
    this.readsBack = network.blocks.some((b) => b.forwardAsync !== undefined);
    this.local = [];
    for (const b of network.blocks) {
      if (!isLocal(b)) break;
      this.local.push(b);
    }
    const s = facts.speedups;
    if (s.includes('prefix') && this.causal)
      this.reuse = { kind: 'prefix', forwardShared: (ref, alts) => runShared(this, ref, alts) };
    else if (s.includes('substitutions') && !this.causal)
      this.reuse = { kind: 'substitutions', start: (ref) => startSubstitutions(this, ref) };
    else this.reuse = { kind: 'none' };
    this.representation = {
      kind: 'hidden',
      size: facts.hiddenSize,
      hidden: (tokens, batch) => this.hidden(tokens, batch),
    };
  }

  get objective() {
    return this.facts.objective;
  }
  get causal(): boolean {
    return this.facts.objective === 'clm';
  }
  get context(): number {
    return this.facts.context;
  }
  get nHeads(): number {
    return this.facts.nHeads;
  }
  get nAttentionLayers(): number {
    return this.facts.nAttentionLayers;
  }

  dispose(): void {
    this.tokenTable?.dispose();
    this.network.dispose();
  }

  /** Runtime token ids [B, T] -> the model's ids. */
  private ids(tokens: tf.Tensor2D): tf.Tensor2D {
    return this.tokenTable ? (tf.gather(this.tokenTable, tokens) as tf.Tensor as tf.Tensor2D) : tokens;
  }

  /** The network's input for runtime tokens [B, T]: shifted right with [BOS] where the family says so. */
  private inputs(tokens: tf.Tensor2D, from: number): tf.Tensor2D {
    const [B, T] = tokens.shape;
    if (!this.causal || this.facts.alignment !== 'shifted-input') return tokens;
    if (from > 0) return tf.slice(tokens, [0, from - 1], [1, T - from]); // a continuation's inputs [1, T - from]
    return tf.concat([tf.fill([B, 1], RUNTIME_BOS, 'int32'), tf.slice(tokens, [0, 0], [-1, T - 1])], 1);
  }

  /** Logits [B, T, V] -> log-probabilities over A, C, G, T [B, T, 4]. */
  private baseLogprobs(logits: tf.Tensor3D): tf.Tensor3D {
    const cols = this.facts.tokens.baseColumns;
    const contiguous = cols.every((c, i) => c === cols[0]! + i);
    const four =
      contiguous && logits.shape[2] === 4
        ? logits
        : contiguous
          ? tf.slice(logits, [0, 0, cols[0]!], [-1, -1, 4])
          : tf.gather(logits, [...cols], 2);
    return tf.logSoftmax(four) as tf.Tensor3D;
  }

  /** Next-token outputs: row t predicts base t + 1, so base t reads row t - 1 and base 0 has no prediction. */
  private alignNextToken(lp: tf.Tensor3D): tf.Tensor3D {
    const [B, T] = lp.shape;
    return tf.concat([tf.fill([B, 1, 4], NaN), tf.slice(lp, [0, 0, 0], [-1, T - 1, -1])], 1) as tf.Tensor3D;
  }

  /** Runtime tokens [B, T] -> log-probabilities [B, T', 4] (T' = T - from when continuing) and attention maps. */
  forwardTensors(
    tokens: tf.Tensor2D,
    opts: { attn?: AttentionRequest; prefix?: PrefixPass } = {},
  ): { logprobs: tf.Tensor3D; attention?: tf.Tensor4D } {
    if (opts.prefix && !(this.reuse.kind === 'prefix' && tokens.shape[0] === 1))
      throw new Error('prefix reuse needs a model that declares it and one row');
    const from = opts.prefix && 'continuation' in opts.prefix ? opts.prefix.continuation.from : 0;
    const ctx: PassContext = { length: tokens.shape[1], attn: opts.attn, prefix: opts.prefix };
    const h = hiddenStates(this.network, this.ids(this.inputs(tokens, from)), ctx);
    const lp = this.baseLogprobs(this.network.head(h));
    return {
      logprobs: this.causal && this.facts.alignment === 'next-token' ? this.alignNextToken(lp) : lp,
      attention: ctx.attention,
    };
  }

  /**
   * Logits [B, T, V] over the model's whole vocabulary for ids already in it (a reference.json's token_ids), as
   * the family's own code computes them: a 'shifted-input' family shifts them behind its start token, as its
   * forward does; nothing is renormalised or realigned.
   */
  logitsOfIds(ids: tf.Tensor2D): tf.Tensor3D {
    return this.network.head(hiddenStates(this.network, this.ownInputs(ids)));
  }

  /** logitsOfIds awaiting the read-backs of blocks that work on the CPU (a GPU backend stalls on a synchronous one). */
  async logitsOfIdsAsync(ids: tf.Tensor2D): Promise<tf.Tensor3D> {
    const input = tf.tidy(() => this.ownInputs(ids));
    const h = await hiddenStatesAsync(this.network, input);
    if (input !== ids) input.dispose();
    const logits = tf.tidy(() => this.network.head(h));
    h.dispose();
    return logits;
  }

  rawLogits(ids: Int32Array): Promise<{ logits: Float32Array; vocab: number }> {
    return rawLogitsOf(this, ids);
  }

  /** Ids in the model's own vocabulary as its forward reads them: behind its start token for 'shifted-input'. */
  private ownInputs(ids: tf.Tensor2D): tf.Tensor2D {
    const [B, T] = ids.shape;
    const bos = this.facts.tokens.ids[RUNTIME_BOS]!;
    return this.causal && this.facts.alignment === 'shifted-input'
      ? (tf.concat([tf.fill([B, 1], bos, 'int32'), tf.slice(ids, [0, 0], [-1, T - 1])], 1) as tf.Tensor2D)
      : ids;
  }

  /** forwardTensors for a network whose blocks read back (runner.ts): frees `tokens`; the caller frees the outputs. */
  async forwardTensorsAsync(
    tokens: tf.Tensor2D,
    opts: { attn?: AttentionRequest } = {},
  ): Promise<{ logprobs: tf.Tensor3D; attention?: tf.Tensor4D }> {
    const ctx: PassContext = { length: tokens.shape[1], attn: opts.attn };
    const ids = tf.tidy(() => this.ids(this.inputs(tokens, 0)));
    tokens.dispose();
    const h = await hiddenStatesAsync(this.network, ids, ctx);
    ids.dispose();
    const logprobs = tf.tidy(() => {
      const lp = this.baseLogprobs(this.network.head(h));
      return this.causal && this.facts.alignment === 'next-token' ? this.alignNextToken(lp) : lp;
    });
    h.dispose();
    return { logprobs, attention: ctx.attention };
  }

  /** Final hidden states [B, T, D] of runtime tokens [B, T], as the head reads them (what a probe embeds). */
  hiddenTensors(tokens: tf.Tensor2D): tf.Tensor3D {
    return hiddenStates(this.network, this.ids(this.inputs(tokens, 0)));
  }

  /** tokens [B, T] row-major -> final hidden states [B, T, D], one read. */
  private async hidden(tokens: Int32Array, batch: number): Promise<Float32Array> {
    const T = tokens.length / batch;
    let h: tf.Tensor3D;
    if (this.readsBack) {
      const ids = tf.tidy(() => this.ids(this.inputs(tf.tensor2d(tokens, [batch, T], 'int32'), 0)));
      h = await hiddenStatesAsync(this.network, ids);
      ids.dispose();
    } else {
      h = tf.tidy(() => this.hiddenTensors(tf.tensor2d(tokens, [batch, T], 'int32')));
    }
    try {
      return (await h.data()) as Float32Array;
    } finally {
      h.dispose();
    }
  }

  /** Typed arrays in and out: tokens [B, T] row-major; one read per call (runner.ts). */
  forward(
    tokens: Int32Array,
    batch: number,
    attn?: AttentionRequest,
  ): Promise<{ logprobs: Float32Array; attention?: Float32Array }> {
    if (attn && this.nAttentionLayers === 0) return Promise.reject(new Error('This model has no attention layers.'));
    const T = tokens.length / batch;
    const max = this.facts.maxLength;
    if (max !== null && T > max)
      return Promise.reject(new Error(`This model reads at most ${max} bases in one pass; got ${T}.`));
    return runForward(this, tokens, batch, attn);
  }

  // SubstitutionModel: the leading local blocks rerun near a change, the rest in full.
  get convReaches(): number[] {
    return this.local.map((b) => b.reach);
  }
  embedTokens(tokens: tf.Tensor2D): tf.Tensor3D {
    return this.network.embed(this.ids(tokens)).x;
  }
  convBlock(i: number, x: tf.Tensor3D, pad: [number, number]): tf.Tensor3D {
    return this.local[i]!.forwardPadded(x, pad);
  }
  attentionStack(x: tf.Tensor3D): tf.Tensor3D {
    let s: Stream = { x };
    const ctx: PassContext = { length: x.shape[1] };
    for (const b of this.network.blocks.slice(this.local.length)) s = b.forward(s, ctx);
    return this.baseLogprobs(this.network.head(this.network.norm(s)));
  }
}
