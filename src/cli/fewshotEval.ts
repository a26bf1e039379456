// npx tsx src/cli/fewshotEval.ts [--no-levers] [MODEL_DIR ...]: few-shot probes on the BRCA1 SGE dev split
// (src/eval/fewshotEval.ts) for every bundled model, or the folders given; markdown to stdout, progress to
// stderr. --no-levers: the feature sets and combined models only (as npm run eval -- --fewshot), not the levers.
// FEWSHOT_CACHE=DIR keeps computed features there between runs (stale once the features' code changes).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../model/loadModel';
import type { LoadedModel } from '../model/meta';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { brca1DevData } from '../eval/fewshotData';
import type { FeatureCache } from '../eval/fewshotCache';
import { fewshotEval } from '../eval/fewshotEval';
import { fewshotMarkdown } from '../eval/fewshotReport';

function fileCache(dir: string, tag: (key: string) => string): FeatureCache {
  mkdirSync(dir, { recursive: true });
  const path = (key: string) => join(dir, `${tag(key)}.f64`);
  return {
    get: (key) => {
      if (!existsSync(path(key))) return undefined;
      const b = readFileSync(path(key));
      return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    },
    set: (key, data) => writeFileSync(path(key), Buffer.from(data.buffer, data.byteOffset, data.byteLength)),
  };
}

async function main(): Promise<void> {
  await useNodeBackend('wasm');
  const base = join(REPO_ROOT, 'public/models');
  const given = process.argv.slice(2).filter((a) => a !== '--no-levers'),
    levers = !process.argv.includes('--no-levers');
  const dirs =
    given.length > 0
      ? given
      : readdirSync(base)
          .map((d) => join(base, d))
          .filter((d) => existsSync(join(d, 'model.json')))
          .sort();
  const models: { name: string; model: LoadedModel; hash: string }[] = [];
  for (const dir of dirs) {
    const model = await loadModel(fileSource(dir));
    const card = existsSync(join(dir, 'model.json')) ? 'model.json' : 'config.json';
    const hash = createHash('sha1')
      .update(readFileSync(join(dir, card)))
      .digest('hex')
      .slice(0, 10);
    models.push({ name: model.meta.id, model, hash });
  }
  const hashOf = new Map(models.map((m) => [m.name, m.hash]));
  const cacheDir = process.env.FEWSHOT_CACHE;
  const cache = cacheDir ? fileCache(cacheDir, (key) => `${key}.${hashOf.get(key.split('.')[0]!) ?? ''}`) : undefined;
  const t0 = performance.now();
  const result = await fewshotEval(models, brca1DevData(), {
    cache,
    levers,
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const minutes = ((performance.now() - t0) / 60000).toFixed(1);
  process.stdout.write(`${fewshotMarkdown(result)}\n\n(wasm backend, ${minutes} min)\n`);
  for (const m of models) m.model.dispose();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
