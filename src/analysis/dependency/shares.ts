// A dependency map's rows shared among workers: shares of about equal work, and the shares put back together.

import type { DependencyMap } from './dependencyMap';

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
