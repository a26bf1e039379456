// Choosing and reading a published folder's weight file: each fixture folder, safetensors shards, and refusals.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../formatError';
import { findWeightsFile, readCheckpoint, readShardedSafetensors, shardNames } from './checkpoint';
import { toFloat32, type RawTensors } from './rawTensor';
import { safetensorsFile } from './testPickles';

const REF = '/work/shared/reference-models';
const bytesOf = (p: string) => new Uint8Array(readFileSync(`${REF}/${p}`));
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};
const same = (a: RawTensors, b: RawTensors) => {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [k, t] of a) expect(Buffer.from(t.bytes).equals(Buffer.from(b.get(k)!.bytes)), k).toBe(true);
};

describe('findWeightsFile', () => {
  it("picks each fixture folder's file, safetensors first", () => {
    const pick = (dir: string) => findWeightsFile(readdirSync(`${REF}/${dir}`), dir);
    expect(pick('gpn-convnet')).toEqual({ kind: 'file', file: 'model.safetensors' });
    expect(pick('hyenadna-original')).toEqual({ kind: 'file', file: 'weights.ckpt' });
    expect(pick('caduceus-ps')).toEqual({ kind: 'file', file: 'model.safetensors' });
    const find = (...names: string[]) => findWeightsFile(['config.json', ...names], 'x');
    expect(find('pytorch_model.bin', 'weights.ckpt')).toEqual({ kind: 'file', file: 'pytorch_model.bin' });
    expect(find('model.safetensors.index.json', 'model-00001-of-00002.safetensors', 'pytorch_model.bin')).toEqual({
      kind: 'sharded',
      index: 'model.safetensors.index.json',
    });
    expect(find('last.ckpt', 'README.md')).toEqual({ kind: 'file', file: 'last.ckpt' });
  });

  it('says what a folder lacks', () => {
    const find = (...names: string[]) => refusal(() => findWeightsFile(names, 'my-model'));
    expect(find('model.safetensors')).toMatch(/^my-model: no config.json \(it holds model.safetensors\); a published/);
    expect(find('config.json', 'README.md')).toMatch(/no weight file \(it holds config.json, README.md\)/);
    expect(find('config.json', 'a.ckpt', 'b.ckpt')).toMatch(/several checkpoints \(a.ckpt, b.ckpt\)/);
  });
});

describe('readCheckpoint', () => {
  it('reads each fixture by its name; pytorch_model.bin and model.safetensors agree', () => {
    same(
      readCheckpoint('gpn-convnet/pytorch_model.bin', bytesOf('gpn-convnet/pytorch_model.bin')),
      readCheckpoint('gpn-convnet/model.safetensors', bytesOf('gpn-convnet/model.safetensors')),
    );
    expect(readCheckpoint('weights.ckpt', bytesOf('hyenadna-original/weights.ckpt')).size).toBe(60);
    expect(readCheckpoint('model.safetensors', bytesOf('caduceus-ps/model.safetensors')).size).toBeGreaterThan(0);
  });

  it('refuses a file by what is wrong with it', () => {
    const st = bytesOf('gpn-convnet/model.safetensors');
    const long = st.slice();
    new DataView(long.buffer).setBigUint64(0, BigInt(st.length), true); // header longer than the file
    expect(refusal(() => readCheckpoint('model.safetensors', long))).toMatch(
      /its header claims 175,716 bytes, but the file holds only 175,708/,
    );
    expect(refusal(() => readCheckpoint('model.safetensors', bytesOf('gpn-convnet/pytorch_model.bin')))).toMatch(
      /is a zip archive \(a torch.save file\?\), not safetensors/,
    );
    expect(refusal(() => readCheckpoint('pytorch_model.bin', st))).toMatch(/pytorch_model.bin: .*not a zip archive/);
    expect(refusal(() => readCheckpoint('model.onnx', st))).toMatch(/not a weight file this app reads/);
    expect(refusal(() => readCheckpoint('model.safetensors.index.json', st))).toMatch(/index of a sharded/);
  });

  it('fp16 and bf16 safetensors come out as such and widen exactly to float32', () => {
    const u16 = (xs: number[]) => new Uint8Array(new Uint16Array(xs).buffer);
    const t = readCheckpoint(
      'model.safetensors',
      safetensorsFile({
        h: { dtype: 'F16', shape: [2, 2], bytes: u16([0x3c00, 0xc000, 0x7bff, 0x0001]) },
        b: { dtype: 'BF16', shape: [3], bytes: u16([0x3f80, 0x4049, 0xc2f7]) },
      }),
    );
    expect(t.get('h')!.dtype).toBe('F16');
    expect([...toFloat32(t.get('h')!, 'h')]).toEqual([1, -2, 65504, 2 ** -24]);
    expect([...toFloat32(t.get('b')!, 'b')]).toEqual([1, 3.140625, -123.5]);
  });
});

describe('sharded safetensors', () => {
  const whole = readCheckpoint('model.safetensors', bytesOf('gpn-convnet/model.safetensors'));
  const keys = [...whole.keys()];
  const half = (ks: string[]) => safetensorsFile(Object.fromEntries(ks.map((k) => [k, whole.get(k)!])));
  const [one, two] = ['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors'];
  const shards = new Map([
    [one, half(keys.slice(0, 20))],
    [two, half(keys.slice(20))],
  ]);
  const weightMap = Object.fromEntries(keys.map((k, i) => [k, i < 20 ? one : two]));
  const index = { metadata: { total_size: 0 }, weight_map: weightMap };

  it('reads the same tensors as the single file', () => {
    expect(shardNames(index, 'idx')).toEqual(['model-00001-of-00002.safetensors', 'model-00002-of-00002.safetensors']);
    same(readShardedSafetensors(index, shards, 'idx'), whole);
  });

  it('refuses an index and shards that disagree', () => {
    const sharded = (idx: unknown, files = shards) => refusal(() => readShardedSafetensors(idx, files, 'idx'));
    const moved = { weight_map: { ...index.weight_map, [keys[0]!]: two } };
    expect(sharded(moved)).toBe(`${one}: holds ${keys[0]}, which idx puts in ${two}.`);
    const { [keys[5]!]: _, ...fewer } = index.weight_map;
    expect(sharded({ weight_map: fewer })).toMatch(/which idx does not list/);
    const extra = { weight_map: { ...index.weight_map, 'ghost.weight': two } };
    expect(sharded(extra)).toBe(`idx: lists ghost.weight in ${two}, but that shard does not hold it.`);
    expect(sharded(index, new Map([[one, shards.get(one)!]]))).toMatch(`names the shard ${two}, which the folder does`);
    const escape = { weight_map: { a: '../../etc/passwd.safetensors' } };
    expect(refusal(() => shardNames(escape, 'idx'))).toMatch(/not a .safetensors file of the folder/);
    expect(refusal(() => shardNames([], 'idx'))).toMatch(/has no weight_map object/);
  });
});
