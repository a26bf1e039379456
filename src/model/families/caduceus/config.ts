// Caduceus's config.json (model_type "caduceus", kuleshov-group/caduceus configuration_caduceus.py) read into
// what the forward pass depends on. Every such key is checked; keys that only steer initialisation or CUDA
// kernels (initializer_cfg, dt_min, use_fast_path...) are accepted unread. Absent ssm_cfg keys take the
// defaults of Mamba v1's constructor (mamba_ssm/modules/mamba_simple.py), as the official code does.

import { ModelFormatError } from '../../formatError';

/**
 * The tokenizer a checkpoint was trained with, recognised from its complement_map (config.json names no
 * tokenizer). 'caduceus': CaduceusTokenizer, A7 C8 G9 T10 N11 [MASK]3 (complement 7<->10, 8<->9).
 * 'dna-mlm': PlantCaduceus's 7-token vocabulary, [PAD]0 [MASK]1 [UNK]2 a3 c4 g5 t6 (complement 3<->6, 4<->5).
 */
export type Vocabulary = 'caduceus' | 'dna-mlm';

export interface MambaConfig {
  dState: number;
  dConv: number;
  dInner: number;
  dtRank: number;
  convBias: boolean;
  /** in_proj and out_proj biases. */
  bias: boolean;
}

