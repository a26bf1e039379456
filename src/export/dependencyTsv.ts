// The dependency map as a TSV matrix: a header row of the positions read (j), then one row per substituted
// position (i); positions in genomic coordinates when the record name is chrom:start-end, else 1-based.

import type { DependencyMap } from '../analysis/dependency/dependencyMap';
import { parseRegion } from '../genome/region';

/**
 * Cells: e(i, j) in bits, 6 decimals; empty where not computed or the model makes no prediction at j. Labels:
 * position then base, e.g. 41276012A.
 */
export function dependencyTsv(recordName: string, sequence: string, map: DependencyMap): string {
  const r = parseRegion(recordName);
  const n = map.end - map.start;
  const label = (c: number) => `${r.start + map.start + c}${sequence[map.start + c]}`;
  const lines = [
    `# e(i, j): max |log2 odds change| at position j (columns) over the substitutions at i (rows), bits; ${r.chrom}; strands ${map.strands}`,
  ];
  lines.push(['i\\j', ...Array.from({ length: n }, (_, c) => label(c))].join('\t'));
  for (let i = 0; i < n; i++) {
    const row = [label(i)];
    for (let j = 0; j < n; j++) {
      const v = map.values[i * n + j]!;
      row.push(Number.isFinite(v) ? v.toFixed(6) : '');
    }
    lines.push(row.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
