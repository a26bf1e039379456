// npm run cards: rewrite each model card's variant-effect section from its model.json (metrics.variantEffect,
// written by npm run eval -- --write-metrics), after a change to the section's wording or a re-export of the card.
//
//   npm run cards [-- public/models/<id> ...]     (default: every bundled model)

import { relative, resolve } from 'node:path';
import { writeCardSection } from '../node/modelCardFiles';
import { modelDirs } from '../node/nodeRuntime';

const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : modelDirs().filter((d) => !d.includes('/.cache/'));
for (const dir of dirs) {
  const name = relative(process.cwd(), dir) || '.';
  process.stderr.write(writeCardSection(dir) ? `${name}: card section rewritten\n` : `${name}: no metrics.variantEffect in model.json (npm run eval -- --write-metrics)\n`);
}
