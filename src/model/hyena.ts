// Forward pass of the attention-free Hyena gLM (HybridGLM with arch "hyena" in training/model.py), block
// for block and with the same layer names. Dense work (projections, short conv, gating, feed-forward,
// norms) runs in tfjs on the chosen backend. The long convolution: up to directLongConvMaxLen() bases, one
// causal depthwise conv with the filter's lags on the backend (O(T^2), SIMD or GPU, no read-back); past it, by FFT
// on typed arrays (ops/longConv.ts, O(T log T)): tfjs has no FFT kernel on wasm, its cpu FFT is float32 and
// O(n^2) off powers of two, and a WebGPU FFT program would cost more to write than the read-back it saves.
// So a long pass reads back once per Hyena block, plus the output; a short one once.
// Shapes: B batch, T tokens, D width, K short-conv kernel, V vocabulary.

import * as tf from '@tensorflow/tfjs-core';
import { BOS_ID } from '../genome/tokens';
import type { AttentionRequest, LanguageModel } from './languageModel';
import type { HyenaArchitecture, ModelManifest, Objective } from './manifest';
import { causalDepthwise, directLongConvMaxLen, longFilter } from './ops/causalDepthwise';
import { gelu } from './ops/gelu';
import { type FilterConfig, type FilterWeights, implicitFilter } from './ops/hyenaFilter';
import { layerNorm } from './ops/layerNorm';
import { linear } from './ops/linear';
import { causalLongConv, type directCausalConv } from './ops/longConv';
import type { WeightMap } from './weights';

/** Filters are computed for at least this many lags at once, so short inputs do not recompute them. */
const MIN_FILTER_LAGS = 1024;
/** Tokens per pass: a batch of long rows runs in groups, so a pass holds ~50 MB of activations, not 8 x that. */
const MAX_PASS_TOKENS = 32_768;

export class HyenaModel implements LanguageModel {
  readonly arch: HyenaArchitecture;
  readonly objective: Objective = 'clm';
  readonly nHeads = 0;
  readonly nAttentionLayers = 0;
  /** The long convolution: FFT; tests swap in the direct sum (ops/longConv.ts) as the reference. */
  longConv: typeof directCausalConv = causalLongConv;
  private readonly p = new Map<string, tf.Tensor>();
  /** Inputs up to this length use the depthwise-conv path; null: the backend's default (tests set it to compare). */
  directMaxLen: number | null = null;
  /** Per block: the filter h [lags, D] for the first `lags` lags, on the CPU and as a resident tensor, and its skip term [D]. */
  private filters: { lags: number; h: Float32Array[]; hTensor: tf.Tensor2D[]; skip: Float32Array[] } = { lags: 0, h: [], hTensor: [], skip: [] };
  private readonly shortFilters: tf.Tensor4D[] = [];

  constructor(readonly manifest: ModelManifest, weights: WeightMap) {
    if (manifest.architecture.type !== 'hyena') throw new Error(`${manifest.id} is not a Hyena model`);
    this.arch = manifest.architecture;
    for (const [name, w] of weights) this.p.set(name, tf.keep(tf.tensor(w.data as Float32Array, w.shape, 'float32')));
    for (let i = 0; i < this.arch.n_hyena; i++) {
      const w = this.w(`blocks.${i}.mixer.short_conv.weight`); // [K, 1, 3D]
      this.shortFilters.push(tf.keep(tf.reshape(w, [1, w.shape[0]!, w.shape[2]!, 1])));
    }
  }

  /** The longest input read in one pass: the filter is defined for lags below max_len. */
  get context(): number { return this.arch.max_len; }

  dispose(): void {
    for (const t of this.p.values()) t.dispose();
    this.p.clear();
    for (const t of [...this.shortFilters, ...this.filters.hTensor]) t.dispose();
    this.shortFilters.length = 0;
    this.filters = { lags: 0, h: [], hTensor: [], skip: [] };
  }

  private w(name: string): tf.Tensor {
    const t = this.p.get(name);
    if (!t) throw new Error(`missing weight ${name}`);
    return t;
  }

  private fc(x: tf.Tensor, name: string): tf.Tensor {
    return linear(x, this.w(`${name}.weight`) as tf.Tensor2D, this.w(`${name}.bias`));
  }

  /** Every block's filter for at least T lags, computed on the backend and read once. */
  private async filtersFor(T: number): Promise<{ h: Float32Array[]; hTensor: tf.Tensor2D[]; skip: Float32Array[] }> {
    if (this.filters.lags >= T) return this.filters;
    const lags = Math.min(this.arch.max_len, Math.max(MIN_FILTER_LAGS, 2 ** Math.ceil(Math.log2(T))));
    const c: FilterConfig = this.arch;
    const h: Float32Array[] = [], hTensor: tf.Tensor2D[] = [], skip: Float32Array[] = [];
    for (let i = 0; i < this.arch.n_hyena; i++) {
      const f = `blocks.${i}.mixer.filter`;
      const weights: FilterWeights = {
        fc: [0, 1, 2].map((k) => ({ w: this.w(`${f}.fc${k}.weight`) as tf.Tensor2D, b: this.w(`${f}.fc${k}.bias`) })),
        freq: [0, 1, 2].map((k) => this.w(`${f}.act${k}.freq`)),
        out: this.w(`${f}.out.weight`) as tf.Tensor2D,
      };
      const t = tf.keep(tf.tidy(() => implicitFilter(c, weights, lags))); // [lags, D]
      hTensor.push(t);
      h.push((await t.data()) as Float32Array);
      skip.push((await this.w(`${f}.bias`).data()) as Float32Array);
    }
    for (const t of this.filters.hTensor) t.dispose();
    this.filters = { lags, h, hTensor, skip };
    return this.filters;
  }

