// Caduceus's config reader and weight table: refusals that name the key with what was expected and found, and
// the published configurations (Caduceus-ps 131k, PlantCaduceus l24) read to the sizes their files have.

import { describe, expect, it } from 'vitest';
import { resolveWeights } from '../../formats/resolveWeights';
import { ModelFormatError } from '../../formatError';
import type { CaduceusConfig } from './config';
import { caduceus } from './index';
import { fixture } from './testFixtures';

describe('Caduceus refuses what does not fit', () => {
  it('a config whose sizes do not match the weights, naming the key and both shapes', () => {
    const ps = fixture('caduceus-ps'),
      ph = fixture('caduceus-ph');
    const wide = caduceus.readConfig({ ...ps.json, d_model: 48 }, 'config.json');
    expect(() => resolveWeights(caduceus.weights(wide), ps.raw, 'model.safetensors')).toThrow(
      new RegExp(
        'model\\.safetensors: key caduceus\\.backbone\\.embeddings\\.word_embeddings\\.embedding\\.weight has shape ' +
          '\\[16, 32\\]; the config implies \\[16, 48\\]',
      ),
    );
    const c = caduceus.readConfig(ph.json, 'config.json');
    const small: CaduceusConfig = { ...c, mamba: { ...c.mamba, dState: 8 } };
    expect(() => resolveWeights(caduceus.weights(small), ph.raw, 'model.safetensors')).toThrow(
      new RegExp(
        'key caduceus\\.backbone\\.layers\\.0\\.mixer\\.mamba_fwd\\.x_proj\\.weight has shape \\[34, 64\\]; ' +
          'the config implies \\[18, 64\\]',
      ),
    );
    // ph's table against ps's file
    expect(() => resolveWeights(caduceus.weights(c), ps.raw, 'model.safetensors')).toThrow(ModelFormatError);
  });

  it('a complement_map that disagrees with the int64 buffers the ps file stores', () => {
    const { json, raw } = fixture('caduceus-ps');
    const map = { ...(json.complement_map as Record<string, number>), 12: 13, 13: 12 }; // still Caduceus's tokenizer
    const config = caduceus.readConfig({ ...json, complement_map: map }, 'config.json');
    const weights = resolveWeights(caduceus.weights(config), raw, 'model.safetensors');
    expect(() => caduceus.build(config, weights)).toThrow(
      new RegExp(
        'key caduceus\\.backbone\\.embeddings\\.word_embeddings\\.complement_map maps id 12 to 12, ' +
          "but config\\.json's complement_map .* maps it to 13",
      ),
    );
  });

  it('config keys it cannot honour, naming key, expected and found', () => {
    const { json } = fixture('caduceus-ph');
    const read = (patch: Record<string, unknown>) => () => caduceus.readConfig({ ...json, ...patch }, 'config.json');
    expect(read({ model_type: 'mamba' })).toThrow(/config\.json: model_type must be "caduceus"; found "mamba"/);
    expect(read({ bidirectional_strategy: 'ew_multiply' })).toThrow(
      /bidirectional_strategy must be "add" .*ew_multiply.* not implemented here\); found "ew_multiply"/,
    );
    expect(read({ d_model: 0 })).toThrow(/d_model must be a positive integer; found 0/);
    expect(read({ n_layer: undefined })).toThrow(/n_layer must be a positive integer; found nothing/);
    expect(read({ ssm_cfg: { layer: 'Mamba2' } })).toThrow(/ssm_cfg\.layer must be absent \(not a Mamba v1 setting/);
    expect(read({ ssm_cfg: { dt_rank: 0 } })).toThrow(/ssm_cfg\.dt_rank must be "auto" or a positive integer; found 0/);
    expect(read({ d_intermediate: 1024 })).toThrow(/d_intermediate must be 0 or absent/);
    expect(read({ complement_map: { 0: 0, 1: 1 } })).toThrow(/complement_map must be that of a known tokenizer/);
    expect(read({ complement_map: undefined })).toThrow(/complement_map must be an object/);
  });
});

describe('Caduceus reads the published sizes', () => {
  const floatsOf = (c: CaduceusConfig) =>
    caduceus
      .weights(c)
      .filter((e) => e.dtype !== 'int64')
      .reduce((n, e) => n + e.shape.reduce((a, b) => a * b, 1), 0);

  it('caduceus-ps_seqlen-131k_d_model-256_n_layer-16: 512-wide hidden states, its 30.9 MB file', () => {
    const { json } = fixture('caduceus-ps'); // the published config.json differs from the fixture's only in sizes
    const c = caduceus.readConfig({ ...json, d_model: 256, n_layer: 16 }, 'config.json');
    expect(caduceus.facts(c)).toMatchObject({
      family: 'Caduceus',
      objective: 'mlm',
      context: 2_048,
      maxLength: null,
      hiddenSize: 512,
      nHeads: 0,
      nAttentionLayers: 0,
      tokens: { ids: [7, 8, 9, 10, 11, 3, -1], baseColumns: [7, 8, 9, 10] },
    });
    expect(c.mamba).toMatchObject({ dInner: 512, dtRank: 16, dState: 16, dConv: 4 });
    // the model page lists model.safetensors at 30.9 MB: float32 tensors, tied ones once
    expect((floatsOf(c) * 4) / 1e6).toBeCloseTo(30.9, 1);
  });

  it('PlantCaduceus_l24 (its published config.json): the 7-token vocabulary, 1,024-wide hidden states', () => {
    const c = caduceus.readConfig(
      {
        _name_or_path: 'yairschiff/caduceus_base',
        architectures: ['Caduceus'],
        bidirectional: true,
        bidirectional_strategy: 'add',
        bidirectional_weight_tie: true,
        complement_map: { 0: 0, 1: 1, 2: 2, 3: 6, 4: 5, 5: 4, 6: 3, 7: 7 },
        d_model: 512,
        fused_add_norm: true,
        initializer_cfg: { initializer_range: 0.02, n_residuals_per_layer: 1, rescale_prenorm_residual: true },
        model_type: 'caduceus',
        n_layer: 24,
        norm_epsilon: 1e-5,
        pad_token_id: -100,
        pad_vocab_size_multiple: 8,
        rcps: true,
        residual_in_fp32: true,
        rms_norm: true,
        ssm_cfg: {
          bias: false,
          conv_bias: true,
          d_conv: 4,
          d_state: 16,
          dt_init: 'random',
          dt_init_floor: 1e-4,
          dt_max: 0.1,
          dt_min: 0.001,
          dt_rank: 'auto',
          dt_scale: 1.0,
          expand: 2,
          use_fast_path: true,
        },
        torch_dtype: 'float32',
        transformers_version: '4.37.2',
        vocab_size: 8,
      },
      'PlantCaduceus_l24/config.json',
    );
    expect(caduceus.facts(c)).toMatchObject({
      context: 512,
      hiddenSize: 1024,
      tokens: { ids: [3, 4, 5, 6, 2, 1, -1], baseColumns: [3, 4, 5, 6] },
    });
    expect(c.vocabSize).toBe(8);
    // its files page lists pytorch_model.bin at 175 MB (its card says "40M parameters"): float32, tied tensors once
    expect((floatsOf(c) * 4) / 1e6).toBeGreaterThan(174);
    expect((floatsOf(c) * 4) / 1e6).toBeLessThan(175.5);
  });
});
