// The primitives a pickle is made of (integers, strings, byte runs, newline-ended names), each read checked
// against the file; a failure names the opcode being read and its offset.

import { ModelFormatError } from '../formatError';

/** Widest LONG1 / LONG4 integer read (sizes and offsets fit in 8 bytes). */
const MAX_INT_BYTES = 64;

export class PickleBytes {
  /** Offset of the next byte to read. */
  pos = 0;
  /** Offset of the opcode being read, for messages. */
  op = 0;
  private readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(
    readonly bytes: Uint8Array,
    /** Name of the file, for messages. */
    readonly where: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.pos >= this.bytes.byteLength;
  }

  fail(msg: string): never {
    const { bytes, op } = this;
    const code = op < bytes.byteLength ? `opcode 0x${bytes[op]!.toString(16).padStart(2, '0')} ` : '';
    throw new ModelFormatError(`${this.where}: pickle ${code}at byte ${op}: ${msg}`);
  }

  /** Offset of the next n bytes, which the read then passes. */
  take(n: number): number {
    const left = this.bytes.byteLength - this.pos;
    if (n > left) {
      this.fail(
        `it claims ${n.toLocaleString('en-US')} bytes, but only ${left.toLocaleString('en-US')} remain (truncated ` +
          'or damaged).',
      );
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(): number {
    return this.bytes[this.take(1)]!;
  }

  u16(): number {
    return this.view.getUint16(this.take(2), true);
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  i32(): number {
    return this.view.getInt32(this.take(4), true);
  }

  /** An 8-byte length, refused when longer than the whole file. */
  u64(): number {
    const n = this.view.getBigUint64(this.take(8), true);
    return n > BigInt(this.bytes.byteLength) ? this.fail(`it claims ${n} bytes, more than the whole file.`) : Number(n);
  }

  /** BINFLOAT: big-endian. */
  f64(): number {
    return this.view.getFloat64(this.take(8), false);
  }

  /** The next n bytes, as a view of the file. */
  raw(n: number): Uint8Array {
    return this.bytes.subarray(this.take(n), this.pos);
  }

  text(n: number): string {
    const at = this.take(n);
    try {
      return this.utf8.decode(this.bytes.subarray(at, at + n));
    } catch {
      return this.fail('its string is not valid UTF-8.');
    }
  }

  /** A Python 2 str. */
  latin1(n: number): string {
    const at = this.take(n);
    let s = '';
    for (let i = at; i < this.pos; i++) s += String.fromCharCode(this.bytes[i]!);
    return s;
  }

  /** A name up to the next newline (GLOBAL). */
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) this.fail('its name runs to the end of the file without a newline.');
    const s = this.text(end - this.pos);
    this.pos++;
    return s;
  }

  /** An n-byte little-endian two's complement integer, as LONG1 / LONG4 store it. */
  signed(n: number): number | bigint {
    // wider is refused: the loop below is quadratic
    if (n > MAX_INT_BYTES) this.fail(`it holds a ${n}-byte integer; this reader takes at most ${MAX_INT_BYTES} bytes.`);
    const at = this.take(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.bytes[at + i]!);
    if (n > 0 && this.bytes[at + n - 1]! >= 0x80) v -= 1n << BigInt(8 * n);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }
}
