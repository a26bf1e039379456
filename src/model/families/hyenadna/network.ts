// Builds HyenaDNA's Network from its config and resolved weights (weights.ts names): word embeddings, the
// prenorm Hyena blocks (block.ts) sharing one filter bank (filter.ts), ln_f, and a bias-free head over the
// padded vocabulary. PyTorch's Linear weights [out, in] are transposed once here to ops/linear.ts's [in, out].
// Shapes: B batch, T tokens, D width, V padded vocabulary.

import * as tf from '@tensorflow/tfjs-core';
import type { NamedTensors } from '../../family';
import type { Network, Stream } from '../../network';
import { speedRules } from '../../backend';
import { embedRows } from '../../ops/embedding';
import { layerNorm } from '../../ops/layerNorm';
import { type BlockWeights, type Dense, HyenaDNABlock } from './block';
import type { HyenaDNAConfig } from './config';
import { FilterBank, type FilterParams } from './filter';
import { filterLayers } from './weights';

export interface BuildOptions {
  /** Inputs up to this length take the long convolution as one depthwise conv; default: the backend's rule. */
  directMaxLen?: number;
  /** Longer inputs run their position-wise stages in chunks of this many positions (block.ts POSITION_CHUNK). */
  positionChunk?: number;
}

/** [rows, cols] row-major -> [cols, rows]. */
function transposed(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c]!;
  return out;
}

export function buildHyenaDNA(c: HyenaDNAConfig, weights: NamedTensors, opts: BuildOptions = {}): Network {
  const D = c.dModel,
    F = c.filterOrder;
  const owned: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => {
    owned.push(t);
    return tf.keep(t);
  };
  const values = (name: string): Float32Array => {
    const t = weights.get(name);
    if (!t || !(t.data instanceof Float32Array)) {
      throw new Error(`HyenaDNA: weight ${name} is missing or not float (resolve the weight table first)`);
    }
    return t.data;
  };
  const vec = (name: string) => keep(tf.tensor1d(values(name)));
  /** A PyTorch Linear [out, in] as [in, out]. */
  const matrix = (name: string, out: number, inp: number) =>
    keep(tf.tensor2d(transposed(values(name), out, inp), [inp, out]));
  const linear = (name: string, out: number, inp: number): Dense => ({
    w: matrix(`${name}.weight`, out, inp),
    b: vec(`${name}.bias`),
  });
  const norm = (name: string) => ({ g: vec(`${name}.weight`), b: vec(`${name}.bias`) });

  const { linears, sins, out } = filterLayers(c);
  const blocks: BlockWeights[] = [],
    filters: FilterParams[] = [];
  for (let i = 0; i < c.nLayer; i++) {
    const p = `layers.${i}`,
      m = `${p}.mixer`,
      f = `${m}.filter_fn`;
    // Conv1d weight [3D, 1, 3] -> depthwiseConv2d filter [1, 3, 3D, 1]
    const short = transposed(values(`${m}.short_filter.weight`), 3 * D, 3);
    const freq = vec(`${f}.implicit_filter.${sins[0]}.freq`); // one Sin module, used after every hidden Linear
    filters.push({
      mlp: {
        fc: linears.map((k, j) => linear(`${f}.implicit_filter.${k}`, F, j === 0 ? c.embDim : F)),
        freq: linears.map(() => freq),
        out: matrix(`${f}.implicit_filter.${out}.weight`, D, F),
      },
      z: values(`${f}.pos_emb.z`),
      t: values(`${f}.pos_emb.t`),
      rate: values(`${f}.modulation.deltas`).map(Math.abs),
    });
    blocks.push({
      norm1: norm(`${p}.norm1`),
      inProj: linear(`${m}.in_proj`, 3 * D, D),
      shortFilter: keep(tf.tensor4d(short, [1, 3, 3 * D, 1])),
      shortBias: vec(`${m}.short_filter.bias`),
      skip: vec(`${f}.bias`),
      skipValues: values(`${f}.bias`),
      outProj: linear(`${m}.out_proj`, D, D),
      norm2: norm(`${p}.norm2`),
      fc1: linear(`${p}.mlp.fc1`, c.dInner, D),
      fc2: linear(`${p}.mlp.fc2`, D, c.dInner),
    });
  }
  const bank = new FilterBank(filters, c.lMax, D, c.shift);
  const directMaxLen = () => opts.directMaxLen ?? speedRules().directLongConvMax;
  const embedding = keep(tf.tensor2d(values('embeddings.word_embeddings.weight'), [c.paddedVocab, D]));
  const head = keep(tf.tensor2d(values('lm_head.weight'), [c.paddedVocab, D]));
  const lnF = norm('ln_f');

  return {
    embed(ids: tf.Tensor2D): Stream {
      const T = ids.shape[1];
      // the official code fails past l_max: the filter (pos_emb) has no lags beyond it
      if (T > c.lMax) {
        throw new Error(`HyenaDNA reads at most ${c.lMax} tokens in one pass (its filter's lags); got ${T}`);
      }
      return { x: embedRows(ids, embedding) };
    },
    blocks: blocks.map((w, i) => new HyenaDNABlock(w, i, bank, c.blockEps, directMaxLen, opts.positionChunk)),
    norm: (s: Stream) => layerNorm(s.x, lnF.g, lnF.b, c.finalEps) as tf.Tensor3D,
    head(h: tf.Tensor3D): tf.Tensor3D {
      const [B, T] = h.shape;
      return tf.reshape(tf.matMul(tf.reshape(h, [B * T, D]), head, false, true), [B, T, c.paddedVocab]) as tf.Tensor3D;
    },
    dispose(): void {
      for (const t of owned) t.dispose();
      owned.length = 0;
      bank.clear();
    },
  };
}
