// torch.save files: the published fixtures (checked against their safetensors twin and their own ties) and
// hand-built zips for each kind of content a checkpoint may carry (torchZipRefusals.test.ts: what it must not).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toFloat32, type RawTensor } from './rawTensor';
import { readSafetensors } from './safetensors';
import { f32Bytes, PickleWriter, stateDict, stateDictZip, torchZip } from './testPickles';
import { readTorchSave } from './torchZip';

const REF = '/work/shared/reference-models';
const file = (p: string) => new Uint8Array(readFileSync(`${REF}/${p}`));
/** Whether two tensors are one view of the same bytes (a tie), not equal copies. */
const sameView = (a: RawTensor, b: RawTensor) =>
  a.bytes.buffer === b.bytes.buffer &&
  a.bytes.byteOffset === b.bytes.byteOffset &&
  a.bytes.byteLength === b.bytes.byteLength;

describe('published torch.save fixtures', () => {
  it('gpn-convnet: pytorch_model.bin holds exactly the tensors of model.safetensors', () => {
    const bin = readTorchSave(file('gpn-convnet/pytorch_model.bin'), 'pytorch_model.bin');
    const st = readSafetensors(file('gpn-convnet/model.safetensors'), 'model.safetensors');
    expect(bin.size).toBe(38);
    expect([...bin.keys()].sort()).toEqual([...st.keys()].sort());
    let compared = 0;
    for (const [k, t] of bin) {
      const s = st.get(k)!;
      expect([t.dtype, t.shape], k).toEqual([s.dtype, s.shape]);
      expect(Buffer.from(t.bytes).equals(Buffer.from(s.bytes)), k).toBe(true);
      compared += t.bytes.byteLength;
    }
    expect(compared).toBe(175716 - 8 - new DataView(file('gpn-convnet/model.safetensors').buffer).getUint32(0, true));
    // the comparison can fail: two tensors of one shape hold different numbers
    const [a, b] = [bin.get('model.encoder.0.conv.1.weight')!, bin.get('model.encoder.1.conv.1.weight')!];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(false);
  });

  it('hyenadna-original: the Lightning state_dict, shaped as the -hf release, with its ties sharing data', () => {
    const ckpt = readTorchSave(file('hyenadna-original/weights.ckpt'), 'weights.ckpt');
    const hf = readSafetensors(file('hyenadna-hf/model.safetensors'), 'model.safetensors');
    const keys = [...ckpt.keys()];
    expect(keys.length).toBe(60);
    expect(keys.every((k) => k.startsWith('model.backbone.') || k === 'model.lm_head.weight')).toBe(true);
    const toHf = (k: string) => (k === 'model.lm_head.weight' ? 'lm_head.weight' : k.replace(/^model\./, 'hyena.'));
    const notInHf = keys.filter((k) => !hf.has(toHf(k)));
    const filter = (l: number, f: number) => `model.backbone.layers.${l}.mixer.filter_fn.implicit_filter.${f}.freq`;
    expect(notInHf.sort()).toEqual([filter(0, 3), filter(0, 5), filter(1, 3), filter(1, 5)]);
    for (const k of keys) if (hf.has(toHf(k))) expect(ckpt.get(k)!.shape, k).toEqual(hf.get(toHf(k))!.shape);

    const emb = ckpt.get('model.backbone.embeddings.word_embeddings.weight')!;
    expect(sameView(ckpt.get('model.lm_head.weight')!, emb)).toBe(true);
    const freq = (l: number, f: number) => ckpt.get(filter(l, f))!;
    for (const l of [0, 1]) {
      expect(sameView(freq(l, 3), freq(l, 1)) && sameView(freq(l, 5), freq(l, 1))).toBe(true);
      expect(toFloat32(freq(l, 5), 'x')).toEqual(toFloat32(freq(l, 1), 'x'));
    }
    // untied tensors do not share: the two layers' filters differ, and so do the head and the first projection
    expect(sameView(freq(0, 1), freq(1, 1))).toBe(false);
    expect(toFloat32(freq(0, 1), 'x')).not.toEqual(toFloat32(freq(1, 1), 'x'));
    expect(emb.bytes.byteOffset).not.toBe(ckpt.get('model.backbone.layers.0.mixer.in_proj.weight')!.bytes.byteOffset);
  });
});

