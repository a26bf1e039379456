// A tensor as a checkpoint file holds it (safetensors or a PyTorch pickle): its dtype, shape and bytes, before
// any conversion. toFloat32 / toInt64 convert to what the runtime computes with, or say why they cannot.

import { ModelFormatError } from '../formatError';

/** The dtypes a checkpoint may hold, in safetensors' names (PyTorch storages map onto these: torchZip.ts). */
export type RawDtype = 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'U32' | 'I16' | 'I8' | 'U8' | 'BOOL';

export const DTYPE_BYTES: Record<RawDtype, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  U32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

export interface RawTensor {
  dtype: RawDtype;
  shape: number[];
  /** Exactly prod(shape) * DTYPE_BYTES[dtype] bytes, little-endian, row-major. */
  bytes: Uint8Array;
}

/** Tensors of one file by their name in it. */
export type RawTensors = Map<string, RawTensor>;

export const isFloatDtype = (d: RawDtype): boolean => d === 'F64' || d === 'F32' || d === 'F16' || d === 'BF16';

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** IEEE half -> float (subnormals, infinities and NaN included). */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/**
 * Float tensors as float32: F32 as is; F16, BF16 widened exactly; F64 rounded to the nearest float32 (what
 * PyTorch's .float() does). An integer or boolean tensor where a float weight is needed is refused.
 */
export function toFloat32(t: RawTensor, where: string): Float32Array {
  // F32: a copy of the bytes (every platform tfjs runs on is little-endian), aligned whatever the file's offset
  if (t.dtype === 'F32') return new Float32Array(t.bytes.slice().buffer);
  const n = elementCount(t.shape);
  const view = new DataView(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  const out = new Float32Array(n);
  switch (t.dtype) {
    case 'F64':
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(8 * i, true);
      return out;
    case 'F16':
      for (let i = 0; i < n; i++) out[i] = halfToFloat(view.getUint16(2 * i, true));
      return out;
    case 'BF16': {
      // bfloat16 is the top half of a float32's bits
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < n; i++) bits[i] = view.getUint16(2 * i, true) << 16;
      return out;
    }
    default:
      throw new ModelFormatError(
        `${where}: expected a floating-point tensor (F32, F16, BF16 or F64), found ${t.dtype}.`,
      );
  }
}

/** Integer buffers (Caduceus-ps complement_map) as int64; anything else is refused. */
export function toInt64(t: RawTensor, where: string): BigInt64Array {
  const n = elementCount(t.shape);
  const view = new DataView(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  const out = new BigInt64Array(n);
  if (t.dtype === 'I64') for (let i = 0; i < n; i++) out[i] = view.getBigInt64(8 * i, true);
  else if (t.dtype === 'I32') for (let i = 0; i < n; i++) out[i] = BigInt(view.getInt32(4 * i, true));
  else throw new ModelFormatError(`${where}: expected an integer tensor (I64 or I32), found ${t.dtype}.`);
  return out;
}
