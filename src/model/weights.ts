// Loads weight shards, verifies each shard's sha256 and every tensor's shape before use.

import type { Architecture, HyenaArchitecture, ModelManifest } from './manifest';
import { ModelFormatError } from './manifest';
import type { ModelSource } from './source';

export type WeightMap = Map<string, { shape: number[]; data: Float32Array | Uint32Array }>;

export interface LoadProgress {
  status: 'download' | 'verify' | 'ready';
  file?: string;
  loaded: number;
  total: number;
}

async function sha256Hex(buf: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', buf);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function loadWeights(
  manifest: ModelManifest, source: ModelSource, onProgress?: (p: LoadProgress) => void,
): Promise<WeightMap> {
  const weights: WeightMap = new Map();
  const total = manifest.weightsManifest.reduce((n, g) => n + g.paths.length, 0);
  let loaded = 0;
  for (const group of manifest.weightsManifest) {
    const shards: Uint8Array[] = [];
    for (let i = 0; i < group.paths.length; i++) {
      const file = group.paths[i]!;
      onProgress?.({ status: 'download', file, loaded, total });
      const buf = await source.readBytes(file);
      onProgress?.({ status: 'verify', file, loaded, total });
      const hash = await sha256Hex(buf);
      if (hash !== group.sha256[i]) {
        throw new ModelFormatError(
          `Weight file ${source.label}${file} is corrupt or truncated: its sha256 is ${hash.slice(0, 12)}…, the manifest expects ${group.sha256[i]!.slice(0, 12)}… (${buf.byteLength.toLocaleString('en-US')} bytes read).`);
      }
      shards.push(new Uint8Array(buf));
      loaded++;
    }
    const bytes = concat(shards);
    let offset = 0;
    for (const spec of group.weights) {
      const n = spec.shape.reduce((a, b) => a * b, 1);
      if (offset + 4 * n > bytes.byteLength) {
        throw new ModelFormatError(`Weights of ${manifest.id} end before tensor ${spec.name}: the shards hold ${bytes.byteLength} bytes.`);
      }
      const buf = bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + 4 * n);
      weights.set(spec.name, { shape: spec.shape, data: spec.dtype === 'uint32' ? new Uint32Array(buf) : new Float32Array(buf) });
      offset += 4 * n;
    }
  }
  checkShapes(manifest.architecture, weights, manifest.vocab.length, manifest.id);
  onProgress?.({ status: 'ready', loaded: total, total });
  return weights;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.byteLength; }
  return out;
}

/** The shape every tensor must have, in the runtime layout (Linear [in, out], Conv1d [k, in, out]). */
export function expectedShapes(a: Architecture, vocabSize: number): Map<string, number[]> {
  if (a.type === 'markov') return new Map([['counts', [4 ** (a.order + 1)]]]);
  const D = a.d_model;
  const s = new Map<string, number[]>([['embed.weight', [vocabSize, D]]]);
  const nBlocks = a.type === 'hyena' ? a.n_hyena : a.conv_dilations.length + a.n_attn;
  for (let i = 0; i < nBlocks; i++) {
    const p = `blocks.${i}`;
    for (const n of ['norm1', 'norm2']) { s.set(`${p}.${n}.weight`, [D]); s.set(`${p}.${n}.bias`, [D]); }
    if (a.type === 'hyena') {
      hyenaMixerShapes(s, `${p}.mixer`, a);
    } else if (i < a.conv_dilations.length) {
      s.set(`${p}.mixer.conv.weight`, [a.conv_kernel, D, D]); s.set(`${p}.mixer.conv.bias`, [D]);
    } else {
      s.set(`${p}.mixer.qkv.weight`, [D, 3 * D]); s.set(`${p}.mixer.qkv.bias`, [3 * D]);
      s.set(`${p}.mixer.out.weight`, [D, D]); s.set(`${p}.mixer.out.bias`, [D]);
    }
    s.set(`${p}.ffn.fc1.weight`, [D, a.d_ff]); s.set(`${p}.ffn.fc1.bias`, [a.d_ff]);
    s.set(`${p}.ffn.fc2.weight`, [a.d_ff, D]); s.set(`${p}.ffn.fc2.bias`, [D]);
  }
  s.set('norm_f.weight', [D]); s.set('norm_f.bias', [D]);
  s.set('head.weight', [D, 4]); s.set('head.bias', [4]);
  return s;
}

/** HyenaMixer's tensors: in_proj, the depthwise short conv [k, 1, 3D], the implicit filter's MLP, out_proj. */
function hyenaMixerShapes(s: Map<string, number[]>, p: string, a: HyenaArchitecture): void {
  const D = a.d_model, o = a.filter_order;
  s.set(`${p}.in_proj.weight`, [D, 3 * D]); s.set(`${p}.in_proj.bias`, [3 * D]);
  s.set(`${p}.short_conv.weight`, [a.short_kernel, 1, 3 * D]); s.set(`${p}.short_conv.bias`, [3 * D]);
  s.set(`${p}.filter.bias`, [D]);
  [1 + 2 * a.filter_bands, o, o].forEach((n, i) => {
    s.set(`${p}.filter.fc${i}.weight`, [n, o]); s.set(`${p}.filter.fc${i}.bias`, [o]); s.set(`${p}.filter.act${i}.freq`, [o]);
  });
  s.set(`${p}.filter.out.weight`, [o, D]);
  s.set(`${p}.out_proj.weight`, [D, D]); s.set(`${p}.out_proj.bias`, [D]);
}

function checkShapes(a: Architecture, weights: WeightMap, vocabSize: number, id: string) {
  for (const [name, shape] of expectedShapes(a, vocabSize)) {
    const w = weights.get(name);
    if (!w) throw new ModelFormatError(`Model ${id} lacks tensor ${name}.`);
    if (w.shape.join() !== shape.join()) {
      throw new ModelFormatError(`Model ${id}: tensor ${name} has shape [${w.shape}], the architecture needs [${shape}].`);
    }
  }
}
