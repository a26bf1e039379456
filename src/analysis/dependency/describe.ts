// The read-out of one dependency-map cell, shared by the page and the e2e test that checks it against the Node engine.

import type { DependencyMap } from './dependencyMap';

const B = 'ACGT';

/** What the read-out says about cell (i, j) of the map, in sequence positions (1-based). */
export function describeCell(map: DependencyMap, seq: string, i: number, j: number): string {
  const n = map.end - map.start,
    p = map.start + i,
    q = map.start + j;
  const v = map.values[i * n + j]!;
  const head = `Substituted ${p + 1} (${seq[p]}) → read ${q + 1} (${seq[q]}): `;
  if (Number.isNaN(v)) {
    if (seq[p] === 'N' || !'ACGT'.includes(seq[p]!)) return `${head}no substitution at an N`;
    const w = map.windows.find((x) => i >= x.keepStart && i < x.keepEnd);
    return (
      head +
      (w && j >= w.start && j < w.end
        ? `no prediction: the model predicts each base from those before it, and ${q + 1} is the first it read`
        : 'not computed (outside the window the model read for this row)')
    );
  }
  if (i === j) return `${head}e = 0 (the diagonal)`;
  const a = map.argmax[i * n + j]!;
  if (a === 255) return `${head}e = ${v.toFixed(4)} bits`;
  return `${head}e = ${v.toFixed(4)} bits, largest for ${seq[p]}>${B[a >> 2]} at ${p + 1}, in the odds of ${B[a & 3]} at ${q + 1}`;
}

/** What the page says about row i's variant influence: the three substitutions' mean JSD, or why there is none. */
export function describeInfluence(map: DependencyMap, seq: string, i: number): string {
  const p = map.start + i,
    ref = seq[p]!;
  const head = `Variant influence of ${p + 1} (${ref}), the mean Jensen-Shannon divergence over the other positions read${map.strands === 'both' ? ' (mean of both strands)' : ''}: `;
  const alts = [0, 1, 2, 3].filter((b) => B[b] !== ref && Number.isFinite(map.influence[i * 4 + b]!));
  if (alts.length === 0) return `${head}none (no substitution at an N)`;
  return head + alts.map((b) => `${ref}>${B[b]} ${map.influence[i * 4 + b]!.toExponential(3)}`).join(', ') + ' bits';
}
