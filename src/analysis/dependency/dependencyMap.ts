// Nucleotide dependency maps (Tomaz da Silva et al., Nature Genetics 2025): for a region of n bases, how each
// single-base substitution at position i moves the model's prediction at every position j, from one
// unmasked pass of the reference and one per substitution (3n + 1 for a region within the context).
//
// e(i, j) = max over the three substitutions at i and the four bases k at j of
//           |log2 odds_j(k | mutant) - log2 odds_j(k | reference)|, with e(i, i) = 0.
// Row i is the substituted position, column j the position read. A causal model's position j sees only
// the bases before it, so its forward-strand map has values only for j > i (every cell with j < i is
// exactly 0); `strands: 'both'` fills the lower triangle from the reverse complement's pass (MarinDNA).

import { reverseComplementTokens } from '../../genome/tokens';
import type { LanguageModel } from '../../model/languageModel';
import { type RunOptions, checkpoint } from '../run';
import { runRows, type TokenRow } from '../rowBatcher';
import { meanInfluence } from '../scoring/influence';
import { planWindows } from '../windows';
import { foldSubstitution, log2Odds, type MapRow } from './odds';

export type MapStrands = 'forward' | 'both';

export interface DependencyOptions extends RunOptions {
  /** 'both': upper triangle from the forward strand, lower from the reverse complement. Default 'forward'. */
  strands?: MapStrands;
  /** Rows per forward call (plain passes). */
  batchSize?: number;
  /**
   * Compute only the map's rows [a, b) (region coordinates), leaving the others NaN: a share of the map for
   * one of several workers, which mergeDependencyRows puts back together. Default: every row.
   */
  rows?: [number, number];
}

export interface DependencyMap {
  /** The region, 0-based half-open in the sequence: map row and column r are sequence position start + r. */
  start: number;
  end: number;
  /** [n, n] e(i, j) in bits of log2 odds; NaN where not computed (a row at an N; columns outside the row's window). */
  values: Float32Array;
  /** [n, n] (substituted base at i) * 4 + (target base at j) that give the max, in forward-strand bases; 255 where none. */
  argmax: Uint8Array;
  /** [n, 4] variant influence: mean Jensen-Shannon divergence (bits) over the window's j != i; NaN at the reference base and N. */
  influence: Float32Array;
  strands: MapStrands;
  causal: boolean;
  /** Windows the model read, in region coordinates; row i uses the one whose [keepStart, keepEnd) holds it. */
  windows: { start: number; end: number; keepStart: number; keepEnd: number }[];
  /** Forward passes started (reference passes + substitutions). */
  passes: number;
  /** Workers that shared the substitutions (1 unless the page split the map's rows among several). */
  workers: number;
  /**
   * Forward-row equivalents: a substitution continued from a shared causal prefix counts the share of positions
   * it ran (and each group of them reruns the reference); a masked hybrid's substitution counts 1, though its
   * conv blocks rerun only the 2 R_k + 1 rows each changes (model/substitutions.ts).
   */
  forwardRows: number;
}

export const MAX_DEPENDENCY_LENGTH = 1024;
export const DEFAULT_DEPENDENCY_LENGTH = 256;
/** Positions per forwardShared call (each reruns its reference row) or substitution-session run (progress, cancel). */
const GROUP = 32;

interface StrandResult {
  values: Float32Array;
  argmax: Uint8Array;
  influence: Float32Array;
  passes: number;
  forwardRows: number;
}

/** Substitutions of one window: window position, alt base, their tokens. */
function substitutions(ref: Int32Array, owned: [number, number]): { at: number; alt: number; tokens: Int32Array }[] {
  const out = [];
  for (let at = owned[0]; at < owned[1]; at++) {
    for (let alt = 0; alt < 4; alt++) {
      if (ref[at]! >= 4 || alt === ref[at]) continue;
      const t = ref.slice();
      t[at] = alt;
      out.push({ at, alt, tokens: t });
    }
  }
  return out;
}

