// Builds the bundled order-k Markov baseline from the neural models' training data:
//   npm run export:markov [-- --order 9 --id markov-k9-chr22]
// Writes public/models/<id>/ (model.json with the counts shard's sha256, counts.bin, README.md).

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { heldoutBits, HELDOUT } from '../eval/heldout';
import { encode, VOCAB } from '../genome/tokens';
import { MODEL_FORMAT, type ModelManifest } from '../model/manifest';
import { countKmers, MarkovModel } from '../model/markov';
import { BRCA1_FASTA, chr22Training, readFasta, trainingRecords } from '../node/data';
import { REPO_ROOT } from '../node/nodeRuntime';

const split = chr22Training();
const { values: args } = parseArgs({
  options: {
    order: { type: 'string', default: '9' },
    alpha: { type: 'string', default: '4' },
    id: { type: 'string', default: 'markov-k9-chr22' },
    genomes: { type: 'string', default: split.genomes.join(',') },
  },
});

async function main() {
  const order = Number(args.order),
    alpha = Number(args.alpha);
  const genomes = args.genomes!.split(',');
  const t0 = performance.now();
  // the same records the neural models train on (contracts.json's config: at least 512 bp, every 50th held out)
  const train = trainingRecords({ ...split, genomes }).map((r) => encode(r.sequence));
  const bases = train.reduce((n, r) => n + r.length, 0);
  const counts = countKmers(train, order);
  const model = new MarkovModel(order, counts, alpha);
  const held = await heldoutBits(model, encode(readFasta(BRCA1_FASTA)[0]!.sequence));
  const out = join(REPO_ROOT, 'public/models', args.id!);
  mkdirSync(out, { recursive: true });
  const bytes = Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength);
  writeFileSync(join(out, 'counts.bin'), bytes);
  const manifest: ModelManifest = {
    format: MODEL_FORMAT,
    id: args.id!,
    name: `Order-${order} Markov baseline (chr22)`,
    objective: 'clm',
    architecture: { type: 'markov', order, alpha, context: 1024 },
    vocab: [...VOCAB],
    parameters: counts.length,
    weightsBytes: bytes.byteLength,
    weightsManifest: [
      {
        paths: ['counts.bin'],
        weights: [{ name: 'counts', shape: [counts.length], dtype: 'uint32' }],
        sha256: [createHash('sha256').update(bytes).digest('hex')],
      },
    ],
    training: {
      genomes: genomes.map((g) => g.split('/').pop()),
      trainBases: bases,
      bothStrands: true,
      seconds: (performance.now() - t0) / 1000,
    },
    metrics: { heldoutBits: held.bits, heldoutPositions: held.positions, heldoutWindow: HELDOUT.window },
  };
  writeFileSync(join(out, 'model.json'), JSON.stringify(manifest, null, 1));
  writeFileSync(
    join(out, 'README.md'),
    `# ${manifest.name}

A baseline, not a neural network: P(base | the ${order} bases before it), counted on both strands of
${bases.toLocaleString('en-US')} bases of human chr22 (${genomes.map((g) => g.split('/').pop()).join(', ')}; the records the
neural models train on: at least 512 bp, every 50th held out). Each order is smoothed towards the order below
(Dirichlet prior, alpha ${alpha}), so contexts never seen, or cut by N, fall back to shorter ones.
It has no attention. Shown in the app so you can see what the neural models know beyond ${order + 1}-mer statistics.

| metric | value |
|---|---|
| held-out bits/nt, BRCA1 region, ${held.positions} fixed positions | ${held.bits.toFixed(3)} |

Weights: ${counts.length.toLocaleString('en-US')} uint32 counts of ${order + 1}-mers (${(bytes.byteLength / 1e6).toFixed(1)} MB).
\`npm run eval\` compares it with the other orders and the neural models.

## Reproduce
\`\`\`
npm run export:markov -- --order ${order} --alpha ${alpha} --id ${args.id}
\`\`\`
`,
  );
  console.log(
    `exported ${args.id}: held-out ${held.bits.toFixed(4)} bits/nt, ${(bytes.byteLength / 1e6).toFixed(1)} MB -> ${out}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
