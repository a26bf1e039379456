// Forward pass of the hybrid conv + ALiBi-attention gLM (mirrors training/model.py) in tfjs.

import * as tf from '@tensorflow/tfjs-core';
import { BOS_ID } from '../genome/tokens';
import type { HybridArchitecture, ModelManifest } from './manifest';
import type { WeightMap } from './weights';

export interface AttentionRequest {
  /** Index among the attention blocks (0 = first attention layer). */
  layer: number;
  heads: number[];
}

export interface ForwardOutput {
  /** [B, T, 4] log P(base | context) for every position of every sequence. */
  logprobs: tf.Tensor3D;
  /** [B, heads.length, T, T] attention probabilities of the requested layer and heads. */
  attention?: tf.Tensor4D;
}

export function alibiSlopes(nHeads: number): number[] {
  return Array.from({ length: nHeads }, (_, h) => 2 ** ((-8 * (h + 1)) / nHeads));
}

/** Per head, a [T, T] additive bias: -slope * |i - j|, plus a large negative above the diagonal when causal. */
function alibiBias(nHeads: number, T: number, causal: boolean): tf.Tensor2D[] {
  return alibiSlopes(nHeads).map((slope) => {
    const b = new Float32Array(T * T);
    for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) b[i * T + j] = causal && j > i ? -1e9 : -slope * Math.abs(i - j);
    return tf.tensor2d(b, [T, T]);
  });
}

/** Bias tensors stay resident for the few window lengths an analysis uses (at most this many). */
const BIAS_CACHE_SIZE = 8;

const GELU_2C = 2 * Math.sqrt(2 / Math.PI);
function gelu(x: tf.Tensor): tf.Tensor {
  // F.gelu(approximate="tanh") as in training, written x * sigmoid(2c(x + 0.044715 x^3)) because
  // 0.5 (1 + tanh(z)) = sigmoid(2z); x*x*x, as pow is slow on wasm
  const cube = tf.mul(tf.mul(x, x), x);
  return tf.mul(x, tf.sigmoid(tf.mul(GELU_2C, tf.add(x, tf.mul(0.044715, cube)))));
}

export class HybridModel {
  readonly arch: HybridArchitecture;
  readonly causal: boolean;
  readonly objective: 'mlm' | 'clm';
  private readonly p = new Map<string, tf.Tensor>();
  private readonly biasCache = new Map<number, tf.Tensor2D[]>();

  constructor(readonly manifest: ModelManifest, weights: WeightMap) {
    if (manifest.architecture.type !== 'hybrid-conv-alibi') throw new Error(`${manifest.id} is not a hybrid model`);
    this.arch = manifest.architecture;
    this.objective = manifest.objective;
    this.causal = manifest.objective === 'clm';
    for (const [name, w] of weights) this.p.set(name, tf.keep(tf.tensor(w.data as Float32Array, w.shape, 'float32')));
    this.splitHeads();
  }

  /** Per-head slices of the attention weights: qkv [D, 3D] -> q.h/k.h/v.h [D, Dh]; out [D, D] -> out.h [Dh, D]. */
  private splitHeads(): void {
    const D = this.arch.d_model, H = this.arch.n_heads, Dh = D / H;
    for (let a = 0; a < this.arch.n_attn; a++) {
      const p = `blocks.${this.arch.conv_dilations.length + a}.mixer`;
      const qkv = this.w(`${p}.qkv.weight`), qkvB = this.w(`${p}.qkv.bias`), out = this.w(`${p}.out.weight`);
      ['q', 'k', 'v'].forEach((name, j) => {
        for (let h = 0; h < H; h++) {
          const col = j * D + h * Dh;
          // 1/sqrt(Dh) folded into the query projection: one [T, T] multiply less per head
          const scale = name === 'q' ? 1 / Math.sqrt(Dh) : 1;
          this.p.set(`${p}.${name}.${h}`, tf.keep(tf.tidy(() => tf.mul(tf.slice(qkv, [0, col], [D, Dh]), scale))));
          this.p.set(`${p}.${name}.${h}.bias`, tf.keep(tf.tidy(() => tf.mul(tf.slice(qkvB, [col], [Dh]), scale))));
        }
      });
      for (let h = 0; h < H; h++) this.p.set(`${p}.out.${h}`, tf.keep(tf.slice(out, [h * Dh, 0], [Dh, D])));
    }
  }

