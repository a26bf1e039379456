// What a dependency map shows, in numbers: run a bundled model's map over a region of a gallery example and
// print the mean e(i, j) inside and outside a block (e.g. the soft-masked repeat), by distance |i - j|, and
// the strongest off-diagonal bands. Backs the gallery caption of the dependency-map example.
// Usage: npx tsx src/cli/dependencyStats.ts <example.fa> <model id> <from> <to> [blockFrom blockTo] (1-based, inclusive)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dependencyMap } from '../analysis/dependency/dependencyMap';
import { parseSequence } from '../genome/parseSequence';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';

const [file, id, from, to, bFrom, bTo] = process.argv.slice(2);
if (!file || !id || !from || !to) {
  console.error('usage: dependencyStats.ts <example.fa> <model id> <from> <to> [blockFrom blockTo]');
  process.exit(2);
}
await useNodeBackend('wasm');
const rec = parseSequence(readFileSync(join(REPO_ROOT, 'public/examples', file), 'utf8')).records[0]!;
const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', id)));
const start = Number(from) - 1,
  end = Number(to);
const t0 = performance.now();
const map = await dependencyMap(model, encode(rec.sequence), start, end);
const n = end - start;
console.log(
  `${rec.name} ${from}-${to}, ${id}: ${map.passes} passes in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const e = (i: number, j: number) => map.values[i * n + j]!;
const inBlock = (p: number) => bFrom !== undefined && p + start + 1 >= Number(bFrom) && p + start + 1 <= Number(bTo);
// mean by distance band, inside the block (both ends) and elsewhere (neither end)
const bands = [1, 2, 3, 5, 10, 20, 50, 100, 200];
for (let b = 0; b < bands.length - 1; b++) {
  const acc: Record<'in' | 'out', [number, number]> = { in: [0, 0], out: [0, 0] };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = Math.abs(i - j);
      if (d < bands[b]! || d >= bands[b + 1]!) continue;
      const k = inBlock(i) && inBlock(j) ? 'in' : !inBlock(i) && !inBlock(j) ? 'out' : null;
      if (!k || !Number.isFinite(e(i, j))) continue;
      acc[k][0] += e(i, j);
      acc[k][1]++;
    }
  }
  const m = (a: [number, number]) => (a[1] ? (a[0] / a[1]).toFixed(4) : '-');
  console.log(
    `|i-j| ${bands[b]}-${bands[b + 1]! - 1}: mean e inside the block ${m(acc.in)} (${acc.in[1]} cells), outside ${m(acc.out)} (${acc.out[1]} cells)`,
  );
}
// mean e by offset |d| = |j - i| up to 64, over both triangles: a peak marks a dependency at a fixed distance
const profile: string[] = [];
for (let d = 1; d <= 64; d++) {
  let sum = 0,
    c = 0;
  for (let i = 0; i < n; i++)
    for (const j of [i - d, i + d])
      if (j >= 0 && j < n && Number.isFinite(e(i, j))) {
        sum += e(i, j);
        c++;
      }
  profile.push(`${d}:${(sum / c).toFixed(3)}`);
}
console.log(`mean e by |j - i|: ${profile.join(' ')}`);
// the diagonals (offset d = j - i) with the highest mean beyond 20 bases: a band there is a dependency at a fixed distance
const offsets: { d: number; mean: number; max: number; at: number }[] = [];
for (let d = -(n - 1); d < n; d++) {
  if (Math.abs(d) < 20) continue;
  let s = 0,
    c = 0,
    max = 0,
    at = 0;
  for (let i = Math.max(0, -d); i < Math.min(n, n - d); i++) {
    const v = e(i, i + d);
    if (!Number.isFinite(v)) continue;
    s += v;
    c++;
    if (v > max) {
      max = v;
      at = i;
    }
  }
  if (c >= 20) offsets.push({ d, mean: s / c, max, at });
}
offsets.sort((a, b) => b.mean - a.mean);
const all = offsets.reduce((a, o) => a + o.mean, 0) / offsets.length;
console.log(`mean over offsets |d| >= 20: ${all.toFixed(4)}; highest:`);
for (const o of offsets.slice(0, 8))
  console.log(
    `  d = ${o.d}: mean ${o.mean.toFixed(4)}, max ${o.max.toFixed(3)} at row ${o.at + start + 1} -> ${o.at + o.d + start + 1}`,
  );
// the strongest single cells beyond 20 bases
const cells: [number, number, number][] = [];
for (let i = 0; i < n; i++)
  for (let j = 0; j < n; j++) if (Math.abs(i - j) >= 20 && Number.isFinite(e(i, j))) cells.push([e(i, j), i, j]);
cells.sort((a, b) => b[0] - a[0]);
console.log(
  'strongest cells with |i-j| >= 20:',
  cells
    .slice(0, 10)
    .map(
      ([v, i, j]) =>
        `${i + start + 1}${rec.sequence[i + start]}->${j + start + 1}${rec.sequence[j + start]} ${v.toFixed(3)}`,
    )
    .join(', '),
);
model.dispose();
