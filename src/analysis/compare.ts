// Two models on one sequence: the difference track log2 P_A(observed) - log2 P_B(observed), and the one
// variant score method the two are compared by.

import { methodsFor, type ScoreMethod } from './variantEffect';
import type { Objective } from '../model/family';

/** Per base A - B (bits); NaN where either is not finite (an N). Lengths must match. */
export function differenceBits(a: Float32Array, b: Float32Array): Float32Array {
  if (a.length !== b.length)
    throw new Error(`the two tracks cover ${a.length} and ${b.length} bases: not the same sequence`);
  return a.map((v, i) => (Number.isFinite(v) && Number.isFinite(b[i]!) ? v - b[i]! : NaN));
}

/** Mean over the finite values, NaN when there are none. */
export function meanFinite(x: Float32Array): number {
  let s = 0,
    n = 0;
  for (const v of x)
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  return n ? s / n : NaN;
}

/** B's column in the variant table: the first of A's methods that B has too, else B's first. */
export function compareMethod(a: Objective, b: Objective): ScoreMethod {
  const mb = methodsFor(b);
  return methodsFor(a).find((m) => mb.includes(m)) ?? mb[0]!;
}
