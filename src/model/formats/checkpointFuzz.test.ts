// Property tests: a damaged checkpoint is refused with a ModelFormatError, never another exception and never a
// hang. A torch.save zip records a CRC-32 per entry, so a damaged one is refused or reads exactly as the original;
// a re-zipped damaged pickle or a damaged safetensors file (no checksum) must at least read to well-formed tensors.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../formatError';
import { readCheckpoint } from './checkpoint';
import { DTYPE_BYTES, elementCount, type RawTensors } from './rawTensor';
import { readZipDirectory, zipEntryBytes } from './zipArchive';

const REF = '/work/shared/reference-models';
/** Longest a read of one of these files may take, damaged or not; the originals read in tens of milliseconds. */
const MAX_MS = 2000;

type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; n: number };

/** Positions anywhere, and more often in the structure: the pickle at the start, the directory at the end. */
const position = (len: number) =>
  fc.oneof(
    fc.nat(len - 1),
    fc.nat(Math.min(8192, len - 1)),
    fc.integer({ min: Math.max(0, len - 6144), max: len - 1 }),
  );
const mutation = (len: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: position(len), xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: position(len) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: position(len),
      bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant('delete' as const), at: position(len), n: fc.integer({ min: 1, max: 8 }) }),
  );

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

function apply(file: Uint8Array, ms: Mutation[]): Uint8Array {
  let out = file.slice();
  for (const m of ms) {
    const at = Math.min(m.at, out.length);
    if (m.kind === 'flip' && at < out.length) out[at] = out[at]! ^ m.xor;
    else if (m.kind === 'cut') out = out.slice(0, at);
    else if (m.kind === 'insert') out = concat(out.subarray(0, at), Uint8Array.from(m.bytes), out.subarray(at));
    else if (m.kind === 'delete') out = concat(out.subarray(0, at), out.subarray(at + m.n));
  }
  return out;
}

/** The tensors, or undefined when refused with a ModelFormatError; any other exception or a slow read fails. */
function attempt(name: string, bytes: Uint8Array): RawTensors | undefined {
  const t0 = performance.now();
  try {
    return readCheckpoint(name, bytes);
  } catch (e) {
    if (!(e instanceof ModelFormatError)) throw e;
    expect(e.message.length).toBeGreaterThan(20);
    return undefined;
  } finally {
    expect(performance.now() - t0).toBeLessThan(MAX_MS);
  }
}

const wellFormed = (t: RawTensors) => {
  for (const r of t.values()) expect(r.bytes.byteLength).toBe(elementCount(r.shape) * DTYPE_BYTES[r.dtype]);
};
const identical = (a: RawTensors, b: RawTensors) => {
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [k, t] of a) {
    const o = b.get(k)!;
    expect([t.dtype, t.shape]).toEqual([o.dtype, o.shape]);
    expect(Buffer.from(t.bytes).equals(Buffer.from(o.bytes))).toBe(true);
  }
};

describe('damaged checkpoints', () => {
  const zips = ['gpn-convnet/pytorch_model.bin', 'hyenadna-original/weights.ckpt'];
  const safetensors = ['gpn-convnet', 'hyenadna-hf', 'caduceus-ps'].map((d) => `${d}/model.safetensors`);

  it.each(zips)('%s: refused, or read exactly as the original', (path) => {
    const file = new Uint8Array(readFileSync(`${REF}/${path}`));
    const original = readCheckpoint(path, file);
    let refused = 0;
    fc.assert(
      fc.property(fc.array(mutation(file.length), { minLength: 1, maxLength: 3 }), (ms) => {
        const got = attempt(path, apply(file, ms));
        if (got) identical(got, original);
        else refused++;
      }),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(100); // the mutations reach the checks, not only bytes nothing reads
  });

  it.each(zips)('%s: a damaged pickle, re-zipped with fresh CRCs, is refused or reads well-formed tensors', (path) => {
    const file = new Uint8Array(readFileSync(`${REF}/${path}`));
    const entries = readZipDirectory(file, path);
    const files = Object.fromEntries([...entries.values()].map((e) => [e.name, zipEntryBytes(file, e, path)]));
    const pklName = [...entries.keys()].find((n) => n.endsWith('/data.pkl'))!;
    const pkl = files[pklName]!;
    let read = 0;
    fc.assert(
      fc.property(fc.array(mutation(pkl.length), { minLength: 1, maxLength: 3 }), (ms) => {
        const got = attempt(path, zipSync({ ...files, [pklName]: apply(pkl, ms) }, { level: 0 }));
        if (got) {
          wellFormed(got);
          read++;
        }
      }),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(0); // some damage (a changed key or value) still leaves a readable pickle
  });

  it.each(safetensors)('%s: refused, or reads well-formed tensors', (path) => {
    const file = new Uint8Array(readFileSync(`${REF}/${path}`));
    fc.assert(
      fc.property(fc.array(mutation(file.length), { minLength: 1, maxLength: 3 }), (ms) => {
        const got = attempt(path, apply(file, ms));
        if (got) wellFormed(got);
      }),
      { numRuns: 300 },
    );
  });
});
