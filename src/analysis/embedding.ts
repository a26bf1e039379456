// Embeddings a probe reads: a model's final hidden states for the reference and the variant window around a
// substitution, pooled three ways, and a whole sequence's mean hidden state (windowed past the context).
//
// A masked model reads the windows unmasked: the substituted base is the input whose effect is wanted, and a
// [MASK] at the site would make the reference and variant windows identical there (their difference zero by
// construction). A causal model's row t has read bases before t only (a shifted input), so its "site row" is
// t + 1, the first row that has read the site under either causal alignment.

import { encode, N_ID } from '../genome/tokens';
import type { LanguageModel } from '../model/languageModel';
import { type RunOptions, checkpoint } from './run';
import { centredWindow, type Variant } from './scoring/plan';

/** site: the site row alone; local: the mean over the site row +- `reach`; window: the mean over the window. */
export type Pooling = 'site' | 'local' | 'window';
export const POOLINGS: readonly Pooling[] = ['site', 'local', 'window'];

export interface EmbedOptions extends RunOptions {
  /** Bases read around the site (default DEFAULT_EMBED_WINDOW, capped at the model's context and the sequence). */
  window?: number;
  /** Rows each side of the site row in the local mean (default DEFAULT_REACH). */
  reach?: number;
  batchSize?: number;
}

export const DEFAULT_EMBED_WINDOW = 128;
export const DEFAULT_REACH = 8;

/** Per pooling, the reference and the variant window's pooled states, each [variants, size] row-major. */
export interface VariantEmbeddings {
  size: number;
  rows: number;
  pools: Record<Pooling, { ref: Float32Array; alt: Float32Array }>;
}

/** A window of the reference around a site, and the variant's base there. */
export interface SiteWindow {
  /** The reference bases the model reads. */
  seq: string;
  /** Index of the site in seq. */
  site: number;
  alt: string;
}

function hiddenOf(model: LanguageModel) {
  const rep = model.representation;
  if (rep.kind !== 'hidden') throw new Error('this model has no hidden states to embed (a Markov model counts k-mers)');
  return rep;
}

/**
 * Runs token rows through the model's representation in batches of equal-length rows and hands each row's
 * hidden states [T, size] to `use`, so nothing large is kept.
 */
async function runHidden(
  model: LanguageModel,
  rows: Int32Array[],
  use: (row: number, h: Float32Array) => void,
  opts: { batchSize?: number } & RunOptions,
): Promise<void> {
  const rep = hiddenOf(model),
    size = rep.size,
    batchSize = opts.batchSize ?? 16;
  const byLength = new Map<number, number[]>();
  rows.forEach((r, i) => byLength.set(r.length, [...(byLength.get(r.length) ?? []), i]));
  let done = 0;
  for (const [T, members] of byLength) {
    for (let i = 0; i < members.length; i += batchSize) {
      await checkpoint(opts.signal);
      const batch = members.slice(i, i + batchSize),
        input = new Int32Array(batch.length * T);
      batch.forEach((r, b) => input.set(rows[r]!, b * T));
      const h = await rep.hidden(input, batch.length); // [B, T, size]
      batch.forEach((r, b) => use(r, h.subarray(b * T * size, (b + 1) * T * size)));
      done += batch.length;
      opts.onProgress?.(done, rows.length);
    }
  }
}

/** Mean of rows [from, to) of h ([T, size]) into out at offset. */
function meanRows(h: Float32Array, size: number, from: number, to: number, out: Float32Array, offset: number): void {
  for (let t = from; t < to; t++) for (let j = 0; j < size; j++) out[offset + j]! += h[t * size + j]!;
  for (let j = 0; j < size; j++) out[offset + j]! /= to - from;
}

/**
 * Pooled embeddings of single-base substitutions, each read in its own window (`windows[i].seq` with the
 * site at `site`). Windows with the same bases and site share one reference pass.
 */
