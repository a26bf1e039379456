// One strand's dependency map, window by window (each window's substitutions run by strategies.ts), and the
// two strands' maps made one: the reverse complement's fills the forward map's lower triangle.

import type { LanguageModel } from '../../model/languageModel';
import { meanInfluence } from '../scoring/influence';
import type { Window } from '../windows';
import { foldSubstitution, log2Odds, type MapRow } from './odds';
import { runWindow, type Substitution, type WindowCost, type WindowJob, type WindowOptions } from './strategies';

/** One strand's [n, n] map and [n, 4] influence (DependencyMap's fields), and what computing it took. */
export interface StrandResult extends WindowCost {
  values: Float32Array;
  argmax: Uint8Array;
  influence: Float32Array;
}

/** Substitutions of one window's positions `owned` (window coordinates). */
function substitutions(ref: Int32Array, owned: [number, number]): Substitution[] {
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

/** Window w's substitutions at map rows [keepStart, keepEnd), folded into the strand's map. */
function windowJob(
  region: Int32Array,
  w: Window,
  keep: [number, number],
  map: StrandResult,
  progress: (n: number) => void,
): WindowJob {
  const n = region.length;
  const ref = region.slice(w.start, w.end);
  let refLp: Float32Array | null = null,
    refOdds: Float64Array | null = null;
  return {
    ref,
    subs: substitutions(ref, [keep[0] - w.start, keep[1] - w.start]),
    progress,
    reference(lp) {
      refLp = lp;
      refOdds = log2Odds(lp);
    },
    fold(s, lp) {
      const i = w.start + s.at;
      const row: MapRow = { values: map.values, argmax: map.argmax, n, row: i, col0: w.start };
      foldSubstitution(refOdds!, log2Odds(lp), s.at, s.alt, row);
      map.influence[i * 4 + s.alt] = meanInfluence(refLp!, lp, s.at);
    },
  };
}

/** Rows [share[0], share[1]) of this strand's map. */
export async function strandMap(
  model: LanguageModel,
  region: Int32Array,
  plan: Window[],
  share: [number, number],
  progress: (n: number) => void,
  opts: WindowOptions,
): Promise<StrandResult> {
  const n = region.length;
  const map: StrandResult = {
    values: new Float32Array(n * n).fill(NaN),
    argmax: new Uint8Array(n * n).fill(255),
    influence: new Float32Array(n * 4).fill(NaN),
    passes: 0,
    forwardRows: 0,
  };
  for (const w of plan) {
    const keepStart = Math.max(w.keepStart, share[0]),
      keepEnd = Math.min(w.keepEnd, share[1]);
    if (keepStart >= keepEnd) continue; // none of this window's rows are asked for: not even its reference pass
    for (let i = keepStart; i < keepEnd; i++) {
      if (region[i]! >= 4) continue; // no substitution defined at an N: its row stays NaN
      map.values.fill(0, i * n + w.start, i * n + w.end);
    }
    await runWindow(model, windowJob(region, w, [keepStart, keepEnd], map, progress), map, opts);
  }
  for (let i = share[0]; i < share[1]; i++)
    if (region[i]! < 4) {
      map.values[i * n + i] = 0;
      map.argmax[i * n + i] = 255;
    }
  return map;
}

/**
 * The forward strand's map with its lower triangle from the reverse complement's (`rc`, of the same n): row
 * i's j < i is row n - 1 - i of rc, its bases complemented; influence is the two strands' mean. Fills `fwd`.
 */
export function mergeStrands(fwd: StrandResult, rc: StrandResult, n: number): StrandResult {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const c = (n - 1 - i) * n + (n - 1 - j);
      fwd.values[i * n + j] = rc.values[c]!;
      const a = rc.argmax[c]!;
      fwd.argmax[i * n + j] = a === 255 ? 255 : (3 - (a >> 2)) * 4 + (3 - (a & 3));
    }
    for (let b = 0; b < 4; b++)
      fwd.influence[i * 4 + b] = (fwd.influence[i * 4 + b]! + rc.influence[(n - 1 - i) * 4 + 3 - b]!) / 2;
  }
  fwd.passes += rc.passes;
  fwd.forwardRows += rc.forwardRows;
  return fwd;
}
