// Forward pass of the hybrid conv + ALiBi-attention gLM in tfjs, block for block as HybridGLM in
// training/model.py, with the same layer names (weight keys map one to one).
// Shapes: B batch, T tokens, D width, F feed-forward width, H heads, Dh = D / H, K conv kernel, V vocabulary.

import * as tf from '@tensorflow/tfjs-core';
import { BOS_ID } from '../genome/tokens';
import type { AttentionRequest, LanguageModel } from './languageModel';
import type { HybridArchitecture, ModelManifest, Objective } from './manifest';
import { alibiBias } from './ops/alibi';
import { multiHeadAttention, type HeadWeights } from './ops/attention';
import { dilatedConv, type ConvParams } from './ops/conv';
import { gelu } from './ops/gelu';
import { layerNorm } from './ops/layerNorm';
import { linear } from './ops/linear';
import type { Continuation, PrefixState } from './prefixCache';
import { runForward, runShared, type TensorModel } from './runner';
import { startSubstitutions, type SubstitutionSession } from './substitutions';
import type { WeightMap } from './weights';

/** Bias tensors stay resident for the few window lengths an analysis uses (at most this many). */
const BIAS_CACHE_SIZE = 8;

/** Input tokens of a causal model: position t reads token t - 1, [BOS] at 0 (clm_inputs in model.py). */
function clmInputs(tokens: tf.Tensor2D, from: number): tf.Tensor2D {
  const [B, T] = tokens.shape;
  if (from > 0) return tf.slice(tokens, [0, from - 1], [1, T - from]); // a continuation's inputs [1, T - from]
  return tf.concat([tf.fill([B, 1], BOS_ID, 'int32'), tf.slice(tokens, [0, 0], [-1, T - 1])], 1);
}

export class HybridModel implements LanguageModel, TensorModel {
  readonly arch: HybridArchitecture;
  readonly causal: boolean;
  readonly objective: Objective;
  private readonly p = new Map<string, tf.Tensor>();
  private readonly conv: ConvParams[] = [];
  private readonly attn: HeadWeights[] = [];
  private readonly biasCache = new Map<number, tf.Tensor2D[]>();

  constructor(readonly manifest: ModelManifest, weights: WeightMap) {
    if (manifest.architecture.type !== 'hybrid-conv-alibi') throw new Error(`${manifest.id} is not a hybrid model`);
    this.arch = manifest.architecture;
    this.objective = manifest.objective;
    this.causal = manifest.objective === 'clm';
    for (const [name, w] of weights) this.p.set(name, tf.keep(tf.tensor(w.data as Float32Array, w.shape, 'float32')));
    this.arch.conv_dilations.forEach((dilation, i) => {
      const name = `blocks.${i}.mixer.conv`;
      const w = this.w(`${name}.weight`); // [K, D, D]
      this.conv.push({ filter: this.keep(tf.reshape(w, [1, ...w.shape])) as tf.Tensor4D, bias: this.w(`${name}.bias`), kernel: this.arch.conv_kernel, dilation, causal: this.causal, act: gelu });
    });
    for (let a = 0; a < this.arch.n_attn; a++) this.attn.push(this.splitHeads(`blocks.${this.arch.conv_dilations.length + a}.mixer`));
  }

  /** Per-head slices of the attention's input projection: qkv [D, 3D] -> q/k/v per head [D, Dh]. */
  private splitHeads(prefix: string): HeadWeights {
    const D = this.arch.d_model, H = this.arch.n_heads, Dh = D / H;
    const qkv = this.w(`${prefix}.qkv.weight`), qkvB = this.w(`${prefix}.qkv.bias`);
    const [q, k, v] = [0, 1, 2].map((j) => Array.from({ length: H }, (_, h) => {
      const col = j * D + h * Dh;
      // 1/sqrt(Dh) folded into the query projection: one [T, T] multiply less per head
      const scale = j === 0 ? 1 / Math.sqrt(Dh) : 1;
      return {
        w: this.keep(tf.tidy(() => tf.mul(tf.slice(qkv, [0, col], [D, Dh]), scale))) as tf.Tensor2D,
        b: this.keep(tf.tidy(() => tf.mul(tf.slice(qkvB, [col], [Dh]), scale))),
      };
    })) as [HeadWeights['q'], HeadWeights['k'], HeadWeights['v']];
    return { q, k, v, out: { w: this.w(`${prefix}.out.weight`) as tf.Tensor2D, b: this.w(`${prefix}.out.bias`) } };
  }