export interface CaduceusConfig {
  dModel: number;
  nLayer: number;
  /** vocab_size rounded up to pad_vocab_size_multiple: the rows of the embedding and the logit columns. */
  vocabSize: number;
  /** Reverse-complement parameter sharing (Caduceus-ps): hidden states are 2 x d_model wide. */
  rcps: boolean;
  bidirectional: boolean;
  /** mamba_rev shares mamba_fwd's in_proj and out_proj. */
  weightTie: boolean;
  /** With rcps, the fused add-norm path swaps the two channel halves at every block (modeling_rcps.py). */
  fusedAddNorm: boolean;
  rmsNorm: boolean;
  normEps: number;
  mamba: MambaConfig;
  /** The model id of each id's complement, padded with identity up to vocabSize as Caduceus.__init__ does. */
  complementMap: number[];
  vocabulary: Vocabulary;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/** ssm_cfg keys that only set initial values or pick CUDA kernels. */
const INIT_ONLY = new Set(['dt_min', 'dt_max', 'dt_init', 'dt_scale', 'dt_init_floor', 'use_fast_path']);
const MAMBA_KEYS = new Set(['d_state', 'd_conv', 'expand', 'dt_rank', 'conv_bias', 'bias']);

export function readCaduceusConfig(json: unknown, where: string): CaduceusConfig {
  const fail = (key: string, expected: string, found: unknown): never => {
    throw new ModelFormatError(`${where}: ${key} must be ${expected}; found ${show(found)}.`);
  };
  if (!isObj(json)) return fail('the config', 'a JSON object', json);
  if (json.model_type !== 'caduceus') fail('model_type', '"caduceus"', json.model_type);
  const posInt = (key: string): number => {
    const v = json[key];
    return isPosInt(v) ? v : fail(key, 'a positive integer', v);
  };
  const bool = (key: string): boolean => {
    const v = json[key];
    return typeof v === 'boolean' ? v : fail(key, 'true or false', v);
  };
  const dModel = posInt('d_model'),
    nLayer = posInt('n_layer'),
    vocab = posInt('vocab_size');
  const multiple = posInt('pad_vocab_size_multiple');
  const vocabSize = Math.ceil(vocab / multiple) * multiple;
  const rcps = bool('rcps'),
    bidirectional = bool('bidirectional'),
    weightTie = bool('bidirectional_weight_tie');
  const fusedAddNorm = bool('fused_add_norm'),
    rmsNorm = bool('rms_norm');
  bool('residual_in_fp32'); // float32 weights: the residual is float32 either way
  const strategy = json.bidirectional_strategy ?? 'add'; // BiMambaWrapper's default for null
  if (bidirectional && strategy !== 'add') {
    const why = 'the published setting; "ew_multiply" exists in the official code but is not implemented here';
    fail('bidirectional_strategy', `"add" (${why})`, strategy);
  }
  const normEps = json.norm_epsilon;
  if (typeof normEps !== 'number' || !(normEps > 0)) fail('norm_epsilon', 'a positive number', normEps);
  if (json.d_intermediate !== undefined && json.d_intermediate !== 0) {
    const why = 'a feed-forward after each mixer is not part of Caduceus as implemented here';
    fail('d_intermediate', `0 or absent (${why})`, json.d_intermediate);
  }
  const mamba = readSsm(json.ssm_cfg ?? {}, dModel, fail);
  const complementMap = readComplementMap(json.complement_map, vocabSize, fail);
  return {
    dModel,
    nLayer,
    vocabSize,
    rcps,
    bidirectional,
    weightTie,
    fusedAddNorm,
    rmsNorm,
    normEps: normEps as number,
    mamba,
    complementMap,
    vocabulary: vocabularyOf(complementMap, fail),
  };
}

type Fail = (key: string, expected: string, found: unknown) => never;

function readSsm(ssm: unknown, dModel: number, fail: Fail): MambaConfig {
  if (!isObj(ssm)) return fail('ssm_cfg', 'an object', ssm);
  for (const k of Object.keys(ssm)) {
    if (MAMBA_KEYS.has(k) || INIT_ONLY.has(k)) continue;
    fail(`ssm_cfg.${k}`, 'absent (not a Mamba v1 setting: a Mamba-2 config?)', ssm[k]);
  }
  const int = (k: string, dflt: number): number => {
    const v = ssm[k] ?? dflt;
    return isPosInt(v) ? v : fail(`ssm_cfg.${k}`, 'a positive integer', v);
  };
  const flag = (k: string, dflt: boolean): boolean => {
    const v = ssm[k] ?? dflt;
    return typeof v === 'boolean' ? v : fail(`ssm_cfg.${k}`, 'true or false', v);
  };
  const expand = ssm.expand ?? 2;
  if (typeof expand !== 'number' || !(expand > 0)) fail('ssm_cfg.expand', 'a positive number', expand);
  const dInner = Math.trunc((expand as number) * dModel); // int(expand * d_model)
  if (dInner < 1) fail('ssm_cfg.expand', `large enough that expand x d_model (${dModel}) is at least 1`, expand);
  const rank = ssm.dt_rank ?? 'auto';
  const dtRank =
    rank === 'auto'
      ? Math.ceil(dModel / 16)
      : isPosInt(rank)
        ? rank
        : fail('ssm_cfg.dt_rank', '"auto" or a positive integer', rank);
  return {
    dState: int('d_state', 16),
    dConv: int('d_conv', 4),
    dInner,
    dtRank,
    convBias: flag('conv_bias', true),
    bias: flag('bias', false),
  };
}

function readComplementMap(map: unknown, vocabSize: number, fail: Fail): number[] {
  const expected = `an object mapping every id 0..k-1 (k <= vocab_size, ${vocabSize} padded) to an id below it`;
  if (!isObj(map)) return fail('complement_map', `${expected} (the family reads the tokenizer's layout from it)`, map);
  const keys = Object.keys(map);
  if (keys.length > vocabSize) fail('complement_map', expected, `${keys.length} entries`);
  const out: number[] = [];
  for (let i = 0; i < vocabSize; i++) {
    if (i >= keys.length) {
      out.push(i);
      continue;
    }
    const v = map[String(i)];
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= vocabSize) {
      fail(`complement_map["${i}"]`, `an id from 0 to ${vocabSize - 1}`, v);
    }
    out.push(v as number);
  }
  return out;
}

function vocabularyOf(c: number[], fail: Fail): Vocabulary {
  const pairs = (p: [number, number][]) => p.every(([a, b]) => c[a] === b && c[b] === a);
  if (
    c.length >= 12 &&
    pairs([
      [7, 10],
      [8, 9],
    ])
  )
    return 'caduceus';
  if (
    c.length >= 7 &&
    pairs([
      [3, 6],
      [4, 5],
    ])
  )
    return 'dna-mlm';
  const known =
    'that of a known tokenizer (Caduceus: 7<->10, 8<->9; PlantCaduceus: 3<->6, 4<->5), or the token ids' +
    ' are unknown';
  return fail('complement_map', known, Object.fromEntries(c.map((v, i) => [i, v])));
}
