// Caduceus (CaduceusForMaskedLM) as a Network: embedding, n_layer blocks of add -> norm -> BiMamba (Mamba's
// Block: the stream carries the un-normed residual), norm_f on hidden + residual, the LM head tied to the
// embedding. With rcps (Caduceus-ps) hidden states are [forward half | reverse-complement half], 2 x d_model:
// - embedding row v is [E[v], reverse(E[comp v])] (RCPSEmbedding, per position), and the head reads the same
//   table (RCPSLMHead: x_fwd . E[v] + reverse(x_rc) . E[comp v]);
// - each mixer runs on the forward half and on the rc half reversed in length and channels (RCPSWrapper): the
//   channels are reversed here, the length by the mixer (mamba.ts: a reversed lane swaps its modules' directions);
// - the published fused_add_norm path (RCPSMambaBlock) normalises residual[..., D:] as the forward half: it SWAPS
//   the halves of the residual stream at every block; the non-fused path and the final norm_f do not.
// Shapes: B batch, L positions, D d_model, H halves (2 with rcps, else 1), V padded vocabulary.

import * as tf from '@tensorflow/tfjs-core';
import type { NamedTensors } from '../../family';
import { ModelFormatError } from '../../formatError';
import { tidyStream, type Block, type Network, type Stream } from '../../network';
import { layerNorm } from '../../ops/layerNorm';
import { linear } from '../../ops/linear';
import { rmsNorm } from '../../ops/rmsNorm';
import { cpuSelectiveScanAsync, type SelectiveScan } from '../../ops/selectiveScan';
import type { CaduceusConfig } from './config';
import {
  biMamba,
  finishBiMamba,
  prepareBiMamba,
  releaseWork,
  type BiMambaParams,
  type Lane,
  type MambaModule,
} from './mamba';
import { COMPLEMENT_KEYS, directions } from './weights';

/** A norm's gain and (LayerNorm) bias: [D] for a block's lanes, [H, D] per half for norm_f (the rc half's reversed). */
interface NormParams {
  gain: tf.Tensor;
  bias?: tf.Tensor;
}

