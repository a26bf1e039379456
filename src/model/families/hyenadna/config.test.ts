// HyenaDNA's config and weight table: both published layouts at every published size, the refusals (naming
// the key, expected against found), and the original checkpoint's key names (read from the fixture's pickle).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { referenceModelsDir } from '../../../node/referenceModels';
import { resolveWeights } from '../../formats/resolveWeights';
import type { RawTensors } from '../../formats/rawTensor';
import { readSafetensors } from '../../formats/safetensors';
import { ModelFormatError } from '../../formatError';
import { isOriginalHyenaDNAConfig, readHyenaDNAConfig } from './config';
import { hyenaDNA } from './index';

const fixtureFile = (name: string, file: string) => readFileSync(join(referenceModelsDir(), name, file));
const readJson = (name: string): Record<string, unknown> => JSON.parse(fixtureFile(name, 'config.json').toString());
const hfJson = readJson('hyenadna-hf');
const originalJson = readJson('hyenadna-original');
const originalLayer = (patch: object) => ({ ...originalJson, layer: { ...(originalJson.layer as object), ...patch } });

/** The LongSafari checkpoints: d_model, n_layer, l_max (d_inner 4 d_model, vocabulary 12 padded to 16). */
const PUBLISHED = {
  'tiny-1k': [128, 2, 1026],
  'tiny-1k-d256': [256, 2, 1026],
  'small-32k': [256, 4, 32770],
  'medium-160k': [256, 8, 160002],
  'medium-450k': [256, 8, 450002],
  'large-1m': [256, 8, 1000002],
} as const;

describe('HyenaDNA config', () => {
  it.each(Object.entries(PUBLISHED))('reads %s in both layouts alike', (_, [d, n, lMax]) => {
    const sized = { d_model: d, n_layer: n, d_inner: 4 * d };
    const hf = readHyenaDNAConfig({ ...hfJson, ...sized, max_seq_len: lMax }, 'hf');
    const original = readHyenaDNAConfig({ ...originalLayer({ l_max: lMax }), ...sized }, 'original');
    for (const c of [hf, original]) {
      const dims = [c.dModel, c.nLayer, c.dInner, c.lMax, c.paddedVocab, c.embDim, c.filterOrder];
      expect(dims).toEqual([d, n, 4 * d, lMax, 16, 5, 64]);
      const facts = hyenaDNA.facts(c);
      const read = [facts.context, facts.hiddenSize, facts.objective, facts.alignment];
      expect(read).toEqual([lMax, d, 'clm', 'next-token']);
      const table = hyenaDNA.weights(c);
      expect(table).toHaveLength(4 + 26 * n); // embedding, ln_f (2), head; 26 tensors per block
      expect(table.find((e) => e.name === 'layers.0.mixer.filter_fn.pos_emb.z')!.shape).toEqual([1, lMax, 5]);
    }
    expect([hf.layout, hf.tiedHead, original.layout, original.tiedHead]).toEqual(['hf', false, 'original', true]);
  });

  it('maps the runtime tokens onto the character tokenizer (no start token)', () => {
    const { tokens } = hyenaDNA.facts(readHyenaDNAConfig(hfJson, 'hf'));
    expect(tokens).toEqual({ ids: [7, 8, 9, 10, 11, 3, -1], baseColumns: [7, 8, 9, 10] });
  });

  it('tells the original layout from the -hf one and from anything else', () => {
    expect([isOriginalHyenaDNAConfig(originalJson), isOriginalHyenaDNAConfig(hfJson)]).toEqual([true, false]);
    expect([isOriginalHyenaDNAConfig({ d_model: 8 }), isOriginalHyenaDNAConfig(null)]).toEqual([false, false]);
  });

  it.each([
    ['another model_type', { ...hfJson, model_type: 'hyena' }, /key model_type: expected "hyenadna", found "hyena"/],
    ['a zero width', { ...hfJson, d_model: 0 }, /key d_model: expected an integer >= 1, found 0/],
    ['no max_seq_len', { ...hfJson, max_seq_len: undefined }, /key max_seq_len: expected an integer >= 1, found no/],
    ['Hyena order 3', { ...hfJson, hyena_order: 3 }, /key hyena_order: expected 2 .*, found 3/],
    ['an even emb_dim', { ...hfJson, emb_dim: 4 }, /key emb_dim: expected an odd integer >= 3 .*, found 4/],
    ['fixed Sin frequencies', { ...hfJson, train_freq: false }, /key train_freq: expected true .*, found false/],
    ['no layer.l_max', originalLayer({ l_max: undefined }), /key layer.l_max: expected an integer >= 1, found nothing/],
    ['a short kernel of 4', originalLayer({ local_order: 4 }), /key layer.local_order: expected 3 .*, found 4/],
    ['attention layers', { ...originalJson, attn_layer_idx: [1] }, /key attn_layer_idx: expected none .*, found \[1\]/],
    ['neither layout', { d_model: 8, n_layer: 2 }, /neither HyenaDNA layout/],
  ] as const)('refuses %s, naming the key', (_, json, message) => {
    expect(() => readHyenaDNAConfig(json, 'config.json')).toThrow(ModelFormatError);
    expect(() => readHyenaDNAConfig(json, 'config.json')).toThrow(message);
  });
});