export async function embedSites(
  model: LanguageModel,
  windows: readonly SiteWindow[],
  opts: EmbedOptions = {},
): Promise<VariantEmbeddings> {
  const size = hiddenOf(model).size,
    n = windows.length,
    reach = opts.reach ?? DEFAULT_REACH;
  const pools = Object.fromEntries(
    POOLINGS.map((p) => [p, { ref: new Float32Array(n * size), alt: new Float32Array(n * size) }]),
  ) as VariantEmbeddings['pools'];
  const rows: Int32Array[] = [],
    targets: { side: 'ref' | 'alt'; variants: number[]; row: number }[] = [];
  const refRow = new Map<string, number>();
  windows.forEach((w, i) => {
    if (w.alt.length !== 1 || !'ACGT'.includes(w.alt) || w.site < 0 || w.site >= w.seq.length) {
      throw new Error(`variant ${i + 1}: embeddings are defined for single-base substitutions inside the window`);
    }
    const row = model.objective === 'clm' ? Math.min(w.site + 1, w.seq.length - 1) : w.site;
    const key = `${w.site}:${w.seq}`,
      known = refRow.get(key);
    if (known === undefined) {
      refRow.set(key, targets.length);
      rows.push(encode(w.seq));
      targets.push({ side: 'ref', variants: [i], row });
    } else targets[known]!.variants.push(i);
    const alt = encode(w.seq);
    alt[w.site] = encode(w.alt)[0]!;
    rows.push(alt);
    targets.push({ side: 'alt', variants: [i], row });
  });
  await runHidden(
    model,
    rows,
    (r, h) => {
      const { side, variants, row } = targets[r]!,
        T = h.length / size;
      const at = variants[0]! * size;
      meanRows(h, size, row, row + 1, pools.site[side], at);
      meanRows(h, size, Math.max(0, row - reach), Math.min(T, row + reach + 1), pools.local[side], at);
      meanRows(h, size, 0, T, pools.window[side], at);
      for (const v of variants.slice(1)) {
        for (const p of POOLINGS) pools[p][side].copyWithin(v * size, at, at + size);
      }
    },
    opts,
  );
  return { size, rows: n, pools };
}

/** The window of each substitution of `seq`: `window` bases (capped at the context and seq) centred on the site. */
export function siteWindows(seq: string, variants: readonly Variant[], window: number, context: number): SiteWindow[] {
  const W = Math.min(window, context, seq.length);
  return variants.map((v, i) => {
    if (v.ref.length !== 1 || v.alt.length !== 1 || seq[v.pos] !== v.ref) {
      throw new Error(`variant ${i + 1} (${v.ref}>${v.alt} at index ${v.pos}): not a substitution of this sequence`);
    }
    const start = centredWindow(seq.length, v.pos, W);
    return { seq: seq.slice(start, start + W), site: v.pos - start, alt: v.alt };
  });
}

/** embedSites on substitutions of one sequence (as scoreVariants takes them). */
export async function embedVariants(
  model: LanguageModel,
  seq: string,
  variants: readonly Variant[],
  opts: EmbedOptions = {},
): Promise<VariantEmbeddings> {
  return await embedSites(model, siteWindows(seq, variants, opts.window ?? DEFAULT_EMBED_WINDOW, model.context), opts);
}

/**
 * Each sequence's mean final hidden state over its bases (N left out), [seqs, size] row-major. A sequence
 * longer than the context is read in context-long windows that tile it; the last ends at the sequence's end
 * and counts only the bases the others did not.
 */
export async function embedSequences(
  model: LanguageModel,
  seqs: readonly string[],
  opts: RunOptions & { batchSize?: number } = {},
): Promise<Float32Array> {
  const size = hiddenOf(model).size,
    out = new Float32Array(seqs.length * size),
    counts = new Int32Array(seqs.length);
  const rows: Int32Array[] = [],
    parts: { seq: number; from: number; tokens: Int32Array }[] = [];
  seqs.forEach((s, i) => {
    const tokens = encode(s),
      W = Math.min(model.context, s.length);
    for (let start = 0; start < s.length; start += W) {
      const at = Math.min(start, s.length - W);
      rows.push(tokens.subarray(at, at + W));
      parts.push({ seq: i, from: start - at, tokens: tokens.subarray(at, at + W) });
    }
  });
  await runHidden(
    model,
    rows,
    (r, h) => {
      const { seq, from, tokens } = parts[r]!;
      for (let t = from; t < tokens.length; t++) {
        if (tokens[t]! >= N_ID) continue;
        counts[seq]!++;
        for (let j = 0; j < size; j++) out[seq * size + j]! += h[t * size + j]!;
      }
    },
    opts,
  );
  seqs.forEach((_, i) => {
    if (counts[i] === 0) throw new Error(`sequence ${i + 1} has no A, C, G or T to embed`);
    for (let j = 0; j < size; j++) out[i * size + j]! /= counts[i]!;
  });
  return out;
}
