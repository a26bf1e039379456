// npm run calibrate: the distribution of each of a model's scores over 2,000 random substitutions of the
// held-out BRCA1 region, written into the model's model.json (scoreDistribution), so the app and the CLI
// can show a variant's percentile beside its raw score. Run after training/export.py or export:markov.
//
//   npm run calibrate [-- public/models/<id> ...]     (default: every bundled model)

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CALIBRATION_SUBSTITUTIONS, scoreDistribution } from '../eval/calibration';
import { loadModel } from '../model/loadModel';
import { BRCA1_FASTA, readFasta } from '../node/data';
import { fileSource } from '../node/fileSource';
import { modelDirs, useNodeBackend } from '../node/nodeRuntime';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { backend: { type: 'string', default: 'wasm' } },
});

async function main() {
  await useNodeBackend(values.backend as 'wasm' | 'cpu');
  const region = readFasta(BRCA1_FASTA)[0]!;
  const dirs = positionals.length
    ? positionals.map((d) => resolve(d))
    : modelDirs().filter((d) => !d.includes('/.cache/'));
  for (const dir of dirs) {
    const t = performance.now();
    const model = await loadModel(fileSource(dir));
    const dist = await scoreDistribution(
      model,
      region.sequence,
      `${CALIBRATION_SUBSTITUTIONS.toLocaleString('en-US')} random substitutions of the held-out BRCA1 region (${region.name}, hg19), one per position`,
    );
    model.dispose();
    const path = join(dir, 'model.json');
    const meta = JSON.parse(readFileSync(path, 'utf8'));
    meta.scoreDistribution = dist;
    writeFileSync(path, `${JSON.stringify(meta, null, 1)}\n`);
    const med = Object.entries(dist.quantiles)
      .map(([m, q]) => `${m} median ${q[50]!.toFixed(3)}, 1% ${q[1]!.toFixed(3)}`)
      .join('; ');
    process.stderr.write(`${dir}: ${med} (${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  }
}

main().catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
