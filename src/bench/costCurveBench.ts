// npm run bench -- --cost-curve: the app's "Measure on this device" table on this machine (Node, tfjs-wasm):
// forward time against length, one bundled model per architecture, with the fitted log-log slope.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { COST_LENGTHS, measureCostCurve } from './costCurve';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';

/** `extra`: model folders to measure besides the bundled ones (a trained model not bundled). */
export async function costCurveSection(log: (m: string) => void, extra: string[] = []): Promise<string[]> {
  await useNodeBackend('wasm');
  const index = JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')) as {
    models: { id: string; path: string }[];
  };
  const seen = new Set<string>();
  const rows = [
    `Forward time against length (tfjs ${tf.getBackend()} in Node; median of 3 passes after a warm-up; ms)`,
    '',
    `| model (architecture) | ${COST_LENGTHS.map((L) => L.toLocaleString('en-US')).join(' | ')} | slope |`,
    `|---|${COST_LENGTHS.map(() => '---:').join('|')}|---:|`,
  ];
  const dirs = [...index.models.map((m) => join(REPO_ROOT, 'public', m.path)), ...extra];
  for (const dir of dirs) {
    const m = { id: JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).id as string };
    const type = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).architecture.type as string;
    if (seen.has(type)) continue;
    seen.add(type);
    const model = await loadModel(fileSource(dir));
    log(`cost curve ${m.id} (${type})`);
    const c = await measureCostCurve(model, { onProgress: (done, total) => log(`  ${done}/${total}`) });
    model.dispose();
    const cells = COST_LENGTHS.map((L) => {
      const p = c.points.find((q) => q.length === L);
      return p ? p.ms.toFixed(p.ms < 10 ? 1 : 0) : '–';
    });
    const slope = `${c.slope?.toFixed(2) ?? '–'}${c.stopped ? ` (${c.stopped})` : ''}`;
    rows.push(`| ${m.id} (${type}) | ${cells.join(' | ')} | ${slope} |`);
  }
  return rows;
}
