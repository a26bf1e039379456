// Reads a torch.save file (the zip format of torch >= 1.6: pytorch_model.bin, a Lightning .ckpt): <prefix>/data.pkl
// unpickled with only the globals a state dict needs, its persistent ids resolved to <prefix>/data/<key> storages,
// tensors rebuilt from (storage, offset, size, stride). A Lightning checkpoint's state_dict is taken; its optimizer,
// loop and hyper-parameter entries stay inert and unread.

import { ModelFormatError } from '../formatError';
import { unpickle, type Callable } from './pickle';
import { describePickle, isTuple, Native, PickleGlobal, type PickleValue } from './pickleValues';
import { DTYPE_BYTES, type RawDtype, type RawTensor, type RawTensors } from './rawTensor';
import { readZipDirectory, zipEntryBytes, type ZipEntry } from './zipArchive';

/** torch.<Name>Storage classes and the dtype of their elements. */
const STORAGE_DTYPES: Readonly<Record<string, RawDtype>> = {
  DoubleStorage: 'F64',
  FloatStorage: 'F32',
  HalfStorage: 'F16',
  BFloat16Storage: 'BF16',
  LongStorage: 'I64',
  IntStorage: 'I32',
  ShortStorage: 'I16',
  CharStorage: 'I8',
  ByteStorage: 'U8',
  BoolStorage: 'BOOL',
};
const STORAGE_LIST = Object.keys(STORAGE_DTYPES)
  .map((s) => `torch.${s}`)
  .join(', ');

/** One <prefix>/data/<key> entry; its bytes are read (and CRC-checked) only if a state-dict tensor uses it. */
class Storage extends Native {
  private loaded?: Uint8Array;
  constructor(
    readonly key: string,
    readonly dtype: RawDtype,
    readonly numel: number,
    private readonly load: () => Uint8Array,
  ) {
    super();
  }
  bytes(): Uint8Array {
    return (this.loaded ??= this.load());
  }
  describe(): string {
    return `a storage (torch ${this.dtype})`;
  }
}

/** _rebuild_tensor_v2's arguments, checked when the tensor is read. */
class TensorRef extends Native {
  raw?: RawTensor;
  constructor(readonly args: PickleValue[]) {
    super();
  }
  describe(): string {
    return 'a tensor';
  }
}

const isCount = (v: PickleValue): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const LEGACY =
  'a legacy torch.save file (the format before torch 1.6); re-save it with torch >= 1.6: ' +
  'torch.save(torch.load(path), path)';

/** The tensors of a torch.save file: its state dict, or a Lightning checkpoint's state_dict entry. */
export function readTorchSave(file: Uint8Array, where: string): RawTensors {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  if (file[0] === 0x80) fail(`the file is ${LEGACY}.`); // a pickle protocol opcode, not a zip signature
  const tar = file.byteLength > 262 && String.fromCharCode(...file.subarray(257, 262)) === 'ustar';
  if (tar) fail(`the file is ${LEGACY} (a tar archive).`);
  const entries = readZipDirectory(file, where);
  const pkls = [...entries.keys()].filter((n) => /^[^/]+\/data\.pkl$/.test(n));
  if (pkls.length === 0) fail('the file is a zip archive but holds no <folder>/data.pkl: not a torch.save checkpoint.');
  if (pkls.length > 1) fail(`the archive holds ${pkls.length} pickles (${pkls.join(', ')}); torch.save writes one.`);
  const prefix = pkls[0]!.slice(0, -'data.pkl'.length);
  const entry = (name: string): ZipEntry =>
    entries.get(prefix + name) ?? fail(`the archive holds no ${prefix}${name}, which its pickle refers to.`);
  const order = entries.get(`${prefix}byteorder`);
  if (order && new TextDecoder().decode(zipEntryBytes(file, order, where)) !== 'little') {
    fail('the file was saved on a big-endian machine; this app reads little-endian tensors.');
  }

  const storages = new Map<string, Storage>();
  const persistentLoad = (pid: PickleValue): PickleValue => {
    if (!isTuple(pid) || pid.length !== 5 || pid[0] !== 'storage') {
      fail(
        `data.pkl refers to ${describePickle(pid)} outside the pickle; torch.save refers only to ` +
          `('storage', type, key, location, size).`,
      );
    }
    const [, type, key, , numel] = pid as PickleValue[];
    const named = type instanceof PickleGlobal && type.module === 'torch' && Object.hasOwn(STORAGE_DTYPES, type.name);
    if (!named) fail(`data.pkl holds a storage of ${describePickle(type!)}; this app reads ${STORAGE_LIST}.`);
    const dtype = STORAGE_DTYPES[(type as PickleGlobal).name]!;
    if (typeof key !== 'string' || !isCount(numel!)) {
      fail(`data.pkl has a storage whose key ${JSON.stringify(key)} or size ${String(numel)} is invalid.`);
    }
    const [k, n] = [key as string, numel as number];
    const known = storages.get(k);
    if (known) {
      if (known.dtype === dtype && known.numel === n) return known;
      fail(`storage ${k} is read both as ${known.dtype} x ${known.numel} and as ${dtype} x ${n}.`);
    }
    const e = entry(`data/${k}`);
    const need = n * DTYPE_BYTES[dtype];
    if (e.size !== need) fail(`storage ${k} holds ${e.size} bytes; its ${n} ${dtype} elements need ${need}.`);
    const s = new Storage(k, dtype, n, () => zipEntryBytes(file, e, where));
    storages.set(k, s);
    return s;
  };
  const passData: Callable = (args) => args[0] ?? null; // a Parameter is its data; grad flags and hooks are not kept
  const orderedDict: Callable = (args) =>
    args.length === 0 ? new Map() : fail('data.pkl builds an OrderedDict from arguments, which torch.save never does.');
  const callables = new Map<string, Callable>([
    ['collections.OrderedDict', orderedDict],
    ['torch._utils._rebuild_tensor_v2', (args) => new TensorRef(args)],
    ['torch._utils._rebuild_parameter', passData],
    ['torch._utils._rebuild_parameter_with_state', passData],
  ]);
  const pkl = zipEntryBytes(file, entry('data.pkl'), where);
  const root = unpickle(pkl, { where: `${where}: ${prefix}data.pkl`, callables, persistentLoad });

  if (!(root instanceof Map)) return fail(`the file holds ${describePickle(root)}, not a state dict.`);
  const lightning = root.has('state_dict');
  const dict = lightning ? root.get('state_dict')! : root;
  const dictName = lightning ? 'its state_dict' : 'its state dict';
  if (!(dict instanceof Map)) return fail(`${dictName} is ${describePickle(dict)}, not a dict of tensors.`);
  const budget = { copyBytes: file.byteLength }; // non-contiguous tensors are copied: at most the file's size in all
  const out: RawTensors = new Map();
  for (const [key, value] of dict) {
    if (typeof key !== 'string') return fail(`${dictName} has a key that is ${describePickle(key)}, not a name.`);
    if (!(value instanceof TensorRef)) fail(`${dictName} key ${key} holds ${describePickle(value)}, not a tensor.`);
    const t = value as TensorRef;
    out.set(key, (t.raw ??= rebuild(t.args, `${where}: key ${key}`, budget)));
  }
  return out;
}

