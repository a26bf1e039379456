// Hand-built pickles, torch.save zips and safetensors files for the reader tests, written opcode by opcode the
// way Python's pickle (protocol 2) and torch.save lay them out, so each refusal is tested on known bytes.

import { zipSync } from 'fflate';

export class PickleWriter {
  private readonly out: number[] = [];

  op(...bytes: number[]): this {
    this.out.push(...bytes);
    return this;
  }
  proto(p = 2): this {
    return this.op(0x80, p);
  }
  mark(): this {
    return this.op(0x28);
  }
  stop(): this {
    return this.op(0x2e);
  }
  none(): this {
    return this.op(0x4e);
  }
  bool(b: boolean): this {
    return this.op(b ? 0x88 : 0x89);
  }
  emptyTuple(): this {
    return this.op(0x29);
  }
  emptyDict(): this {
    return this.op(0x7d);
  }
  emptyList(): this {
    return this.op(0x5d);
  }
  tuple(): this {
    return this.op(0x74);
  }
  reduce(): this {
    return this.op(0x52);
  }
  build(): this {
    return this.op(0x62);
  }
  setitem(): this {
    return this.op(0x73);
  }
  setitems(): this {
    return this.op(0x75);
  }
  appends(): this {
    return this.op(0x65);
  }
  persid(): this {
    return this.op(0x51);
  }
  put(i: number): this {
    return this.op(0x71, i);
  }
  get(i: number): this {
    return this.op(0x68, i);
  }
  /** BININT: a signed 32-bit integer. */
  int(n: number): this {
    const b = new Uint8Array(new Int32Array([n]).buffer);
    return this.op(0x4a, ...b);
  }
  float(x: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, x, false);
    return this.op(0x47, ...b);
  }
  str(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.op(0x58, ...new Uint8Array(new Uint32Array([b.length]).buffer), ...b);
  }
  global(module: string, name: string): this {
    return this.op(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  }
  /** A tuple of ints, as MARK ... TUPLE. */
  ints(xs: readonly number[]): this {
    this.mark();
    xs.forEach((x) => this.int(x));
    return this.tuple();
  }
  /** An empty OrderedDict, as torch.save writes one. */
  orderedDict(): this {
    return this.global('collections', 'OrderedDict').emptyTuple().reduce();
  }
  /** _rebuild_tensor_v2(('storage', torch.<type>, key, 'cpu', numel), offset, size, stride, False, OrderedDict()). */
  tensor(t: TensorSpec): this {
    this.global('torch._utils', '_rebuild_tensor_v2').mark();
    this.mark()
      .str('storage')
      .global('torch', t.type ?? 'FloatStorage')
      .str(t.key)
      .str('cpu')
      .int(t.numel)
      .tuple();
    this.persid();
    const size = t.size,
      stride = t.stride ?? contiguousStrides(size);
    return this.int(t.offset ?? 0)
      .ints(size)
      .ints(stride)
      .bool(false)
      .orderedDict()
      .tuple()
      .reduce();
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.out);
  }
}

export interface TensorSpec {
  key: string;
  numel: number;
  size: readonly number[];
  stride?: readonly number[];
  offset?: number;
  type?: string;
}

function contiguousStrides(size: readonly number[]): number[] {
  const s = size.map(() => 1);
  for (let i = size.length - 2; i >= 0; i--) s[i] = s[i + 1]! * size[i + 1]!;
  return s;
}

/** A state dict of tensors: OrderedDict() then SETITEMS of name, tensor pairs (no STOP: callers add it). */
export function stateDict(w: PickleWriter, tensors: Record<string, TensorSpec>): PickleWriter {
  w.orderedDict().mark();
  for (const [name, t] of Object.entries(tensors)) w.str(name).tensor(t);
  return w.setitems();
}

/** A torch.save zip: <prefix>/data.pkl, <prefix>/data/<key> for each storage, <prefix>/version, stored uncompressed. */
export function torchZip(pkl: Uint8Array, storages: Record<string, Uint8Array>, prefix = 'archive'): Uint8Array {
  const files: Record<string, Uint8Array> = { [`${prefix}/data.pkl`]: pkl };
  for (const [k, v] of Object.entries(storages)) files[`${prefix}/data/${k}`] = v;
  files[`${prefix}/version`] = new TextEncoder().encode('3\n');
  return zipSync(files, { level: 0 });
}

/** A zip holding one state dict of float32 tensors over the given storages. */
export const stateDictZip = (tensors: Record<string, TensorSpec>, storages: Record<string, Uint8Array>) =>
  torchZip(stateDict(new PickleWriter().proto(), tensors).stop().bytes(), storages);

export const f32Bytes = (xs: readonly number[]) => new Uint8Array(new Float32Array(xs).buffer);

/** A safetensors file of the given tensors (dtype, shape, bytes), laid out in order. */
export function safetensorsFile(tensors: Record<string, { dtype: string; shape: number[]; bytes: Uint8Array }>) {
  const header: Record<string, unknown> = {};
  let at = 0;
  for (const [k, t] of Object.entries(tensors)) {
    header[k] = { dtype: t.dtype, shape: t.shape, data_offsets: [at, at + t.bytes.byteLength] };
    at += t.bytes.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + at);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let p = 8 + json.length;
  for (const t of Object.values(tensors)) {
    out.set(t.bytes, p);
    p += t.bytes.byteLength;
  }
  return out;
}
