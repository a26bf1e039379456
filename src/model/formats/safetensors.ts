// Reads a .safetensors file held in memory: an 8-byte little-endian header length, a JSON header (name ->
// dtype, shape, data_offsets), then the tensor bytes. @huggingface/hub's parseSafetensorsMetadata reads only
// from a Hub repository over HTTP range requests; a dropped folder or a cached download is bytes in memory,
// so the header is read here, checked against the file before anything is allocated.

import { ModelFormatError } from '../formatError';
import { DTYPE_BYTES, elementCount, type RawDtype, type RawTensors } from './rawTensor';

/** Header lengths above this are refused before decoding: real headers are tens of KB. */
const MAX_HEADER_BYTES = 100 * 1024 * 1024;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readSafetensors(file: Uint8Array, name: string): RawTensors {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${name}: ${msg}`);
  };
  if (file.byteLength < 8) fail(`the file is ${file.byteLength} bytes long, too short for a safetensors header.`);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLen = Number(view.getBigUint64(0, true));
  if (headerLen > file.byteLength - 8 || headerLen > MAX_HEADER_BYTES) {
    fail(
      `its header claims ${headerLen.toLocaleString('en-US')} bytes, but the file holds only ${(file.byteLength - 8).toLocaleString('en-US')} after the length (truncated or not a safetensors file).`,
    );
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(8, 8 + headerLen)));
  } catch {
    fail('its header is not valid JSON (not a safetensors file, or damaged).');
  }
  if (!isObj(header)) return fail('its header is not a JSON object.');
  const data = file.subarray(8 + headerLen);
  const out: RawTensors = new Map();
  for (const [key, spec] of Object.entries(header)) {
    if (key === '__metadata__') continue;
    if (!isObj(spec)) fail(`tensor ${key} has no dtype, shape and data_offsets.`);
    const s = spec as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof s.dtype !== 'string' || !Object.hasOwn(DTYPE_BYTES, s.dtype))
      fail(`tensor ${key} has dtype ${JSON.stringify(s.dtype)}, which this app does not read.`);
    const dtype = s.dtype as RawDtype;
    if (!Array.isArray(s.shape) || !s.shape.every((d) => Number.isInteger(d) && d >= 0))
      fail(`tensor ${key} has an invalid shape ${JSON.stringify(s.shape)}.`);
    const shape = s.shape as number[];
    const off = s.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((o) => Number.isInteger(o) && o >= 0) || off[0] > off[1])
      fail(`tensor ${key} has invalid data_offsets ${JSON.stringify(off)}.`);
    const [begin, end] = off as [number, number];
    const expected = elementCount(shape) * DTYPE_BYTES[dtype];
    if (end - begin !== expected)
      fail(
        `tensor ${key} (${dtype} ${JSON.stringify(shape)}) needs ${expected} bytes, but its data_offsets span ${end - begin}.`,
      );
    if (end > data.byteLength)
      fail(
        `tensor ${key} ends at byte ${end} of the data, but the file holds ${data.byteLength} (the file is truncated).`,
      );
    out.set(key, { dtype, shape, bytes: data.subarray(begin, end) });
  }
  return out;
}