/** The tensor _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata]) describes. */
function rebuild(args: PickleValue[], where: string, budget: { copyBytes: number }): RawTensor {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  const [storage, offset, size, stride] = args;
  if (args.length < 6 || !(storage instanceof Storage)) {
    fail('its tensor is not rebuilt from a storage, offset, size and stride.');
  }
  const counts = (v: PickleValue | undefined): v is number[] => v !== undefined && isTuple(v) && v.every(isCount);
  if (!isCount(offset!) || !counts(size) || !counts(stride) || size.length !== stride.length) {
    return fail(
      `its tensor has offset ${String(offset)}, size ${describePickle(size!)} and stride ` +
        `${describePickle(stride!)}; expected counts, one stride per dimension.`,
    );
  }
  const { dtype, key, numel: held } = storage as Storage;
  const es = DTYPE_BYTES[dtype];
  const shape = [...size];
  const numel = shape.reduce((a, b) => a * b, 1);
  const shapeText = `[${shape.join(', ')}]`;
  if (numel === 0) return { dtype, shape, bytes: new Uint8Array(0) };
  const last = offset + shape.reduce((a, d, i) => a + (d - 1) * stride[i]!, 0);
  if (!Number.isSafeInteger(numel) || !Number.isSafeInteger(last) || last >= held) {
    fail(
      `its tensor of size ${shapeText}, stride [${stride.join(', ')}] at offset ${offset} reaches element ${last}, ` +
        `but storage ${key} holds ${held}.`,
    );
  }
  // row-major strides; a dimension of size 1 may carry any stride
  let expect = 1;
  let contiguous = true;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && stride[i] !== expect) contiguous = false;
    expect *= shape[i]!;
  }
  const src = (storage as Storage).bytes();
  if (contiguous) return { dtype, shape, bytes: src.subarray(offset * es, (offset + numel) * es) };
  if (numel * es > budget.copyBytes) {
    fail(`its non-contiguous tensor of size ${shapeText} would copy ${numel * es} bytes, more than the file holds.`);
  }
  budget.copyBytes -= numel * es;
  const bytes = new Uint8Array(numel * es);
  const index = new Array<number>(shape.length).fill(0);
  let from = offset;
  for (let n = 0; n < numel; n++) {
    bytes.set(src.subarray(from * es, (from + 1) * es), n * es);
    for (let d = shape.length - 1; d >= 0; d--) {
      // odometer over the index, last dimension fastest
      from += stride[d]!;
      if (++index[d]! < shape[d]!) break;
      from -= stride[d]! * shape[d]!;
      index[d] = 0;
    }
  }
  return { dtype, shape, bytes };
}
