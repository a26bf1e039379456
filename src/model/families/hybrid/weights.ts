// The in-house hybrid's tensors in the runtime layout (training/weights_io.py: Linear [in, out], Conv1d
// [kernel, in, out]): names as PyTorch's state_dict keys, so the table maps each name to itself.

import type { WeightEntry } from '../../family';
import type { HybridConfig } from './config';

/** LayerNorm pair, feed-forward and norms of block i; the mixer's own tensors come from `mixer`. */
export function blockEntries(i: number, D: number, dFf: number, mixer: [string, number[]][]): [string, number[]][] {
  const p = `blocks.${i}`;
  return [
    ...mixer.map(([n, s]): [string, number[]] => [`${p}.mixer.${n}`, s]),
    [`${p}.norm1.weight`, [D]],
    [`${p}.norm1.bias`, [D]],
    [`${p}.norm2.weight`, [D]],
    [`${p}.norm2.bias`, [D]],
    [`${p}.ffn.fc1.weight`, [D, dFf]],
    [`${p}.ffn.fc1.bias`, [dFf]],
    [`${p}.ffn.fc2.weight`, [dFf, D]],
    [`${p}.ffn.fc2.bias`, [D]],
  ];
}

/** Embedding over the 7-token vocabulary, final norm and the 4-base head around the blocks. */
export function inHouseTable(D: number, blocks: [string, number[]][]): WeightEntry[] {
  const all: [string, number[]][] = [
    ['embed.weight', [7, D]],
    ...blocks,
    ['norm_f.weight', [D]],
    ['norm_f.bias', [D]],
    ['head.weight', [D, 4]],
    ['head.bias', [4]],
  ];
  return all.map(([name, shape]) => ({ name, shape, from: [name] }));
}

export function hybridWeights(a: HybridConfig): WeightEntry[] {
  const D = a.d_model;
  const blocks = a.conv_dilations.flatMap((_, i) =>
    blockEntries(i, D, a.d_ff, [
      ['conv.weight', [a.conv_kernel, D, D]],
      ['conv.bias', [D]],
    ]),
  );
  for (let k = 0; k < a.n_attn; k++) {
    blocks.push(
      ...blockEntries(a.conv_dilations.length + k, D, a.d_ff, [
        ['qkv.weight', [D, 3 * D]],
        ['qkv.bias', [3 * D]],
        ['out.weight', [D, D]],
        ['out.bias', [D]],
      ]),
    );
  }
  return inHouseTable(D, blocks);
}
