// HyenaDNA's config, read from either published layout: the -hf repos' config.json (model_type 'hyenadna',
// HyenaConfig fields) or the original repos' config.json (HyenaDNAModel's arguments, the mixer's in `layer`).
// Absent keys take the official code's defaults; settings the official code reads differently from these
// (another Hyena order, short kernel, attention layers) are refused, naming the key.

import { ModelFormatError } from '../../formatError';

export type HyenaDNALayout = 'hf' | 'original';

export interface HyenaDNAConfig {
  layout: HyenaDNALayout;
  dModel: number;
  nLayer: number;
  /** Width of the MLP after each mixer. */
  dInner: number;
  /** Rows of the embedding and the head: vocab_size padded up to a multiple of pad_vocab_size_multiple. */
  paddedVocab: number;
  /** Lags the implicit filter is defined for (pos_emb rows): max_seq_len (-hf) or layer.l_max (original). */
  lMax: number;
  /** Positional features per lag (pos_emb.z columns). */
  embDim: number;
  /** Width of the filter MLP. */
  filterOrder: number;
  /** Hidden layers of the filter MLP after the first (each a Linear and the shared Sin). */
  numInnerMlps: number;
  /** LayerNorm eps of the blocks' norm1/norm2 (the -hf port builds them with PyTorch's default 1e-5). */
  blockEps: number;
  /** LayerNorm eps of ln_f. */
  finalEps: number;
  /** Added to the filter's decay window: k = h (exp(-t |deltas|) + shift). */
  shift: number;
  /** The head reads the word embeddings (original: always; -hf: tie_word_embeddings, true unless set). */
  tiedHead: boolean;
  /** Original layout trained with gradient checkpointing: keys carry '.mixer.layer.' and '.mlp.layer.'. */
  checkpointed: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The original layout: no model_type, a `layer` object holding l_max (what a registry checks before readConfig). */
export function isOriginalHyenaDNAConfig(json: unknown): boolean {
  return isObj(json) && !('model_type' in json) && 'd_model' in json && isObj(json.layer) && 'l_max' in json.layer;
}

/** Typed reads of one object's keys; `prefix` names nested keys ("layer."). */
function reader(obj: Record<string, unknown>, where: string, prefix = '') {
  const fail = (key: string, expected: string, found: unknown): never => {
    const text = found === undefined ? 'nothing' : JSON.stringify(found);
    throw new ModelFormatError(`${where}: key ${prefix}${key}: expected ${expected}, found ${text}.`);
  };
  const int = (key: string, min: number, fallback?: number): number => {
    const v = obj[key] ?? fallback;
    if (!Number.isInteger(v) || (v as number) < min) fail(key, `an integer >= ${min}`, obj[key]);
    return v as number;
  };
  const num = (key: string, fallback: number): number => {
    const v = obj[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(key, 'a non-negative number', obj[key]);
    return v as number;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = obj[key] ?? fallback;
    if (typeof v !== 'boolean') fail(key, 'true or false', obj[key]);
    return v as boolean;
  };
  /** A setting this runtime reads only at its official value. */
  const only = (key: string, value: unknown, why: string): void => {
    if (key in obj && obj[key] !== value) fail(key, `${JSON.stringify(value)} (${why})`, obj[key]);
  };
  const embDim = (key: string, fallback: number): number => {
    const v = int(key, 3, fallback);
    if (v % 2 === 0) fail(key, 'an odd integer >= 3 (lag, then cosines and sines)', v);
    return v;
  };
  return { int, num, bool, only, embDim, fail };
}

const padded = (vocab: number, multiple: number) => Math.ceil(vocab / multiple) * multiple;

function readHf(json: Record<string, unknown>, where: string): HyenaDNAConfig {
  const r = reader(json, where);
  r.only('hyena_order', 2, 'one gate and one long convolution per block');
  r.only('short_filter_order', 3, 'the port pads the short conv by 2, causal only for kernel 3');
  r.only('train_freq', true, 'otherwise the Sin frequencies are not stored');
  const dModel = r.int('d_model', 1);
  return {
    layout: 'hf',
    dModel,
    nLayer: r.int('n_layer', 1),
    dInner: r.int('d_inner', 1, 4 * dModel),
    paddedVocab: padded(r.int('vocab_size', 1), r.int('pad_vocab_size_multiple', 1, 8)),
    lMax: r.int('max_seq_len', 1),
    embDim: r.embDim('emb_dim', 3),
    filterOrder: r.int('filter_order', 1, 64),
    numInnerMlps: r.int('num_inner_mlps', 0, 2),
    blockEps: 1e-5,
    finalEps: r.num('layer_norm_epsilon', 1e-5),
    shift: 0.05,
    tiedHead: r.bool('tie_word_embeddings', true), // transformers' PretrainedConfig default
    checkpointed: false,
  };
}

function readOriginal(json: Record<string, unknown>, where: string): HyenaDNAConfig {
  const r = reader(json, where);
  if (!isObj(json.layer)) return r.fail('layer', 'an object (the Hyena mixer settings)', json.layer);
  const l = reader(json.layer, where, 'layer.');
  l.only('_name_', 'hyena', 'a Hyena mixer');
  l.only('order', 2, 'one gate and one long convolution per block');
  l.only('local_order', 3, "the standalone code's short conv has kernel 3");
  l.only('short_filter_order', 3, "the standalone code's short conv has kernel 3");
  l.only('modulate', true, 'the published models');
  if (Array.isArray(json.attn_layer_idx) && json.attn_layer_idx.length > 0) {
    r.fail('attn_layer_idx', 'none (attention layers are not read)', json.attn_layer_idx);
  }
  r.only('max_position_embeddings', 0, 'Hyena has no position embeddings');
  const eps = r.num('layer_norm_epsilon', 1e-5);
  return {
    layout: 'original',
    dModel: r.int('d_model', 1),
    nLayer: r.int('n_layer', 1),
    dInner: r.int('d_inner', 1),
    paddedVocab: padded(r.int('vocab_size', 1), r.int('pad_vocab_size_multiple', 1, 1)),
    lMax: l.int('l_max', 1),
    embDim: l.embDim('emb_dim', 3),
    filterOrder: l.int('filter_order', 1, 64),
    numInnerMlps: l.int('num_inner_mlps', 0, 2),
    blockEps: eps,
    finalEps: eps,
    shift: l.num('shift', 0.05),
    tiedHead: true, // ConvLMHeadModel ties lm_head to the word embeddings
    checkpointed: r.bool('checkpoint_mixer', false), // huggingface.py injects '.layer' when this is set
  };
}

/** Either layout -> the config; a wrong or missing key throws ModelFormatError naming it. */
export function readHyenaDNAConfig(json: unknown, where: string): HyenaDNAConfig {
  if (!isObj(json)) {
    const found = Array.isArray(json) ? 'an array' : typeof json;
    throw new ModelFormatError(`${where}: expected a JSON object, found ${found}.`);
  }
  if ('model_type' in json) {
    if (json.model_type !== 'hyenadna') reader(json, where).fail('model_type', '"hyenadna"', json.model_type);
    return readHf(json, where);
  }
  if (!isOriginalHyenaDNAConfig(json)) {
    const expected = 'model_type "hyenadna", or d_model with a layer object holding l_max';
    throw new ModelFormatError(`${where}: neither HyenaDNA layout: expected ${expected}.`);
  }
  return readOriginal(json, where);
}