export function buildCaduceus(c: CaduceusConfig, w: NamedTensors, scan: SelectiveScan): Network {
  checkComplementMaps(c, w);
  const D = c.dModel,
    H = c.rcps ? 2 : 1,
    { dInner: Di, dConv: K, dtRank: R } = c.mamba;
  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(make: () => T): T => {
    const t = tf.tidy(make);
    owned.push(t);
    return t;
  };
  const floats = (name: string): { shape: number[]; data: Float32Array } => {
    const t = w.get(name);
    if (!t || !(t.data instanceof Float32Array)) throw new Error(`Caduceus: weight ${name} was not resolved`);
    return t as { shape: number[]; data: Float32Array };
  };
  const raw = (name: string) => tf.tensor(floats(name).data, floats(name).shape);
  const vector = (name: string) => own(() => raw(name) as tf.Tensor1D);
  const optional = (name: string, from = 0, size = -1) =>
    w.has(name) ? own(() => tf.slice(raw(name), from, size) as tf.Tensor1D) : undefined;
  /** Rows [from, from + size) of an nn.Linear weight [out, in], as [in, size]. */
  const rows = (name: string, from: number, size: number) =>
    own(() => tf.transpose(tf.slice(raw(name), [from, 0], [size, -1])) as tf.Tensor2D);
  const norm = (name: string, perHalf: boolean): NormParams => {
    const gain = (key: string) =>
      own(() => {
        const g = raw(key);
        return perHalf && c.rcps ? tf.stack([g, tf.reverse(g)]) : g;
      });
    return { gain: gain(`${name}.weight`), bias: c.rmsNorm ? undefined : gain(`${name}.bias`) };
  };

  const table = own(() => {
    // [V, H * D]
    const e = raw('embedding') as tf.Tensor2D;
    return c.rcps ? tf.concat([e, tf.reverse(tf.gather(e, c.complementMap), 1)], 1) : e;
  });
  const headWeight = own(() => tf.transpose(table) as tf.Tensor2D); // [H * D, V]

  const mambaModule = (p: string, tied: boolean): MambaModule => {
    const taps = (reversed: boolean) =>
      own(() => {
        // conv1d.weight [Di, 1, K] -> [1, K, Di, 1]
        const k = tf.transpose(tf.reshape(raw(`${p}.conv1d.weight`), [Di, K]));
        return tf.reshape(reversed ? tf.reverse(k, 0) : k, [1, K, Di, 1]) as tf.Tensor4D;
      });
    return {
      inX: tied ? undefined : rows(`${p}.in_proj.weight`, 0, Di),
      inZ: tied ? undefined : rows(`${p}.in_proj.weight`, Di, Di),
      inBiasX: tied ? undefined : optional(`${p}.in_proj.bias`, 0, Di),
      inBiasZ: tied ? undefined : optional(`${p}.in_proj.bias`, Di, Di),
      filter: taps(false),
      filterReversed: taps(true),
      convBias: optional(`${p}.conv1d.bias`),
      xDt: rows(`${p}.x_proj.weight`, 0, R),
      xBC: rows(`${p}.x_proj.weight`, R, 2 * c.mamba.dState),
      dtProj: rows(`${p}.dt_proj.weight`, 0, Di),
      dtBias: vector(`${p}.dt_proj.bias`),
      A: floats(`${p}.A_log`).data.map((a) => -Math.exp(a)),
      D: Float32Array.from(floats(`${p}.D`).data), // a copy: the caller's buffers may be reused
      outProj: tied ? undefined : rows(`${p}.out_proj.weight`, 0, D),
      outBias: tied ? undefined : optional(`${p}.out_proj.bias`),
    };
  };
  const layers = Array.from({ length: c.nLayer }, (_, i) => ({
    norm: norm(`layers.${i}.norm`, false),
    mixer: directions(c).map((d) => mambaModule(`layers.${i}.${d}`, d === 'mamba_rev' && c.weightTie)) as BiMambaParams,
  }));
  const normF = norm('norm_f', true);

  const normed = (x: tf.Tensor, p: NormParams) =>
    (c.rmsNorm ? rmsNorm(x, p.gain, c.normEps) : layerNorm(x, p.gain, p.bias!, c.normEps)) as tf.Tensor3D;
  const swap = c.rcps && c.fusedAddNorm;
  /** Add and norm, up to the mixer. With rcps: the halves a | b of the sum; the mixer reads a and b reversed in
   *  channels and time (RCPSWrapper), or b and a so with the fused path's swap, whose residual is then b | a. */
  const pre = (layer: (typeof layers)[number], s: Stream): { lanes: Lane[]; residual: tf.Tensor3D } => {
    const [B, L] = s.x.shape;
    const sum = s.residual ? (tf.add(s.x, s.residual) as tf.Tensor3D) : s.x;
    if (!c.rcps) return { lanes: [{ x: normed(sum, layer.norm), reversed: false }], residual: sum };
    const a = tf.slice(sum, [0, 0, 0], [B, L, D]),
      b = tf.slice(sum, [0, 0, D], [B, L, D]);
    const [first, second] = swap ? [b, a] : [a, b];
    // a per-position norm of a channel-reversed half is the reversed norm with a reversed gain: both lanes use
    // the gain as is
    const lanes = [
      { x: first, reversed: false },
      { x: tf.reverse(second, 2) as tf.Tensor3D, reversed: true },
    ].map((lane) => ({ ...lane, x: normed(lane.x, layer.norm) }));
    return { lanes, residual: swap ? (tf.concat([b, a], 2) as tf.Tensor3D) : sum };
  };
  /** The mixer's lane outputs back into one stream: the rc lane's reversed in channels. */
  const post = (outs: tf.Tensor3D[]): tf.Tensor3D =>
    c.rcps ? tf.concat([outs[0]!, tf.reverse(outs[1]!, 2)], 2) : outs[0]!;
  // each block frees its own intermediates: a pass then holds one block's work, not every block's, at its peak
  const blocks: Block[] = layers.map((layer) => ({
    kind: 'mamba',
    forward: (s) =>
      tidyStream(() => {
        const p = pre(layer, s);
        return { x: post(biMamba(p.lanes, layer.mixer, scan)), residual: p.residual };
      }),
    // the scan's read-back awaited: the GPU backends stall on a synchronous one
    forwardAsync: async (s) => {
      const p = tf.tidy(() => {
        const r = pre(layer, s);
        return { lanes: r.lanes.map((l) => l.x), residual: r.residual };
      });
      const lanes = p.lanes.map((x, i) => ({ x, reversed: i === 1 }));
      const work = prepareBiMamba(lanes, layer.mixer);
      const ys = await cpuSelectiveScanAsync(work.map((w) => w.group));
      const x = tf.tidy(() => post(finishBiMamba(lanes, layer.mixer, work, ys)));
      releaseWork(work, ys);
      tf.dispose(p.lanes);
      return { x, residual: p.residual };
    },
  }));

  return {
    embed: (ids) => ({ x: tf.gather(table, ids) as tf.Tensor as tf.Tensor3D }),
    blocks,
    norm: (s) => {
      // norm_f: no swap; per half, the rc half's gain reversed
      const [B, L, W] = s.x.shape;
      const sum = s.residual ? tf.add(s.x, s.residual) : s.x;
      return tf.reshape(normed(tf.reshape(sum, [B, L, H, D]), normF), [B, L, W]);
    },
    head: (h) => {
      if (h.shape[2] !== H * D) throw new Error(`Caduceus head: hidden states ${h.shape[2]} wide, expected ${H * D}`);
      return linear(h, headWeight) as tf.Tensor3D; // [B, L, V]
    },
    dispose: () => {
      tf.dispose(owned);
      owned.length = 0;
    },
  };
}

/** The int64 buffers a Caduceus-ps file stores must be config.json's complement_map (padded): both index the table. */
function checkComplementMaps(c: CaduceusConfig, w: NamedTensors): void {
  if (!c.rcps) return;
  const buffers = [
    ['embedding.complement_map', COMPLEMENT_KEYS.embedding],
    ['head.complement_map', COMPLEMENT_KEYS.head],
  ] as const;
  for (const [name, key] of buffers) {
    const data = w.get(name)?.data;
    if (!(data instanceof BigInt64Array)) throw new Error(`Caduceus: buffer ${name} was not resolved from the file`);
    const bad = c.complementMap.findIndex((v, i) => data[i] !== BigInt(v));
    if (bad >= 0) {
      const config = `config.json's complement_map (padded to vocab_size ${c.vocabSize})`;
      throw new ModelFormatError(
        `key ${key} maps id ${bad} to ${data[bad]}, but ${config} maps it to ` +
          `${c.complementMap[bad]} (does config.json belong to these weights?).`,
      );
    }
  }
}
