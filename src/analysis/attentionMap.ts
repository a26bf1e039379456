// Attention probabilities of one layer and chosen heads, for the window around a focus position.

import { type LanguageModel } from '../model/languageModel';
import { throwIfAborted, type RunOptions } from './run';
import { planWindows } from './windows';

export interface AttentionMap {
  layer: number;
  heads: number[];
  /** The window shown: positions [start, start + size) of the sequence. */
  start: number;
  size: number;
  /** [heads.length, size, size]: row = query position, column = key position. */
  probs: Float32Array;
}

/** Picks the window whose centre is nearest the focus, so the focus sees context on both sides. */
export async function attentionMap(
  model: LanguageModel,
  tokens: Int32Array,
  layer: number,
  heads: number[],
  focus: number,
  opts: RunOptions = {},
): Promise<AttentionMap> {
  if (model.nAttentionLayers === 0) throw new Error('This model has no attention layers.');
  if (layer < 0 || layer >= model.nAttentionLayers)
    throw new Error(`Layer ${layer + 1} does not exist (the model has ${model.nAttentionLayers}).`);
  for (const h of heads)
    if (h < 0 || h >= model.nHeads) throw new Error(`Head ${h + 1} does not exist (the model has ${model.nHeads}).`);
  const windows = planWindows(tokens.length, model.context, false);
  const w = windows.reduce((best, x) =>
    Math.abs((x.start + x.end) / 2 - focus) < Math.abs((best.start + best.end) / 2 - focus) ? x : best,
  );
  throwIfAborted(opts.signal);
  const out = await model.forward(tokens.slice(w.start, w.end), 1, { layer, heads });
  opts.onProgress?.(1, 1);
  return { layer, heads, start: w.start, size: w.end - w.start, probs: out.attention!.slice() }; // own buffer: it is transferred to the page
}
