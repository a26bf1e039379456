// Named sites of a gallery example against the region around them, for each model (gallery/siteStats):
// P(reference) in the likelihood track and the mean mutagenesis score, with their ranks. Backs the gallery's
// splice-site caption.
// Usage: npx tsx src/cli/siteStats.ts <example.fa> <model id,...> <from> <to> <site,...> (1-based, inclusive)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteStats } from '../gallery/siteStats';
import { parseSequence } from '../genome/parseSequence';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';

const [file, ids, from, to, siteList] = process.argv.slice(2);
const start = Number(from) - 1,
  end = Number(to);
const sites = (siteList ?? '').split(',').map((s) => Number(s) - 1);
if (!file || !ids || !(start >= 0 && end > start) || !sites.length || sites.some((s) => !(s >= start && s < end))) {
  console.error(
    'usage: siteStats.ts <example.fa> <model id,...> <from> <to> <site,...> (sites inside from-to, 1-based)',
  );
  process.exit(2);
}
await useNodeBackend('wasm');
const rec = parseSequence(readFileSync(join(REPO_ROOT, 'public/examples', file), 'utf8')).records[0]!;
for (const id of ids.split(',')) {
  const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', id)));
  const r = await siteStats(model, rec.sequence, start, end, sites);
  model.dispose();
  console.log(
    `${rec.name} ${from}-${to}, ${id} (${r.positions} positions; medians: P(ref) ${r.medianPRef.toFixed(2)}, mean score ${r.medianScore.toFixed(2)})`,
  );
  for (const s of r.sites) {
    console.log(
      `  ${s.pos} ${s.base}: P(ref) ${s.pRef.toFixed(2)} (rank ${s.pRefRank} of ${r.positions}, best predicted first), ` +
        `mean score ${s.meanScore.toFixed(2)} (rank ${s.scoreRank} of ${r.positions}, most negative first)`,
    );
  }
}
