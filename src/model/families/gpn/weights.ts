// GPN ConvNet's weight table: the published state_dict keys (ConvNetForMaskedLM in gpn/legacy.py) and their
// PyTorch shapes. The embedding is a one-hot with no weights; nothing is tied.

import type { WeightEntry } from '../../family';
import type { GpnConfig } from './config';

const entry = (name: string, shape: number[]): WeightEntry => ({ name, shape, from: [name] });

export function gpnWeights(c: GpnConfig): WeightEntry[] {
  const D = c.hiddenSize;
  const table: WeightEntry[] = [];
  for (let i = 0; i < c.nLayers; i++) {
    const p = `model.encoder.${i}`;
    table.push(
      entry(`${p}.conv.1.weight`, [D, D, c.kernelSize]), // Conv1d [out, in, K]
      entry(`${p}.conv.1.bias`, [D]),
      entry(`${p}.conv.4.weight`, [D]), // LayerNorm after the conv's GELU
      entry(`${p}.conv.4.bias`, [D]),
      entry(`${p}.ffn.0.weight`, [D, D]), // Linear [out, in]
      entry(`${p}.ffn.0.bias`, [D]),
      entry(`${p}.ffn.2.weight`, [D]), // LayerNorm after the feed-forward's GELU
      entry(`${p}.ffn.2.bias`, [D]),
    );
  }
  table.push(
    entry('cls.decoder.0.weight', [D, D]),
    entry('cls.decoder.0.bias', [D]),
    entry('cls.decoder.2.weight', [D]),
    entry('cls.decoder.2.bias', [D]),
    entry('cls.decoder.3.weight', [c.vocabSize, D]),
    entry('cls.decoder.3.bias', [c.vocabSize]),
  );
  return table;
}
