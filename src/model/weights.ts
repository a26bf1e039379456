// Loads a bundled model's weight shards and verifies each shard's sha256; the family's table then checks every
// tensor against the architecture (formats/resolveWeights.ts).

import { ModelFormatError } from './formatError';
import { elementCount, type RawTensors } from './formats/rawTensor';
import type { ModelManifest } from './manifest';
import type { ModelSource } from './source';

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
  manifest: ModelManifest,
  source: ModelSource,
  onProgress?: (p: LoadProgress) => void,
): Promise<RawTensors> {
  const weights: RawTensors = new Map();
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
          `Weight file ${source.label}${file} is corrupt or truncated: its sha256 is ${hash.slice(0, 12)}…, the manifest expects ${group.sha256[i]!.slice(0, 12)}… (${buf.byteLength.toLocaleString('en-US')} bytes read).`,
        );
      }
      shards.push(new Uint8Array(buf));
      loaded++;
    }
    const bytes = concat(shards);
    let offset = 0;
    for (const spec of group.weights) {
      const n = elementCount(spec.shape);
      if (offset + 4 * n > bytes.byteLength) {
        throw new ModelFormatError(
          `Weights of ${manifest.id} end before tensor ${spec.name}: the shards hold ${bytes.byteLength} bytes.`,
        );
      }
      weights.set(spec.name, {
        dtype: spec.dtype === 'uint32' ? 'U32' : 'F32',
        shape: spec.shape,
        bytes: bytes.subarray(offset, offset + 4 * n),
      });
      offset += 4 * n;
    }
  }
  onProgress?.({ status: 'ready', loaded: total, total });
  return weights;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}