describe('hand-built torch.save files: what is read', () => {
  it('a Lightning checkpoint: state_dict taken; optimizer, loops, foreign hyper-parameters skipped, never run', () => {
    const w = new PickleWriter().proto().emptyDict().mark();
    w.str('epoch').int(3).str('global_step').int(120);
    w.str('state_dict');
    stateDict(w, { 'model.w': { key: '0', numel: 4, size: [2, 2] }, 'model.b': { key: '1', numel: 2, size: [2] } });
    w.str('optimizer_states')
      .emptyList()
      .mark()
      .emptyDict()
      .str('state')
      .emptyDict()
      .int(0)
      .emptyDict()
      .str('exp_avg')
      .tensor({ key: '2', numel: 4, size: [2, 2] })
      .setitem()
      .setitem()
      .setitem()
      .appends();
    w.str('hyper_parameters')
      .global('omegaconf.dictconfig', 'DictConfig')
      .emptyTuple()
      .op(0x81)
      .emptyDict()
      .str('_content')
      .global('subprocess', 'call')
      .str('rm -rf ~')
      .op(0x85)
      .reduce()
      .setitem()
      .build();
    w.str('loops')
      .global('collections', 'defaultdict')
      .global('builtins', 'dict')
      .op(0x85)
      .reduce()
      .str('fit_loop')
      .int(1)
      .setitem();
    const storages = { 0: f32Bytes([1, 2, 3, 4]), 1: f32Bytes([5, 6]), 2: f32Bytes([0, 0, 0, 0]) };
    const zip = torchZip(w.setitems().stop().bytes(), storages);
    const t = readTorchSave(zip, 'hand.ckpt');
    expect([...t.keys()]).toEqual(['model.w', 'model.b']);
    expect([...toFloat32(t.get('model.w')!, 'x')]).toEqual([1, 2, 3, 4]);
    expect(t.get('model.w')!.shape).toEqual([2, 2]);
    expect([...toFloat32(t.get('model.b')!, 'x')]).toEqual([5, 6]);
  });

  it('a state dict with the _metadata attribute module.state_dict() sets (BUILD on the OrderedDict)', () => {
    const w = stateDict(new PickleWriter().proto(), { w: { key: '0', numel: 2, size: [2] } });
    w.emptyDict().str('_metadata').orderedDict().str('').emptyDict().str('version').int(1).setitem().setitem();
    w.setitem().build();
    const t = readTorchSave(torchZip(w.stop().bytes(), { 0: f32Bytes([7, 8]) }), 'x');
    expect([...toFloat32(t.get('w')!, 'x')]).toEqual([7, 8]);
  });

  it('a Parameter (a state dict saved with keep_vars) and a 0-dim int64 buffer (BatchNorm num_batches_tracked)', () => {
    const w = new PickleWriter().proto().orderedDict().mark();
    w.str('p')
      .global('torch._utils', '_rebuild_parameter')
      .mark()
      .tensor({ key: '0', numel: 2, size: [2] })
      .bool(true)
      .orderedDict()
      .tuple()
      .reduce();
    w.str('n').tensor({ key: '1', numel: 1, size: [], type: 'LongStorage' });
    const t = readTorchSave(
      torchZip(w.setitems().stop().bytes(), {
        0: f32Bytes([1.5, -2]),
        1: new Uint8Array(new BigInt64Array([123n]).buffer),
      }),
      'x',
    );
    expect([...toFloat32(t.get('p')!, 'x')]).toEqual([1.5, -2]);
    expect(t.get('n')).toMatchObject({ dtype: 'I64', shape: [] });
    expect(new BigInt64Array(t.get('n')!.bytes.slice().buffer)[0]).toBe(123n);
  });

  it('views: an offset slice shares its storage; a transposed view is copied in row-major order', () => {
    const t = readTorchSave(
      stateDictZip(
        {
          all: { key: '0', numel: 6, size: [2, 3] },
          tail: { key: '0', numel: 6, size: [2], offset: 4 },
          tied: { key: '0', numel: 6, size: [2, 3] },
          transposed: { key: '0', numel: 6, size: [3, 2], stride: [1, 3] },
          column: { key: '0', numel: 6, size: [2, 1], stride: [3, 7], offset: 1 }, // a size-1 dimension's stride is free
        },
        { 0: f32Bytes([0, 1, 2, 3, 4, 5]) },
      ),
      'x',
    );
    expect([...toFloat32(t.get('tail')!, 'x')]).toEqual([4, 5]);
    expect(t.get('tail')!.bytes.buffer).toBe(t.get('all')!.bytes.buffer);
    expect(sameView(t.get('tied')!, t.get('all')!)).toBe(true);
    expect([...toFloat32(t.get('transposed')!, 'x')]).toEqual([0, 3, 1, 4, 2, 5]);
    expect([...toFloat32(t.get('column')!, 'x')]).toEqual([1, 4]);
  });

  it('fp16 and bf16 storages come out as F16 / BF16 and widen exactly to float32', () => {
    const u16 = (xs: number[]) => new Uint8Array(new Uint16Array(xs).buffer);
    const t = readTorchSave(
      stateDictZip(
        {
          half: { key: 'h', numel: 5, size: [5], type: 'HalfStorage' },
          bf: { key: 'b', numel: 3, size: [3], type: 'BFloat16Storage' },
        },
        { h: u16([0x3c00, 0xc000, 0x7bff, 0x0001, 0x3555]), b: u16([0x3f80, 0x4049, 0xc2f7]) },
      ),
      'x',
    );
    expect(t.get('half')!.dtype).toBe('F16');
    expect([...toFloat32(t.get('half')!, 'x')]).toEqual([1, -2, 65504, 2 ** -24, 0.333251953125]);
    expect(t.get('bf')!.dtype).toBe('BF16');
    expect([...toFloat32(t.get('bf')!, 'x')]).toEqual([1, 3.140625, -123.5]);
  });
});
