// The entries of a zip archive held in memory, as torch.save writes one: read from the central directory
// (zip64 included) with every offset checked against the file, each entry's bytes checked against its CRC-32.
// fflate's unzipSync neither exposes the CRCs nor bounds its reads, and a checkpoint whose tensor bytes
// changed must be refused rather than read; stored entries (all torch.save writes) come back as views.

import { inflateSync } from 'fflate';
import { ModelFormatError } from '../formatError';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A deflated entry may expand to at most this many times the whole file (torch.save never compresses). */
const MAX_INFLATION = 4;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Little-endian reads that refuse to leave the file. */
function reader(file: Uint8Array, fail: (msg: string) => never) {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const need = (at: number, n: number) => {
    if (!Number.isSafeInteger(at) || at < 0 || at + n > file.byteLength) {
      fail(
        `a zip record at byte ${at} lies past the end of the file (${file.byteLength} bytes): truncated ` +
          'or damaged.',
      );
    }
  };
  return {
    u16: (at: number) => (need(at, 2), view.getUint16(at, true)),
    u32: (at: number) => (need(at, 4), view.getUint32(at, true)),
    u64: (at: number) => (need(at, 8), Number(view.getBigUint64(at, true))),
    bytes: (at: number, n: number) => (need(at, n), file.subarray(at, at + n)),
  };
}

/** The archive's entries by name. */
export function readZipDirectory(file: Uint8Array, where: string): Map<string, ZipEntry> {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  const r = reader(file, fail);
  // the end-of-directory record sits in the last 22 bytes plus at most a 65,535-byte comment
  let eocd = -1;
  for (let at = file.byteLength - 22; at >= 0 && at >= file.byteLength - 22 - 0xffff; at--) {
    if (r.u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) fail('it is not a zip archive (no end-of-directory record): truncated, or not a torch.save file.');
  let count = r.u16(eocd + 10);
  let dirSize = r.u32(eocd + 12);
  let dirAt = r.u32(eocd + 16);
  if (eocd >= 20 && r.u32(eocd - 20) === 0x07064b50) {
    const z = r.u64(eocd - 12);
    if (r.u32(z) !== 0x06064b50) fail(`its zip64 directory record at byte ${z} is missing.`);
    [count, dirSize, dirAt] = [r.u64(z + 32), r.u64(z + 40), r.u64(z + 48)];
  }
  if (dirAt + dirSize > file.byteLength || count * 46 > dirSize) {
    fail(
      `its directory (${count} entries, ${dirSize} bytes at byte ${dirAt}) does not fit in the file ` +
        `(${file.byteLength} bytes).`,
    );
  }
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = dirAt;
  for (let i = 0; i < count; i++) {
    if (r.u32(at) !== 0x02014b50) fail(`directory entry ${i} at byte ${at} has no entry signature.`);
    const nameLen = r.u16(at + 28),
      extraLen = r.u16(at + 30);
    let size = r.u32(at + 24),
      compressedSize = r.u32(at + 20),
      localOffset = r.u32(at + 42);
    // zip64 sizes and offset, in this order, for the fields saturated at 0xffffffff
    for (let x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen; x += 4 + r.u16(x + 2)) {
      if (r.u16(x) !== 1) continue;
      let f = x + 4;
      if (size === 0xffffffff) {
        size = r.u64(f);
        f += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = r.u64(f);
        f += 8;
      }
      if (localOffset === 0xffffffff) localOffset = r.u64(f);
    }
    const name = names.decode(r.bytes(at + 46, nameLen));
    entries.set(name, { name, method: r.u16(at + 10), crc: r.u32(at + 16), compressedSize, size, localOffset });
    at += 46 + nameLen + extraLen + r.u16(at + 32);
  }
  return entries;
}

/** One entry's bytes, checked against its size and CRC-32. */
export function zipEntryBytes(file: Uint8Array, entry: ZipEntry, where: string): Uint8Array {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: entry ${entry.name} ${msg}`);
  };
  const r = reader(file, fail);
  const local = entry.localOffset;
  if (r.u32(local) !== 0x04034b50) fail(`has no local header at byte ${local} (damaged archive).`);
  const start = local + 30 + r.u16(local + 26) + r.u16(local + 28);
  const packed = r.bytes(start, entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) {
      fail(`is stored, yet its sizes differ (${entry.compressedSize} against ${entry.size}).`);
    }
    out = packed;
  } else if (entry.method === 8) {
    if (entry.size > MAX_INFLATION * file.byteLength) {
      fail(
        `claims to inflate to ${entry.size.toLocaleString('en-US')} bytes, more than ${MAX_INFLATION}x the whole ` +
          `file (${file.byteLength.toLocaleString('en-US')}).`,
      );
    }
    try {
      out = inflateSync(packed, { out: new Uint8Array(entry.size) });
    } catch (e) {
      return fail(`cannot be inflated: ${(e as Error).message}.`);
    }
    if (out.byteLength !== entry.size) {
      fail(`inflates to ${out.byteLength} bytes, but the directory says ${entry.size}.`);
    }
  } else {
    return fail(
      `uses compression method ${entry.method}; torch.save writes stored (0) entries and this reader ` +
        'also inflates deflate (8).',
    );
  }
  // torch.save may be told not to compute CRCs (torch.serialization.set_crc32_options), which leaves them 0
  const crc = crc32(out);
  if (entry.crc !== 0 && crc !== entry.crc) {
    fail(`is damaged: its CRC-32 is ${hex(crc)}, the archive recorded ${hex(entry.crc)}.`);
  }
  return out;
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
