// The read-out of one dependency-map cell, shared by the page and the e2e test that checks it against the Node engine.

import type { DependencyMap } from './dependencyMap';

const B = 'ACGT';

/** What the read-out says about cell (i, j) of the map, in sequence positions (1-based). */
export function describeCell(map: DependencyMap, seq: string, i: number, j: number): string {
  const n = map.end - map.start, p = map.start + i, q = map.start + j;
  const v = map.values[i * n + j]!;
  const head = `Substituted ${p + 1} (${seq[p]}) → read ${q + 1} (${seq[q]}): `;
  if (Number.isNaN(v)) return head + (seq[p] === 'N' || !'ACGT'.includes(seq[p]!) ? 'no substitution at an N' : 'not computed (outside the window the model read for this row)');
  if (i === j) return `${head}e = 0 (the diagonal)`;
  const a = map.argmax[i * n + j]!;
  if (a === 255) return `${head}e = ${v.toFixed(4)} bits`;
  return `${head}e = ${v.toFixed(4)} bits, largest for ${seq[p]}>${B[a >> 2]} at ${p + 1}, in the odds of ${B[a & 3]} at ${q + 1}`;
}