/** Rows [share[0], share[1]) of this strand's map. */
async function strandMap(
  model: LanguageModel,
  region: Int32Array,
  plan: DependencyMap['windows'],
  share: [number, number],
  progress: (n: number) => void,
  opts: DependencyOptions,
): Promise<StrandResult> {
  const n = region.length;
  const values = new Float32Array(n * n).fill(NaN);
  const argmax = new Uint8Array(n * n).fill(255);
  const influence = new Float32Array(n * 4).fill(NaN);
  let passes = 0,
    forwardRows = 0;
  for (const w of plan) {
    const keepStart = Math.max(w.keepStart, share[0]),
      keepEnd = Math.min(w.keepEnd, share[1]);
    if (keepStart >= keepEnd) continue; // none of this window's rows are asked for: not even its reference pass
    const ref = region.slice(w.start, w.end);
    const T = ref.length;
    for (let i = keepStart; i < keepEnd; i++) {
      if (region[i]! >= 4) continue; // no substitution defined at an N: its row stays NaN
      values.fill(0, i * n + w.start, i * n + w.end);
    }
    const subs = substitutions(ref, [keepStart - w.start, keepEnd - w.start]);
    let refLp: Float32Array | null = null,
      refOdds: Float64Array | null = null;
    const fold = (s: (typeof subs)[number], lp: Float32Array) => {
      const i = w.start + s.at;
      const row: MapRow = { values, argmax, n, row: i, col0: w.start };
      foldSubstitution(refOdds!, log2Odds(lp), s.at, s.alt, row);
      influence[i * 4 + s.alt] = meanInfluence(refLp!, lp, s.at);
    };
    // a masked model with local leading blocks reruns them near the site only, from one reference pass per window
    if (model.reuse.kind === 'substitutions') {
      await checkpoint(opts.signal);
      const session = await model.reuse.start(ref);
      try {
        refLp = session.ref;
        refOdds = log2Odds(refLp);
        for (let g = 0; g < subs.length; g += 3 * GROUP) {
          await checkpoint(opts.signal);
          const group = subs.slice(g, g + 3 * GROUP);
          (await session.run(group.map((s) => ({ at: s.at, alt: s.alt })))).forEach((lp, k) => fold(group[k]!, lp));
          progress(group.length);
        }
      } finally {
        session.dispose();
      }
      passes += 1 + subs.length;
      forwardRows += 1 + subs.length;
      continue;
    }
    // a causal model continues each substitution from the reference's prefix (each group reruns the reference)
    const shared = model.reuse.kind === 'prefix' ? model.reuse.forwardShared : undefined;
    if (shared) {
      for (let g = 0; g < subs.length; g += 3 * GROUP) {
        await checkpoint(opts.signal);
        const group = subs.slice(g, g + 3 * GROUP);
        const out = await shared(
          ref,
          group.map((s) => ({ from: s.at, tokens: s.tokens })),
        );
        if (!refLp) {
          refLp = out.ref.slice();
          refOdds = log2Odds(refLp);
        }
        group.forEach((s, k) => {
          const lp = new Float32Array(T * 4); // before the site the mutant's predictions are the reference's
          lp.set(refLp!.subarray(0, s.at * 4));
          lp.set(out.alts[k]!, s.at * 4);
          fold(s, lp);
          forwardRows += Math.max(0, T - s.at - 1) / T;
        });
        passes += 1 + group.length;
        forwardRows += 1;
        progress(group.length);
      }
      continue;
    }
    await checkpoint(opts.signal);
    refLp = (await model.forward(ref, 1)).logprobs.slice();
    refOdds = log2Odds(refLp);
    const rows: TokenRow[] = subs.map((s) => ({ tokens: s.tokens, use: (lp) => fold(s, lp) }));
    let reported = 0;
    await runRows(model, rows, opts.batchSize ?? 16, {
      signal: opts.signal,
      onProgress: (done) => {
        progress(done - reported);
        reported = done;
      },
    });
    passes += 1 + rows.length;
    forwardRows += 1 + rows.length;
  }
  for (let i = share[0]; i < share[1]; i++)
    if (region[i]! < 4) {
      values[i * n + i] = 0;
      argmax[i * n + i] = 255;
    }
  return { values, argmax, influence, passes, forwardRows };
}

/** Windows of the model's context over the region; each row uses the window in which its position is most central. */
export function mapWindows(n: number, context: number): DependencyMap['windows'] {
  return planWindows(n, context, false);
}

/**
 * The dependency map of tokens[start, end): the region is the model's whole input (as in the paper), split
 * into context-long windows when longer than the model's context.
 */
