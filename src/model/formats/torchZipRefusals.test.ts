// torch.save files a checkpoint reader must refuse, each with a ModelFormatError naming what is wrong: foreign
// content in the state dict, claims past the storage or the file, storages it does not hold, damaged zips.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../formatError';
import { f32Bytes, PickleWriter, stateDict, stateDictZip, torchZip, type TensorSpec } from './testPickles';
import { readTorchSave } from './torchZip';

const refusal = (bytes: Uint8Array): string => {
  try {
    readTorchSave(bytes, 'hand.ckpt');
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFormatError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('hand-built torch.save files: what is refused', () => {
  const one = { w: { key: '0', numel: 4, size: [4] } };
  const storage = { 0: f32Bytes([1, 2, 3, 4]) };

  it('a foreign object or a plain value in the state dict, naming the key', () => {
    const w = stateDict(new PickleWriter().proto(), one)
      .str('extra')
      .global('numpy.core.multiarray', '_reconstruct')
      .emptyTuple()
      .reduce()
      .setitem();
    expect(refusal(torchZip(w.stop().bytes(), storage))).toBe(
      'hand.ckpt: its state dict key extra holds an object ' +
        'built by numpy.core.multiarray._reconstruct (not run), not a tensor.',
    );
    const n = stateDict(new PickleWriter().proto(), one).str('step').int(7).setitem();
    expect(refusal(torchZip(n.stop().bytes(), storage))).toMatch(/key step holds a number, not a tensor/);
    const k = stateDict(new PickleWriter().proto(), one).int(7).str('v').setitem();
    expect(refusal(torchZip(k.stop().bytes(), storage))).toMatch(/has a key that is a number, not a name/);
    const l = new PickleWriter().proto().emptyDict().str('state_dict').emptyList().setitem().stop();
    expect(refusal(torchZip(l.bytes(), {}))).toMatch(/its state_dict is a list, not a dict of tensors/);
  });

  it('size claims past the storage, storage claims past the file, and expansions past the file', () => {
    const w = (spec: Partial<TensorSpec>) =>
      refusal(stateDictZip({ w: { key: '0', numel: 4, size: [4], ...spec } }, storage));
    expect(w({ size: [100000, 100000] })).toMatch(
      /key w: its tensor of size \[100000, 100000\].*reaches element 9999999999, but storage 0 holds 4/,
    );
    expect(w({ offset: 1 })).toMatch(/reaches element 4, but storage 0 holds 4/);
    expect(w({ numel: 1e9 })).toMatch(/storage 0 holds 16 bytes; its 1000000000 F32 elements need 4000000000/);
    expect(w({ size: [1e6], stride: [0] })).toMatch(/would copy 4000000 bytes, more than the file holds/);
  });

  it('storages it does not hold or read', () => {
    expect(refusal(stateDictZip(one, {}))).toMatch(/holds no archive\/data\/0, which its pickle refers to/);
    expect(
      refusal(stateDictZip({ w: { key: '0', numel: 2, size: [2], type: 'ComplexFloatStorage' } }, storage)),
    ).toMatch(/a storage of the class or function torch.ComplexFloatStorage; this app reads torch.DoubleStorage/);
    const pkl = stateDict(new PickleWriter().proto(), one).stop().bytes();
    const withOrder = (order: string) =>
      zipSync(
        {
          'archive/data.pkl': pkl,
          'archive/data/0': storage[0],
          'archive/byteorder': new TextEncoder().encode(order),
        },
        { level: 0 },
      );
    expect(refusal(withOrder('big'))).toMatch(/was saved on a big-endian machine/);
    expect(readTorchSave(withOrder('little'), 'x').size).toBe(1);
  });

  it('files that are not a torch.save zip, or are damaged', () => {
    const good = stateDictZip(one, storage);
    expect(refusal(new Uint8Array([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc]))).toMatch(
      /legacy torch.save file .* re-save it with torch >= 1.6/,
    );
    expect(refusal(new TextEncoder().encode('{"not": "a checkpoint"}'))).toMatch(/not a zip archive/);
    expect(refusal(good.subarray(0, good.length - 30))).toMatch(/not a zip archive|past the end/);
    expect(refusal(good.subarray(0, good.length / 2))).toMatch(/not a zip archive/);
    expect(refusal(zipSync({ 'model/weights.npy': new Uint8Array(4) }))).toMatch(/holds no <folder>\/data.pkl/);
    // a flipped bit in the tensor bytes: the CRC recorded in the archive catches it
    const damaged = good.slice();
    const at = Buffer.from(damaged).indexOf(Buffer.from(f32Bytes([1, 2, 3, 4])));
    damaged[at + 5] = damaged[at + 5]! ^ 0x10;
    expect(refusal(damaged)).toMatch(/entry archive\/data\/0 is damaged: its CRC-32 is 0x[0-9a-f]{8}, the archive/);
  });
});
