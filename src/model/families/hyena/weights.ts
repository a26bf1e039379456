// The in-house Hyena model's tensors (HyenaMixer in training/model.py), runtime layout, names as PyTorch's.

import type { WeightEntry } from '../../family';
import { blockEntries, inHouseTable } from '../hybrid/weights';
import type { HyenaConfig } from './config';

export function hyenaWeights(a: HyenaConfig): WeightEntry[] {
  const D = a.d_model,
    o = a.filter_order;
  const blocks = Array.from({ length: a.n_hyena }, (_, i) =>
    blockEntries(i, D, a.d_ff, [
      ['in_proj.weight', [D, 3 * D]],
      ['in_proj.bias', [3 * D]],
      ['short_conv.weight', [a.short_kernel, 1, 3 * D]],
      ['short_conv.bias', [3 * D]],
      ['filter.bias', [D]],
      ...[1 + 2 * a.filter_bands, o, o].flatMap((n, k): [string, number[]][] => [
        [`filter.fc${k}.weight`, [n, o]],
        [`filter.fc${k}.bias`, [o]],
        [`filter.act${k}.freq`, [o]],
      ]),
      ['filter.out.weight', [o, D]],
      ['out_proj.weight', [D, D]],
      ['out_proj.bias', [D]],
    ]),
  ).flat();
  return inHouseTable(D, blocks);
}