  get context(): number { return this.arch.context; }
  get nHeads(): number { return this.arch.n_heads; }
  get nAttentionLayers(): number { return this.arch.n_attn; }

  dispose(): void {
    for (const t of this.p.values()) t.dispose();
    this.p.clear();
    this.clearBiasCache();
  }

  /** Keep a derived weight resident, owned (and disposed) with the others. */
  private keep(t: tf.Tensor): tf.Tensor {
    this.p.set(`derived.${this.p.size}`, tf.keep(t));
    return t;
  }

  private clearBiasCache(): void {
    for (const ts of this.biasCache.values()) for (const t of ts) t.dispose();
    this.biasCache.clear();
  }

  private bias(T: number): tf.Tensor2D[] {
    let b = this.biasCache.get(T);
    if (!b) {
      if (this.biasCache.size >= BIAS_CACHE_SIZE) this.clearBiasCache();
      b = alibiBias(this.arch.n_heads, T, this.causal).map((t) => tf.keep(t));
      this.biasCache.set(T, b);
    }
    return b;
  }

  private w(name: string): tf.Tensor {
    const t = this.p.get(name);
    if (!t) throw new Error(`missing weight ${name}`);
    return t;
  }

  private norm(x: tf.Tensor, prefix: string): tf.Tensor {
    return layerNorm(x, this.w(`${prefix}.weight`), this.w(`${prefix}.bias`), this.arch.ln_eps);
  }

  private ffn(x: tf.Tensor, prefix: string): tf.Tensor {
    const fc = (h: tf.Tensor, name: string) => linear(h, this.w(`${prefix}.${name}.weight`) as tf.Tensor2D, this.w(`${prefix}.${name}.bias`));
    return fc(gelu(fc(x, 'fc1')), 'fc2'); // [B, T, D] -> [B, T, F] -> [B, T, D]
  }

  /**
   * Sequence tokens [B, T] -> log-probabilities [B, T, 4]; call inside tf.tidy or dispose the outputs.
   * `record` (causal, one row) collects the state rows sharing a prefix with this one can continue from;
   * `continuation` computes only positions [from, T) of a row from such a state: [1, T - from, 4].
   */
  forwardTensors(tokens: tf.Tensor2D, opts: { attn?: AttentionRequest; record?: PrefixState; continuation?: Continuation } = {}): { logprobs: tf.Tensor3D; attention?: tf.Tensor4D } {
    const { attn, record, continuation } = opts;
    const [B, T] = tokens.shape;
    if ((record || continuation) && !(this.causal && B === 1)) throw new Error('prefix reuse needs a causal model and one row');
    const from = continuation?.from ?? 0;
    const inputs = this.causal ? clmInputs(tokens, from) : tokens; // [B, T - from]
    const D = this.arch.d_model;
    let x = this.embed(inputs); // [B, T - from, D]
    // a continuation's queries are rows [from, T) of the full [T, T] bias
    const bias = !this.arch.n_attn ? [] : from > 0 ? this.bias(T).map((b) => tf.slice(b, [from, 0], [T - from, T])) : this.bias(T); // H x [T, T]
    let attention: tf.Tensor4D | undefined;
    const nConv = this.conv.length;
    for (let i = 0; i < nConv + this.attn.length; i++) {
      x = this.block(i, x, (h) => {
        if (i < nConv) {
          if (record) record.convIn.push(tf.reshape(h, [T, D]));
          return dilatedConv(h, this.conv[i]!, continuation ? { input: continuation.state.convIn[i]!, from } : undefined); // [B, T, D]
        }
        const a = i - nConv;
        const want = attn !== undefined && attn.layer === a ? attn.heads : null;
        const [y, maps] = multiHeadAttention(h, this.attn[a]!, bias, want, {
          record: record ? { keys: (record.keys[a] = []), values: (record.values[a] = []) } : undefined,
          past: continuation ? { keys: continuation.state.keys[a]!, values: continuation.state.values[a]!, from } : undefined,
        }); // [B, T, D], [B, heads, T, T]
        if (maps) attention = maps;
        return y;
      });
    }
    return { logprobs: this.head(x), attention };
  }