export async function dependencyMap(
  model: LanguageModel,
  tokens: Int32Array,
  start: number,
  end: number,
  opts: DependencyOptions = {},
): Promise<DependencyMap> {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= tokens.length && end > start + 1)) {
    throw new Error(
      `A dependency map needs a region of at least 2 bases inside the sequence (1-${tokens.length}); got ${start + 1}-${end}.`,
    );
  }
  const n = end - start;
  if (n > MAX_DEPENDENCY_LENGTH)
    throw new Error(
      `A dependency map covers at most ${MAX_DEPENDENCY_LENGTH.toLocaleString('en-US')} bases; the region has ${n.toLocaleString('en-US')}.`,
    );
  const rows = opts.rows ?? [0, n];
  if (!(Number.isInteger(rows[0]) && Number.isInteger(rows[1]) && rows[0] >= 0 && rows[0] < rows[1] && rows[1] <= n)) {
    throw new Error(`The rows of a dependency map's share must lie in 0-${n}; got ${rows[0]}-${rows[1]}.`);
  }
  const strands = opts.strands ?? 'forward';
  const region = tokens.slice(start, end);
  const plan = mapWindows(n, model.context);
  const perStrand = Array.from(region.subarray(rows[0], rows[1])).filter((t) => t < 4).length * 3;
  const total = perStrand * (strands === 'both' ? 2 : 1);
  let done = 0;
  const progress = (k: number) => {
    done += k;
    opts.onProgress?.(done, total);
  };
  const fwd = await strandMap(model, region, plan, rows, progress, opts);
  const out: DependencyMap = {
    start,
    end,
    values: fwd.values,
    argmax: fwd.argmax,
    influence: fwd.influence,
    strands,
    causal: model.objective === 'clm',
    windows: plan,
    passes: fwd.passes,
    forwardRows: fwd.forwardRows,
    workers: 1,
  };
  if (strands === 'forward') return out;
  // row i's lower triangle is row n - 1 - i of the reverse complement's map
  const rc = await strandMap(
    model,
    reverseComplementTokens(region),
    mapWindows(n, model.context),
    [n - rows[1], n - rows[0]],
    progress,
    opts,
  );
  // position i of the forward strand is n - 1 - i of the reverse complement, and its bases are complemented
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const c = (n - 1 - i) * n + (n - 1 - j);
      out.values[i * n + j] = rc.values[c]!;
      const a = rc.argmax[c]!;
      out.argmax[i * n + j] = a === 255 ? 255 : (3 - (a >> 2)) * 4 + (3 - (a & 3));
    }
    for (let b = 0; b < 4; b++)
      out.influence[i * 4 + b] = (fwd.influence[i * 4 + b]! + rc.influence[(n - 1 - i) * 4 + 3 - b]!) / 2;
  }
  out.passes += rc.passes;
  out.forwardRows += rc.forwardRows;
  return out;
}

/**
 * Up to k contiguous shares of the map's rows with about the same number of substitutions each (rows at an N
 * have none), for k workers; fewer when there are fewer rows.
 */
export function shareRows(region: Int32Array, k: number): [number, number][] {
  const n = region.length,
    bases = region.reduce((c, t) => c + (t < 4 ? 1 : 0), 0);
  const shares: [number, number][] = [];
  let a = 0,
    seen = 0;
  for (let i = 0; i < n && shares.length < k - 1; i++) {
    if (region[i]! < 4) seen++;
    if (seen >= ((shares.length + 1) * bases) / k) {
      shares.push([a, i + 1]);
      a = i + 1;
    }
  }
  if (a < n) shares.push([a, n]);
  return shares;
}

/**
 * One map from shares of it computed apart (`rows`, each share's rows [a, b) taken from it): the shares must
 * cover every row once, be of one region and one setting. Pass counts add up.
 */
export function mergeDependencyRows(shares: { rows: [number, number]; map: DependencyMap }[]): DependencyMap {
  const sorted = [...shares].sort((a, b) => a.rows[0] - b.rows[0]);
  const first = sorted[0]?.map;
  if (!first) throw new Error('No shares of a dependency map to merge.');
  const n = first.end - first.start;
  let next = 0;
  for (const { rows, map } of sorted) {
    if (rows[0] !== next || map.start !== first.start || map.end !== first.end || map.strands !== first.strands) {
      throw new Error(
        `The shares of a dependency map do not tile ${first.start + 1}-${first.end} (rows ${rows[0]}-${rows[1]} after ${next}).`,
      );
    }
    next = rows[1];
  }
  if (next !== n) throw new Error(`The shares of a dependency map stop at row ${next} of ${n}.`);
  const values = new Float32Array(n * n),
    argmax = new Uint8Array(n * n),
    influence = new Float32Array(n * 4);
  for (const {
    rows: [a, b],
    map,
  } of sorted) {
    values.set(map.values.subarray(a * n, b * n), a * n);
    argmax.set(map.argmax.subarray(a * n, b * n), a * n);
    influence.set(map.influence.subarray(a * 4, b * 4), a * 4);
  }
  return {
    ...first,
    values,
    argmax,
    influence,
    passes: sorted.reduce((s, x) => s + x.map.passes, 0),
    forwardRows: sorted.reduce((s, x) => s + x.map.forwardRows, 0),
    workers: sorted.reduce((s, x) => s + x.map.workers, 0),
  };
}