describe('HyenaDNA weight table', () => {
  const raw = readSafetensors(new Uint8Array(fixtureFile('hyenadna-hf', 'model.safetensors')), 'model.safetensors');

  it('resolves the -hf file: Sin freq from implicit_filter.1 alone, its own lm_head, nothing left over', () => {
    const c = readHyenaDNAConfig(hfJson, 'hf');
    const w = resolveWeights(hyenaDNA.weights(c), raw, 'model.safetensors');
    expect(w.get('lm_head.weight')!.data).toEqual(readSafetensorsData(raw, 'lm_head.weight'));
    const freqs = [...w.keys()].filter((k) => k.includes('.freq'));
    expect(freqs).toEqual([0, 1].map((i) => `layers.${i}.mixer.filter_fn.implicit_filter.1.freq`));
  });

  it('refuses weights another config describes, naming the key and both shapes', () => {
    const wider = readHyenaDNAConfig({ ...hfJson, d_model: 48 }, 'hf');
    expect(() => resolveWeights(hyenaDNA.weights(wider), raw, 'model.safetensors')).toThrow(
      /key hyena.backbone.embeddings.word_embeddings.weight has shape \[16, 32\]; the config implies \[16, 48\]/,
    );
    const longer = readHyenaDNAConfig({ ...hfJson, max_seq_len: 2050 }, 'hf');
    expect(() => resolveWeights(hyenaDNA.weights(longer), raw, 'model.safetensors')).toThrow(
      /key hyena.backbone.layers.0.mixer.filter_fn.pos_emb.z has shape \[1, 1026, 5\]; the config implies \[1, 2050,/,
    );
  });

  it('claims every key of the original checkpoint (tied head, freq under implicit_filter.1/3/5)', () => {
    const zip = unzipSync(new Uint8Array(fixtureFile('hyenadna-original', 'weights.ckpt')));
    const pickle = zip[Object.keys(zip).find((k) => k.endsWith('/data.pkl'))!]!;
    // the state_dict's keys are the pickle's 'model.' strings (this checks names only: the unpickler reads shapes)
    const keys = new Set(pickleStrings(pickle).filter((k) => /^model\.[\w.]+$/.test(k)));
    expect(keys.size).toBe(60);
    expect(keys.has('model.lm_head.weight')).toBe(true);
    expect(keys.has('model.backbone.layers.1.mixer.filter_fn.implicit_filter.5.freq')).toBe(true);
    const c = readHyenaDNAConfig(originalJson, 'original');
    const table = hyenaDNA.weights(c);
    const file: RawTensors = new Map(
      [...keys].map((k) => {
        const shape = table.find((e) => e.from.includes(k))!.shape;
        return [k, { dtype: 'F32', shape: [...shape], bytes: new Uint8Array(4 * shape.reduce((a, b) => a * b, 1)) }];
      }),
    );
    expect(resolveWeights(table, file, 'weights.ckpt').size).toBe(table.length);
    const hfTable = hyenaDNA.weights(readHyenaDNAConfig(hfJson, 'hf'));
    expect(() => resolveWeights(hfTable, file, 'weights.ckpt')).toThrow(/key hyena.backbone.embeddings.\S+ is missing/);
    file.delete('model.backbone.layers.0.mixer.filter_fn.implicit_filter.1.freq'); // .3 and .5 still hold it
    expect(resolveWeights(table, file, 'weights.ckpt').size).toBe(table.length);
  });

  it('reads gradient-checkpointed original keys (.mixer.layer., .mlp.layer.) when checkpoint_mixer is set', () => {
    const c = readHyenaDNAConfig({ ...originalJson, checkpoint_mixer: true }, 'original');
    const from = hyenaDNA.weights(c).find((e) => e.name === 'layers.0.mlp.fc1.weight')!.from;
    expect(from).toEqual(['model.backbone.layers.0.mlp.layer.fc1.weight', 'model.backbone.layers.0.mlp.fc1.weight']);
  });
});

/** Every BINUNICODE string of a pickle: 'X', a little-endian uint32 length, then that many UTF-8 bytes. */
function pickleStrings(p: Uint8Array): string[] {
  const out: string[] = [];
  const view = new DataView(p.buffer, p.byteOffset, p.byteLength);
  for (let i = 0; i + 5 <= p.length; i++) {
    if (p[i] !== 0x58) continue;
    const n = view.getUint32(i + 1, true);
    if (n > 0 && n < 512 && i + 5 + n <= p.length) out.push(new TextDecoder().decode(p.subarray(i + 5, i + 5 + n)));
  }
  return out;
}

function readSafetensorsData(raw: RawTensors, key: string): Float32Array {
  const t = raw.get(key)!;
  return new Float32Array(t.bytes.slice().buffer);
}
