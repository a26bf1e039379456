// Every layer and head's attention around the focus at once (as BertViz's model view shows them): one pass per
// layer reporting all its heads, each map shrunk to a few cells a side so that the page receives little.

import type { LanguageModel } from '../model/languageModel';
import { attentionMap } from './attentionMap';
import { checkpoint, type RunOptions } from './run';

export interface AttentionOverview {
  layers: number;
  heads: number;
  /** The window the maps cover: positions [start, start + size) of the sequence, as the attention map's. */
  start: number;
  size: number;
  /** Cells a side of each shrunk map. */
  cells: number;
  /** [layers, heads, cells, cells]: the mean attention of each block of query rows x key columns. */
  grid: Float32Array;
}

/** Block k of n positions cut into `cells` blocks: [floor(k n / cells), floor((k + 1) n / cells)). */
const edge = (k: number, n: number, cells: number) => Math.floor((k * n) / cells);

/** An n x n matrix as `cells` x `cells` block means (when cells does not divide n, blocks differ by one). */
export function shrinkMatrix(m: Float32Array, n: number, cells: number): Float32Array {
  if (cells < 1 || cells > n) throw new Error(`cannot shrink a ${n} x ${n} map to ${cells} x ${cells} cells`);
  const out = new Float32Array(cells * cells);
  for (let a = 0; a < cells; a++) {
    const i0 = edge(a, n, cells),
      i1 = edge(a + 1, n, cells);
    for (let b = 0; b < cells; b++) {
      const j0 = edge(b, n, cells),
        j1 = edge(b + 1, n, cells);
      let s = 0;
      for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) s += m[i * n + j]!;
      out[a * cells + b] = s / ((i1 - i0) * (j1 - j0));
    }
  }
  return out;
}

/** All heads of every attention layer around `focus`, each shrunk to at most `cells` x `cells`. */
export async function attentionOverview(
  model: LanguageModel,
  tokens: Int32Array,
  focus: number,
  cells: number,
  opts: RunOptions = {},
): Promise<AttentionOverview> {
  if (!Number.isInteger(cells) || cells < 1) throw new Error(`cells must be a positive integer; got ${cells}`);
  const layers = model.nAttentionLayers,
    heads = model.nHeads;
  if (layers === 0) throw new Error('This model has no attention layers.');
  const all = Array.from({ length: heads }, (_, h) => h);
  let grid = new Float32Array(0);
  let shape = { start: 0, size: 0, cells: 0 };
  for (let l = 0; l < layers; l++) {
    await checkpoint(opts.signal);
    const map = await attentionMap(model, tokens, l, all, focus, { signal: opts.signal });
    if (l === 0) {
      const c = Math.min(cells, map.size);
      shape = { start: map.start, size: map.size, cells: c };
      grid = new Float32Array(layers * heads * c * c);
    }
    const { size: n, cells: c } = shape;
    for (let h = 0; h < heads; h++)
      grid.set(shrinkMatrix(map.probs.subarray(h * n * n, (h + 1) * n * n), n, c), (l * heads + h) * c * c);
    opts.onProgress?.(l + 1, layers);
  }
  return { layers, heads, ...shape, grid };
}
