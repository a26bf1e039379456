// npm run cards: rewrite each model card's variant-effect section from its model.json (metrics.variantEffect,
// written by npm run eval -- --write-metrics), after a change to the section's wording or a re-export of the card.
//
//   npm run cards [-- public/models/<id> ...]     (default: every bundled model)

import { relative, resolve } from 'node:path';
import { writeCardSection } from '../node/modelCardFiles';
import { modelDirs } from '../node/nodeRuntime';

const given = process.argv.slice(2).map((d) => resolve(d));
const dirs = given.length ? given : modelDirs().filter((d) => !d.includes('/.cache/'));
for (const dir of dirs) {
  const name = relative(process.cwd(), dir) || '.';
  const none = 'no metrics.variantEffect in model.json (npm run eval -- --write-metrics)';
  process.stderr.write(`${name}: ${writeCardSection(dir) ? 'card section rewritten' : none}\n`);
}
