// Packs a sequence at 2 bits per base, with N runs and soft-masked (lower-case) runs as exceptions.

const CODE: Record<string, number> = { A: 0, C: 1, G: 2, T: 3 };

export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;
  private grow(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number) {
    this.grow(1);
    this.buf[this.length++] = b;
  }
  bytes(b: Uint8Array) {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** Unsigned LEB128. */
  varint(n: number) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`varint out of range: ${n}`);
    while (n >= 0x80) {
      this.byte((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.byte(n);
  }
  /** Big-endian, 4 bytes. */
  uint32(n: number) {
    for (const shift of [24, 16, 8, 0]) this.byte((n >>> shift) & 0xff);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.buf.length) throw new RangeError('the data ends early');
    return this.buf[this.pos++]!;
  }
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new RangeError('the data ends early');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  varint(): number {
    let n = 0,
      scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
    throw new RangeError('a number in the data is too long');
  }
  uint32(): number {
    let n = 0;
    for (let i = 0; i < 4; i++) n = n * 256 + this.byte();
    return n;
  }
  get done(): boolean {
    return this.pos === this.buf.length;
  }
}

function runs(length: number, test: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < length;) {
    if (!test(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < length && test(j)) j++;
    out.push([i, j - i]);
    i = j;
  }
  return out;
}

/** sequence: upper-case ACGTN; softMasked: 1 where the input was lower case. */
export function packSequence(w: ByteWriter, sequence: string, softMasked?: Uint8Array): void {
  const L = sequence.length;
  w.varint(L);
  const packed = new Uint8Array(Math.ceil(L / 4));
  for (let i = 0; i < L; i++) packed[i >> 2]! |= (CODE[sequence[i]!] ?? 0) << ((i & 3) * 2);
  w.bytes(packed);
  for (const rs of [runs(L, (i) => sequence[i] === 'N'), runs(L, (i) => softMasked?.[i] === 1)]) {
    w.varint(rs.length);
    let prev = 0;
    for (const [s, n] of rs) {
      w.varint(s - prev);
      w.varint(n);
      prev = s + n;
    } // gaps keep numbers small
  }
}

export function unpackSequence(r: ByteReader, maxLength: number): { sequence: string; softMasked: Uint8Array } {
  const L = r.varint();
  if (L > maxLength)
    throw new RangeError(
      `the sequence is ${L.toLocaleString('en-US')} bases, over the limit of ${maxLength.toLocaleString('en-US')}`,
    );
  const packed = r.bytes(Math.ceil(L / 4));
  const chars = new Array<string>(L);
  for (let i = 0; i < L; i++) chars[i] = 'ACGT'[(packed[i >> 2]! >> ((i & 3) * 2)) & 3]!;
  const softMasked = new Uint8Array(L);
  for (let kind = 0; kind < 2; kind++) {
    const n = r.varint();
    if (n > L) throw new RangeError('too many runs');
    let pos = 0;
    for (let k = 0; k < n; k++) {
      const start = pos + r.varint();
      const len = r.varint();
      if (len === 0 || start + len > L) throw new RangeError('a run lies outside the sequence');
      for (let i = start; i < start + len; i++) {
        if (kind === 0) chars[i] = 'N';
        else softMasked[i] = 1;
      }
      pos = start + len;
    }
  }
  return { sequence: chars.join(''), softMasked };
}