  get context(): number { return this.arch.context; }
  get nHeads(): number { return this.arch.n_heads; }
  get nAttentionLayers(): number { return this.arch.n_attn; }

  dispose(): void {
    for (const t of this.p.values()) t.dispose();
    this.p.clear();
    this.clearBiasCache();
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

  private layerNorm(x: tf.Tensor, prefix: string): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    const xn = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.arch.ln_eps)));
    return tf.add(tf.mul(xn, this.w(`${prefix}.weight`)), this.w(`${prefix}.bias`));
  }

  private linear(x: tf.Tensor, prefix: string): tf.Tensor {
    const [B, T, Din] = x.shape as [number, number, number];
    const W = this.w(`${prefix}.weight`) as tf.Tensor2D;
    const y = tf.fused.matMul({ a: tf.reshape(x, [B * T, Din]), b: W, bias: this.w(`${prefix}.bias`) });
    return tf.reshape(y, [B, T, W.shape[1]]);
  }

  private conv(x: tf.Tensor3D, prefix: string, dilation: number): tf.Tensor {
    const span = dilation * (this.arch.conv_kernel - 1);
    const left = this.causal ? span : span / 2;
    const padded = tf.pad(x, [[0, 0], [left, span - left], [0, 0]]);
    const y = tf.conv1d(padded, this.w(`${prefix}.weight`) as tf.Tensor3D, 1, 'valid', 'NWC', dilation);
    return gelu(tf.add(y, this.w(`${prefix}.bias`)));
  }

  /**
   * Multi-head attention, head by head from per-head weight slices (made at load), so no [B, T, H, Dh]
   * transposes are needed: out = sum_h softmax(q_h k_h^T / sqrt(Dh) + bias_h) v_h Wo_h. The projections run
   * over all B*T rows at once; the T x T products run per sequence on 2-D tensors, because tfjs-wasm's
   * batched matMul is ~9x slower than the same products in 2-D, and its matMul with transposeB ~6x slower
   * than transpose + matMul (`npm run bench:kernels`).
   */
  private attention(x: tf.Tensor, prefix: string, bias: tf.Tensor2D[], wantHeads: number[] | null): [tf.Tensor, tf.Tensor4D | undefined] {
    const [B, T, D] = x.shape as [number, number, number];
    const H = this.arch.n_heads, Dh = D / H;
    const x2 = tf.reshape(x, [B * T, D]);
    const proj = (name: string, h: number) =>
      tf.fused.matMul({ a: x2, b: this.w(`${prefix}.${name}.${h}`) as tf.Tensor2D, bias: this.w(`${prefix}.${name}.${h}.bias`) }); // [B*T, Dh]
    let out: tf.Tensor | null = null;
    const probsOut: tf.Tensor2D[][] = []; // [wanted head][sequence] -> [T, T]
    for (let h = 0; h < H; h++) {
      const [q, k, v] = [proj('q', h), proj('k', h), proj('v', h)] as tf.Tensor2D[];
      const want = wantHeads?.indexOf(h) ?? -1;
      const ctx: tf.Tensor2D[] = [];
      for (let b = 0; b < B; b++) {
        const rows = (t: tf.Tensor2D): tf.Tensor2D => (B === 1 ? t : tf.slice(t, [b * T, 0], [T, Dh]));
        const scores = tf.add(tf.matMul(rows(q!), tf.transpose(rows(k!))), bias[h]!); // [T, T]
        const probs = tf.softmax(scores) as tf.Tensor2D;
        if (want >= 0) (probsOut[want] ??= [])[b] = probs;
        ctx.push(tf.matMul(probs, rows(v!))); // [T, Dh]
      }
      const yh = tf.matMul(B === 1 ? ctx[0]! : tf.concat(ctx, 0), this.w(`${prefix}.out.${h}`) as tf.Tensor2D); // [B*T, D]
      out = out ? tf.add(out, yh) : yh;
    }
    // requested maps as [B, heads, T, T]
    const maps = probsOut.length ? tf.stack(Array.from({ length: B }, (_, b) => tf.stack(probsOut.map((hb) => hb[b]!)))) as tf.Tensor4D : undefined;
    return [tf.reshape(tf.add(out!, this.w(`${prefix}.out.bias`)), [B, T, D]), maps];
  }

  /** Sequence tokens [B, T] -> log-probabilities [B, T, 4]; call inside tf.tidy or dispose the outputs. */
  forwardTensors(tokens: tf.Tensor2D, attn?: AttentionRequest): ForwardOutput {
    const [, T] = tokens.shape;
    const inputs = this.causal
      ? tf.concat([tf.fill([tokens.shape[0], 1], BOS_ID, 'int32'), tf.slice(tokens, [0, 0], [-1, T - 1])], 1)
      : tokens;
    let x = tf.gather(this.w('embed.weight'), inputs) as tf.Tensor3D; // [B, T, D]
    const bias = this.arch.n_attn ? this.bias(T) : [];
    let attention: tf.Tensor4D | undefined;
    const nConv = this.arch.conv_dilations.length;
    for (let i = 0; i < nConv + this.arch.n_attn; i++) {
      const p = `blocks.${i}`;
      const h = this.layerNorm(x, `${p}.norm1`);
      let mixed: tf.Tensor;
      if (i < nConv) {
        mixed = this.conv(h as tf.Tensor3D, `${p}.mixer.conv`, this.arch.conv_dilations[i]!);
      } else {
        const want = attn !== undefined && attn.layer === i - nConv ? attn.heads : null;
        const [y, maps] = this.attention(h, `${p}.mixer`, bias, want);
        mixed = y;
        if (maps) attention = maps;
      }
      x = tf.add(x, mixed) as tf.Tensor3D;
      x = tf.add(x, this.linear(gelu(this.linear(this.layerNorm(x, `${p}.norm2`), `${p}.ffn.fc1`)), `${p}.ffn.fc2`)) as tf.Tensor3D;
    }
    const logits = this.linear(this.layerNorm(x, 'norm_f'), 'head');
    return { logprobs: tf.logSoftmax(logits) as tf.Tensor3D, attention };
  }

  /**
   * Typed-array in, typed-array out: tokens [B, T] row-major. Tensors never escape. Log-probabilities and
   * attention come back in one read: on WebGPU each read is a GPU-to-CPU sync, so a pass makes exactly one.
   */
  async forward(tokens: Int32Array, batch: number, attn?: AttentionRequest): Promise<{ logprobs: Float32Array; attention?: Float32Array }> {
    const T = tokens.length / batch;
    let nLogprobs = 0;
    const out = tf.tidy(() => {
      const o = this.forwardTensors(tf.tensor2d(tokens, [batch, T], 'int32'), attn);
      nLogprobs = o.logprobs.size;
      return o.attention ? tf.concat([tf.reshape(o.logprobs, [-1]), tf.reshape(o.attention, [-1])]) : o.logprobs;
    });
    try {
      const flat = (await out.data()) as Float32Array;
      return flat.length === nLogprobs
        ? { logprobs: flat }
        : { logprobs: flat.subarray(0, nLogprobs), attention: flat.subarray(nLogprobs) };
    } finally {
      out.dispose();
    }
  }
}
