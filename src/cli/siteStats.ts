// What a gallery example's likelihood track and mutagenesis heatmap show at named sites, in numbers: for each
// model, P(reference) at each site in the likelihood track (masked as the app's track masks it) and the mean masked-marginal score of its three
// substitutions (the app's defaults: window 256, one strand), with the site's rank among the region's
// positions (1 = the most constrained) and the region's median. Backs the gallery's splice-site captions.
// Usage: npx tsx src/cli/siteStats.ts <example.fa> <model id,...> <from> <to> <site,...> (1-based, inclusive)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MASK_STRIDE, likelihoodScan } from '../analysis/likelihoodScan';
import { saturationMutagenesis } from '../analysis/mutagenesis';
import { DEFAULT_WINDOW } from '../analysis/variantEffect';
import { parseSequence } from '../genome/parseSequence';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';

const [file, ids, from, to, siteList] = process.argv.slice(2);
const start = Number(from) - 1, end = Number(to);
const sites = (siteList ?? '').split(',').map(Number);
if (!file || !ids || !(start >= 0 && end > start) || !sites.length || sites.some((s) => !(s > start && s <= end))) {
  console.error('usage: siteStats.ts <example.fa> <model id,...> <from> <to> <site,...> (sites inside from-to, 1-based)');
  process.exit(2);
}
await useNodeBackend('wasm');
const rec = parseSequence(readFileSync(join(REPO_ROOT, 'public/examples', file), 'utf8')).records[0]!;
const tokens = encode(rec.sequence);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

for (const id of ids.split(',')) {
  const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', id)));
  const scan = await likelihoodScan(model, tokens, { maskStride: DEFAULT_MASK_STRIDE });
  const mut = await saturationMutagenesis(model, rec.sequence, start, end, { method: 'masked', window: DEFAULT_WINDOW });
  const pos: number[] = [], meanScore: number[] = [], refBits: number[] = [];
  for (let p = start; p < end; p++) {
    const cells = Array.from(mut.scores.subarray((p - start) * 4, (p - start + 1) * 4)).filter(Number.isFinite);
    if (cells.length !== 3) continue; // N or not a base
    pos.push(p + 1);
    meanScore.push(cells.reduce((a, b) => a + b, 0) / 3);
    refBits.push(scan.observedBits[p]!);
  }
  const rank = (xs: number[], v: number, lowFirst: boolean) => 1 + xs.filter((x) => (lowFirst ? x < v : x > v)).length;
  console.log(`${rec.name} ${from}-${to}, ${id} (${pos.length} positions; medians: P(ref) ${(2 ** median(refBits)).toFixed(2)}, mean score ${median(meanScore).toFixed(2)})`);
  for (const s of sites) {
    const k = pos.indexOf(s);
    if (k < 0) { console.log(`  ${s}: not scored`); continue; }
    console.log(`  ${s} ${rec.sequence[s - 1]}: P(ref) ${(2 ** refBits[k]!).toFixed(2)} (rank ${rank(refBits, refBits[k]!, false)} of ${pos.length}, best predicted first), `
      + `mean score ${meanScore[k]!.toFixed(2)} (rank ${rank(meanScore, meanScore[k]!, true)} of ${pos.length}, most negative first)`);
  }
  model.dispose();
}
