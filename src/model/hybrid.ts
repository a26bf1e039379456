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

/**
 * A causal model's per-layer state for one reference row, kept so rows that share its first positions need
 * only their later positions computed: each conv block's normalised input and each attention head's keys and
 * values, [T, D] and [T, Dh].
 */
interface PrefixState {
  convIn: tf.Tensor2D[];
  keys: tf.Tensor2D[][];
  values: tf.Tensor2D[][];
}

/** Rows [from, T) of a row whose positions before `from` are those of the reference the state was recorded from. */
interface Continuation {
  state: PrefixState;
  from: number;
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
const GELU_2C_CUBIC = GELU_2C * 0.044715;
function gelu(x: tf.Tensor): tf.Tensor {
  // F.gelu(approximate="tanh") as in training, written x * sigmoid(x (2c + 2c 0.044715 x^2)) because
  // 0.5 (1 + tanh(z)) = sigmoid(2z): six elementwise ops, and no pow (slow on wasm)
  return tf.mul(x, tf.sigmoid(tf.mul(x, tf.add(tf.mul(tf.square(x), GELU_2C_CUBIC), GELU_2C))));
}

/**
 * Backends on which a batch runs one sequence at a time. tfjs-wasm's slice copies its whole source tensor
 * (readSync), so taking B sequences out of a [B*T, ...] tensor costs O(B^2) per layer (`npm run bench:kernels`);
 * its matMuls and convs gain nothing from a larger batch. GPU backends keep the batch.
 */
const ROW_AT_A_TIME = new Set(['wasm', 'cpu']);

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
    // conv filters [K, Din, Dout] as conv2d's [1, K, Din, Dout], so a conv is one fused op with its bias and padding
    this.arch.conv_dilations.forEach((_, i) => {
      const name = `blocks.${i}.mixer.conv.weight`;
      const w = this.w(name);
      this.p.set(`${name}.2d`, tf.keep(tf.reshape(w, [1, ...w.shape])));
    });
  }

  /** Per-head slices of the attention's input projection: qkv [D, 3D] -> q.h/k.h/v.h [D, Dh]. */
  private splitHeads(): void {
    const D = this.arch.d_model, H = this.arch.n_heads, Dh = D / H;
    for (let a = 0; a < this.arch.n_attn; a++) {
      const p = `blocks.${this.arch.conv_dilations.length + a}.mixer`;
      const qkv = this.w(`${p}.qkv.weight`), qkvB = this.w(`${p}.qkv.bias`);
      ['q', 'k', 'v'].forEach((name, j) => {
        for (let h = 0; h < H; h++) {
          const col = j * D + h * Dh;
          // 1/sqrt(Dh) folded into the query projection: one [T, T] multiply less per head
          const scale = name === 'q' ? 1 / Math.sqrt(Dh) : 1;
          this.p.set(`${p}.${name}.${h}`, tf.keep(tf.tidy(() => tf.mul(tf.slice(qkv, [0, col], [D, Dh]), scale))));
          this.p.set(`${p}.${name}.${h}.bias`, tf.keep(tf.tidy(() => tf.mul(tf.slice(qkvB, [col], [Dh]), scale))));
        }
      });
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
    // by hand rather than tf.moments, which adds a float32-to-float32 cast (a full copy on wasm)
    const centred = tf.sub(x, tf.mean(x, -1, true));
    const xn = tf.mul(centred, tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), this.arch.ln_eps)));
    return tf.add(tf.mul(xn, this.w(`${prefix}.weight`)), this.w(`${prefix}.bias`));
  }

  private linear(x: tf.Tensor, prefix: string): tf.Tensor {
    const [B, T, Din] = x.shape as [number, number, number];
    const W = this.w(`${prefix}.weight`) as tf.Tensor2D;
    const y = tf.fused.matMul({ a: tf.reshape(x, [B * T, Din]), b: W, bias: this.w(`${prefix}.bias`) });
    return tf.reshape(y, [B, T, W.shape[1]]);
  }

  /**
   * `past` (causal, one row continuing a recorded one): the recorded normalised input [T, D] and the position
   * x starts at; the conv reads the last `span` recorded positions before it.
   */
  private conv(x: tf.Tensor3D, prefix: string, dilation: number, past?: { input: tf.Tensor2D; from: number }): tf.Tensor {
    const [B, T, D] = x.shape;
    const span = dilation * (this.arch.conv_kernel - 1);
    const lo = past ? Math.max(0, past.from - span) : 0;
    const history = past && past.from > lo ? tf.slice(past.input, [lo, 0], [past.from - lo, D]) : undefined;
    const seen = history?.shape[0] ?? 0;
    const left = this.causal ? span - seen : span / 2;
    const input = history ? tf.concat([history, tf.reshape(x, [T, D])], 0) : x;
    const y = tf.fused.conv2d({
      x: tf.reshape(input, [B, 1, seen + T, D]) as tf.Tensor4D, filter: this.w(`${prefix}.weight.2d`) as tf.Tensor4D, strides: 1,
      pad: [[0, 0], [0, 0], [left, this.causal ? 0 : span - left], [0, 0]], dilations: [1, dilation], bias: this.w(`${prefix}.bias`),
    });
    return gelu(tf.reshape(y, [B, T, -1]));
  }

  /**
   * Multi-head attention, head by head from per-head weight slices (made at load), so no [B, T, H, Dh]
   * transposes are needed: out = concat_h(softmax(q_h k_h^T / sqrt(Dh) + bias_h) v_h) Wo. The projections run
   * over all B*T rows at once; the T x T products run per sequence on 2-D tensors, because tfjs-wasm's
   * batched matMul is ~8x slower than the same products in 2-D, and its matMul with transposeB ~6x slower
   * than transpose + matMul (`npm run bench:kernels`).
   */
  private attention(x: tf.Tensor, prefix: string, bias: tf.Tensor2D[], wantHeads: number[] | null,
    cache?: { record?: { keys: tf.Tensor2D[]; values: tf.Tensor2D[] }; past?: { keys: tf.Tensor2D[]; values: tf.Tensor2D[]; from: number } }): [tf.Tensor, tf.Tensor4D | undefined] {
    const [B, T, D] = x.shape as [number, number, number];
    const H = this.arch.n_heads, Dh = D / H;
    const x2 = tf.reshape(x, [B * T, D]);
    const proj = (name: string, h: number) =>
      tf.fused.matMul({ a: x2, b: this.w(`${prefix}.${name}.${h}`) as tf.Tensor2D, bias: this.w(`${prefix}.${name}.${h}.bias`) }); // [B*T, Dh]
    const heads: tf.Tensor2D[] = []; // per head [B*T, Dh]
    const probsOut: tf.Tensor2D[][] = []; // [wanted head][sequence] -> [T, T]
    for (let h = 0; h < H; h++) {
      let [q, k, v] = [proj('q', h), proj('k', h), proj('v', h)] as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const past = cache?.past;
      if (past) { // one row continuing a recorded one: its keys and values before `from`, then its own
        k = tf.concat([tf.slice(past.keys[h]!, [0, 0], [past.from, Dh]), k], 0);
        v = tf.concat([tf.slice(past.values[h]!, [0, 0], [past.from, Dh]), v], 0);
      }
      if (cache?.record) { cache.record.keys.push(k); cache.record.values.push(v); }
      const want = wantHeads?.indexOf(h) ?? -1;
      const ctx: tf.Tensor2D[] = [];
      for (let b = 0; b < B; b++) {
        const rows = (t: tf.Tensor2D): tf.Tensor2D => (B === 1 ? t : tf.slice(t, [b * T, 0], [T, Dh]));
        const scores = tf.add(tf.matMul(rows(q), tf.transpose(rows(k))), bias[h]!); // [T, T] ([T, from + T] continuing)
        const probs = tf.softmax(scores) as tf.Tensor2D;
        if (want >= 0) (probsOut[want] ??= [])[b] = probs;
        ctx.push(tf.matMul(probs, rows(v))); // [T, Dh]
      }
      heads.push(B === 1 ? ctx[0]! : tf.concat(ctx, 0));
    }
    // heads side by side [B*T, D], then one output projection with its bias
    const out = tf.fused.matMul({ a: tf.concat(heads, 1), b: this.w(`${prefix}.out.weight`) as tf.Tensor2D, bias: this.w(`${prefix}.out.bias`) });
    // requested maps as [B, heads, T, T]
    const maps = probsOut.length ? tf.stack(Array.from({ length: B }, (_, b) => tf.stack(probsOut.map((hb) => hb[b]!)))) as tf.Tensor4D : undefined;
    return [tf.reshape(out, [B, T, D]), maps];
  }

  /**
   * Sequence tokens [B, T] -> log-probabilities [B, T, 4]; call inside tf.tidy or dispose the outputs.
   * `record` (causal, one row) collects the state rows sharing a prefix with this one can continue from;
   * `continuation` computes only positions [from, T) of a row from such a state: [1, T - from, 4].
   */
  forwardTensors(tokens: tf.Tensor2D, attn?: AttentionRequest, record?: PrefixState, continuation?: Continuation): ForwardOutput {
    const [B, T] = tokens.shape;
    if ((record || continuation) && !(this.causal && B === 1)) throw new Error('prefix reuse needs a causal model and one row');
    const from = continuation?.from ?? 0;
    // causal input at position t is token t - 1 (BOS at 0)
    const inputs = this.causal
      ? from > 0 ? tf.slice(tokens, [0, from - 1], [1, T - from]) : tf.concat([tf.fill([B, 1], BOS_ID, 'int32'), tf.slice(tokens, [0, 0], [-1, T - 1])], 1)
      : tokens;
    // one-hot times the table rather than gather, which is ~60x slower on wasm (`npm run bench:kernels`), and
    // exact: one term per row.
    // int32 one-hot then cast: tfjs-wasm's oneHot with dtype float32 writes int bit patterns (tfjs 4.22)
    const embed = this.w('embed.weight') as tf.Tensor2D;
    const [vocab, D] = embed.shape;
    let x = tf.reshape(tf.matMul(tf.cast(tf.oneHot(tf.reshape(inputs, [-1]), vocab), 'float32'), embed), [B, T - from, D]) as tf.Tensor3D;
    // a continuation's queries are rows [from, T) of the full [T, T] bias
    const bias = !this.arch.n_attn ? [] : from > 0 ? this.bias(T).map((b) => tf.slice(b, [from, 0], [T - from, T])) : this.bias(T);
    let attention: tf.Tensor4D | undefined;
    const nConv = this.arch.conv_dilations.length;
    for (let i = 0; i < nConv + this.arch.n_attn; i++) {
      const p = `blocks.${i}`;
      const h = this.layerNorm(x, `${p}.norm1`);
      let mixed: tf.Tensor;
      if (i < nConv) {
        if (record) record.convIn.push(tf.reshape(h, [T, D]));
        const past = continuation ? { input: continuation.state.convIn[i]!, from } : undefined;
        mixed = this.conv(h as tf.Tensor3D, `${p}.mixer.conv`, this.arch.conv_dilations[i]!, past);
      } else {
        const a = i - nConv;
        const want = attn !== undefined && attn.layer === a ? attn.heads : null;
        const cache = {
          record: record ? { keys: (record.keys[a] = []), values: (record.values[a] = []) } : undefined,
          past: continuation ? { keys: continuation.state.keys[a]!, values: continuation.state.values[a]!, from } : undefined,
        };
        const [y, maps] = this.attention(h, `${p}.mixer`, bias, want, cache);
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
   * Causal models: log-probabilities of a reference row [T, 4] and, for each alternative row equal to it
   * before `from`, of positions [from, T) ([T - from, 4]), computing only what differs. A causal model's
   * position t sees tokens before t, so up to `from` every layer's state is the reference's: its conv inputs
   * and attention keys and values are kept from the reference pass and each alternative runs from `from` + 1
   * (the distribution at `from` itself is the reference's). One read, as in forward().
   */
  async forwardShared(ref: Int32Array, alts: { from: number; tokens: Int32Array }[]): Promise<{ ref: Float32Array; alts: Float32Array[] }> {
    const T = ref.length;
    if (!this.causal) throw new Error('forwardShared needs a causal model');
    for (const a of alts) if (a.tokens.length !== T || !(a.from >= 0 && a.from <= T)) throw new Error('each alternative row must match the reference in length, with 0 <= from <= T');
    const fresh = alts.map((a) => Math.max(0, T - a.from - 1)); // positions each alternative computes
    const out = tf.tidy(() => {
      const state: PrefixState = { convIn: [], keys: [], values: [] };
      const parts = [tf.reshape(this.forwardTensors(tf.tensor2d(ref, [1, T], 'int32'), undefined, state).logprobs, [-1])];
      alts.forEach((a, i) => {
        if (!fresh[i]) return;
        parts.push(tf.tidy(() => tf.reshape(this.forwardTensors(tf.tensor2d(a.tokens, [1, T], 'int32'), undefined, undefined, { state, from: a.from + 1 }).logprobs, [-1])));
      });
      return parts.length === 1 ? parts[0]! : tf.concat(parts);
    });
    try {
      const flat = (await out.data()) as Float32Array;
      const refLp = flat.slice(0, T * 4);
      let offset = T * 4;
      const altLps = alts.map((a, i) => {
        const lp = new Float32Array((T - a.from) * 4);
        if (a.from < T) lp.set(refLp.subarray(a.from * 4, a.from * 4 + 4));
        lp.set(flat.subarray(offset, offset + fresh[i]! * 4), Math.min(4, lp.length));
        offset += fresh[i]! * 4;
        return lp;
      });
      return { ref: refLp, alts: altLps };
    } finally {
      out.dispose();
    }
  }

  /**
   * Typed-array in, typed-array out: tokens [B, T] row-major. Tensors never escape. Log-probabilities and
   * attention come back in one read: on WebGPU each read is a GPU-to-CPU sync, so a pass makes exactly one.
   */
  async forward(tokens: Int32Array, batch: number, attn?: AttentionRequest): Promise<{ logprobs: Float32Array; attention?: Float32Array }> {
    const T = tokens.length / batch;
    const rows = ROW_AT_A_TIME.has(tf.getBackend()) ? 1 : batch;
    const nLogprobs = batch * T * 4;
    const out = tf.tidy(() => {
      const logprobs: tf.Tensor[] = [], maps: tf.Tensor[] = [];
      for (let r = 0; r < batch; r += rows) {
        // a tidy per group frees its intermediates before the next group runs
        const [lp, map] = tf.tidy(() => {
          const o = this.forwardTensors(tf.tensor2d(tokens.subarray(r * T, (r + rows) * T), [rows, T], 'int32'), attn);
          return [tf.reshape(o.logprobs, [-1]), o.attention ? tf.reshape(o.attention, [-1]) : undefined];
        });
        logprobs.push(lp!);
        if (map) maps.push(map);
      }
      // [B, T, 4] then [B, heads, T, T], both row-major, so per-group pieces concatenate in order
      const parts = [...logprobs, ...maps];
      return parts.length === 1 ? parts[0]! : tf.concat(parts);
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
