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
import { planWindows, type Window } from '../windows';
import type { WindowOptions } from './strategies';
import { mergeStrands, strandMap } from './strandMap';

export type MapStrands = 'forward' | 'both';

export interface DependencyOptions extends WindowOptions {
  /** 'both': upper triangle from the forward strand, lower from the reverse complement. Default 'forward'. */
  strands?: MapStrands;
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
  windows: Window[];
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

/** Windows of the model's context over the region; each row uses the window in which its position is most central. */
export function mapWindows(n: number, context: number): Window[] {
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
  // row i's lower triangle is row n - 1 - i of the reverse complement's map
  const map =
    strands === 'forward'
      ? fwd
      : mergeStrands(
          fwd,
          await strandMap(model, reverseComplementTokens(region), plan, [n - rows[1], n - rows[0]], progress, opts),
          n,
        );
  return {
    start,
    end,
    values: map.values,
    argmax: map.argmax,
    influence: map.influence,
    strands,
    causal: model.objective === 'clm',
    windows: plan,
    passes: map.passes,
    forwardRows: map.forwardRows,
    workers: 1,
  };
}