  /** tokens [B, T] row-major -> log-probabilities [B, T, 4]; one long convolution per block on the CPU. */
  async forward(tokens: Int32Array, batch: number, attn?: AttentionRequest): Promise<{ logprobs: Float32Array; attention?: Float32Array }> {
    if (attn) throw new Error('This model has no attention layers.');
    const T = tokens.length / batch;
    if (!Number.isInteger(T) || T < 1) throw new Error(`forward: ${tokens.length} tokens do not make ${batch} rows`);
    if (T > this.arch.max_len) throw new Error(`${this.manifest.id} reads at most ${this.arch.max_len} bases in one pass (its filter's longest lag); got ${T}`);
    const rows = Math.max(1, Math.floor(MAX_PASS_TOKENS / T));
    if (rows >= batch) return { logprobs: await this.pass(tokens, batch, T) };
    const logprobs = new Float32Array(batch * T * 4);
    for (let r = 0; r < batch; r += rows) {
      const n = Math.min(rows, batch - r);
      logprobs.set(await this.pass(tokens.subarray(r * T, (r + n) * T), n, T), r * T * 4);
    }
    return { logprobs };
  }

  /** One pass over `batch` rows of T tokens. */
  private async pass(tokens: Int32Array, batch: number, T: number): Promise<Float32Array> {
    const D = this.arch.d_model;
    const filters = await this.filtersFor(T);
    // causal input (clm_inputs): position t reads token t - 1, [BOS] at 0; one-hot times the table, as hybrid.ts
    let x = tf.tidy(() => {
      const tok = tf.tensor2d(tokens, [batch, T], 'int32');
      const inputs = tf.concat([tf.fill([batch, 1], BOS_ID, 'int32'), tf.slice(tok, [0, 0], [-1, T - 1])], 1);
      const embed = this.w('embed.weight') as tf.Tensor2D; // [V, D]
      return tf.reshape(tf.matMul(tf.cast(tf.oneHot(tf.reshape(inputs, [-1]), embed.shape[0]), 'float32'), embed), [batch, T, D]) as tf.Tensor3D;
    });
    try {
      for (let i = 0; i < this.arch.n_hyena; i++) {
        const p = `blocks.${i}`, m = `${p}.mixer`;
        const [x0, gated] = tf.tidy(() => {
          const h = layerNorm(x, this.w(`${p}.norm1.weight`), this.w(`${p}.norm1.bias`), this.arch.ln_eps);
          const u = tf.add(causalDepthwise(this.fc(h, `${m}.in_proj`) as tf.Tensor3D, this.shortFilters[i]!), this.w(`${m}.short_conv.bias`)) as tf.Tensor3D; // [B, T, 3D]
          const part = (k: number) => tf.slice(u, [0, 0, k * D], [batch, T, D]);
          return [part(0), tf.mul(part(2), part(1))]; // x0, v * x1: each [B, T, D]
        });
        let y: tf.Tensor3D;
        if (T <= (this.directMaxLen ?? directLongConvMaxLen())) { // one depthwise conv with the filter's T lags
          y = tf.tidy(() => tf.add(causalDepthwise(gated, longFilter(filters.hTensor[i]!, T)), tf.mul(gated, this.w(`${m}.filter.bias`))) as tf.Tensor3D);
          gated.dispose();
        } else {
          try {
            y = tf.tensor3d(this.longConv((await gated.data()) as Float32Array, filters.h[i]!, batch, T, D, filters.skip[i]), [batch, T, D]); // [B, T, D]
          } catch (e) {
            x0.dispose();
            throw e;
          } finally {
            gated.dispose();
          }
        }
        const next = tf.tidy(() => {
          const mixed = this.fc(tf.mul(y, x0), `${m}.out_proj`);
          const x1 = tf.add(x, mixed);
          const f = this.fc(gelu(this.fc(layerNorm(x1, this.w(`${p}.norm2.weight`), this.w(`${p}.norm2.bias`), this.arch.ln_eps), `${p}.ffn.fc1`)), `${p}.ffn.fc2`);
          return tf.add(x1, f) as tf.Tensor3D;
        });
        x0.dispose(); y.dispose(); x.dispose();
        x = next;
      }
      const lp = tf.tidy(() => tf.logSoftmax(this.fc(layerNorm(x, this.w('norm_f.weight'), this.w('norm_f.bias'), this.arch.ln_eps), 'head')));
      try { return (await lp.data()) as Float32Array; } finally { lp.dispose(); }
    } finally {
      x.dispose();
    }
  }
}
