// GPN's ConvNet config (config.json, model_type "ConvNet"), read with the official ConvNetConfig's defaults for
// absent keys: songlab/gpn-brassicales's config.json omits dilation_base, n_aux_features and hidden_act.

import { ModelFormatError } from '../../formatError';

export interface GpnConfig {
  vocabSize: number;
  hiddenSize: number;
  nLayers: number;
  kernelSize: number;
  dilationBase: number;
  dilationCycle: number;
  dilationDoubleEvery: number;
  dilationMax: number;
  /** One per layer, from the four dilation_* keys (get_dilation_schedule in gpn/legacy.py). */
  dilations: number[];
}

/** ConvNetConfig.__init__'s defaults (songlab-cal/gpn gpn/legacy.py). */
const DEFAULTS = {
  vocab_size: 7,
  hidden_size: 512,
  n_layers: 25,
  kernel_size: 9,
  dilation_base: 2,
  dilation_cycle: 6,
  dilation_double_every: 1,
  dilation_max: 32,
} as const;

/** The tokenizer the token map assumes: [PAD] [MASK] [UNK] a c g t. */
const VOCAB_SIZE = 7;

/**
 * Layer i's dilation: min(max, base ^ floor((i mod cycle) / double_every)). gpn-brassicales's (cycle 6, max 32):
 * 1 2 4 8 16 32, repeated.
 */
export function dilationSchedule(c: Omit<GpnConfig, 'dilations'>): number[] {
  return Array.from({ length: c.nLayers }, (_, i) =>
    Math.min(c.dilationMax, c.dilationBase ** Math.floor((i % c.dilationCycle) / c.dilationDoubleEvery)),
  );
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readGpnConfig(json: unknown, where: string): GpnConfig {
  const fail = (msg: string): never => {
    throw new ModelFormatError(`${where}: ${msg}`);
  };
  if (!isObj(json)) return fail('expected a JSON object.');
  if (json.model_type !== 'ConvNet') fail(`model_type: expected "ConvNet", found ${JSON.stringify(json.model_type)}.`);
  const arch = json.architectures;
  if (arch !== undefined && !(Array.isArray(arch) && arch.includes('ConvNetForMaskedLM'))) {
    fail(`architectures: expected ["ConvNetForMaskedLM"] (the masked LM and its head), found ${JSON.stringify(arch)}.`);
  }
  const int = (key: keyof typeof DEFAULTS): number => {
    const v = json[key] ?? DEFAULTS[key];
    if (!Number.isInteger(v) || (v as number) < 1) {
      fail(`${key}: expected a positive integer, found ${JSON.stringify(v)}.`);
    }
    return v as number;
  };
  // hidden_act is not read: only the classification head (ClassificationHead) uses it; the masked LM's
  // activations are nn.GELU() whatever it says
  const nAux = json.n_aux_features ?? 0;
  if (nAux !== 0) {
    fail(`n_aux_features: expected 0 (auxiliary input features are not implemented), found ${JSON.stringify(nAux)}.`);
  }
  const base = {
    vocabSize: int('vocab_size'),
    hiddenSize: int('hidden_size'),
    nLayers: int('n_layers'),
    kernelSize: int('kernel_size'),
    dilationBase: int('dilation_base'),
    dilationCycle: int('dilation_cycle'),
    dilationDoubleEvery: int('dilation_double_every'),
    dilationMax: int('dilation_max'),
  };
  if (base.vocabSize !== VOCAB_SIZE) {
    fail(`vocab_size: expected ${VOCAB_SIZE} ([PAD] [MASK] [UNK] a c g t), found ${base.vocabSize}.`);
  }
  // the embedding is one_hot(ids, hidden_size): every token id needs a channel (GPNEmbedding asserts the same)
  if (base.hiddenSize < base.vocabSize) {
    fail(`hidden_size: expected at least vocab_size (${base.vocabSize}), found ${base.hiddenSize}.`);
  }
  return { ...base, dilations: dilationSchedule(base) };
}