  /**
   * tokens [B, T] -> [B, T, D]: one-hot times the table rather than gather, which is ~60x slower on wasm
   * (`npm run bench:kernels`), and exact: one term per row. int32 one-hot then cast: tfjs-wasm's oneHot with
   * dtype float32 writes int bit patterns (tfjs 4.22).
   */
  private embed(inputs: tf.Tensor2D): tf.Tensor3D {
    const embed = this.w('embed.weight') as tf.Tensor2D; // [V, D]
    const [B, T] = inputs.shape;
    return tf.reshape(tf.matMul(tf.cast(tf.oneHot(tf.reshape(inputs, [-1]), embed.shape[0]), 'float32'), embed), [B, T, embed.shape[1]]) as tf.Tensor3D;
  }

  /** Block i (pre-norm): x + mix(norm1(x)), then + ffn(norm2(.)). [B, T, D] -> [B, T, D]. */
  private block(i: number, x: tf.Tensor3D, mix: (h: tf.Tensor3D) => tf.Tensor): tf.Tensor3D {
    const p = `blocks.${i}`;
    const y = tf.add(x, mix(this.norm(x, `${p}.norm1`) as tf.Tensor3D)) as tf.Tensor3D;
    return tf.add(y, this.ffn(this.norm(y, `${p}.norm2`), `${p}.ffn`)) as tf.Tensor3D;
  }

  /** [B, T, D] -> log-probabilities [B, T, 4]. */
  private head(x: tf.Tensor3D): tf.Tensor3D {
    return tf.logSoftmax(linear(this.norm(x, 'norm_f'), this.w('head.weight') as tf.Tensor2D, this.w('head.bias'))) as tf.Tensor3D;
  }

  /** Per conv block, how far (bases, each side) its conv reads: dilation * (K - 1) / 2. */
  get convReaches(): number[] {
    return this.arch.conv_dilations.map((d) => (d * (this.arch.conv_kernel - 1)) / 2);
  }

  /** How far one input position reaches through all the conv blocks: the sum of convReaches. */
  get convReach(): number {
    return this.convReaches.reduce((a, b) => a + b, 0);
  }

  /** See startSubstitutions: unmasked passes of single-base substitutions, the conv blocks run near the change only. */
  startSubstitutions(ref: Int32Array): Promise<SubstitutionSession> {
    if (this.causal) throw new Error('startSubstitutions is for masked models; a causal one continues from a shared prefix (forwardShared)');
    return startSubstitutions(this, ref);
  }

  /** tokens [1, n] -> the first block's input [1, n, D]. */
  embedTokens(tokens: tf.Tensor2D): tf.Tensor3D {
    return this.embed(tokens);
  }

  /**
   * Conv block i (with its feed-forward) on input rows x [1, n, D], its conv zero-padded by pad rows each
   * side: [1, n + pad[0] + pad[1] - 2 r_i, D] (pad = [r_i, r_i] is the full-row block).
   */
  convBlock(i: number, x: tf.Tensor3D, pad: [number, number]): tf.Tensor3D {
    const p = `blocks.${i}`, r = this.convReaches[i]!;
    const mixed = dilatedConv(this.norm(x, `${p}.norm1`) as tf.Tensor3D, this.conv[i]!, undefined, pad); // [1, m, D]
    const y = tf.add(tf.slice(x, [0, r - pad[0], 0], [-1, mixed.shape[1]!, -1]), mixed) as tf.Tensor3D;
    return tf.add(y, this.ffn(this.norm(y, `${p}.norm2`), `${p}.ffn`)) as tf.Tensor3D;
  }

  /** The attention blocks and the head on a conv-stack output [1, T, D] -> log-probabilities [1, T, 4]. */
  attentionStack(x: tf.Tensor3D): tf.Tensor3D {
    const bias = this.attn.length ? this.bias(x.shape[1]) : [];
    this.attn.forEach((w, a) => { x = this.block(this.conv.length + a, x, (h) => multiHeadAttention(h, w, bias, null)[0]); });
    return this.head(x);
  }

  /** See runShared: substitutions continue from the reference pass's state. */
  forwardShared(ref: Int32Array, alts: { from: number; tokens: Int32Array }[]): Promise<{ ref: Float32Array; alts: Float32Array[] }> {
    return runShared(this, ref, alts);
  }

  /** Typed-array in, typed-array out: tokens [B, T] row-major; one read per call (see runForward). */
  forward(tokens: Int32Array, batch: number, attn?: AttentionRequest): Promise<{ logprobs: Float32Array; attention?: Float32Array }> {
    return runForward(this, tokens, batch, attn);
  }
}
