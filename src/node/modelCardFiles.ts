// Writes a model folder's metrics.variantEffect into its model.json and the card section stated from it into its
// README.md, so that the numbers a card states are always those model.json records.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantEffectSection, withVariantEffectSection } from '../eval/modelCard';
import { validateManifest } from '../model/manifest';
import type { VariantEffectMetrics } from '../model/variantMetrics';

/** Record `metrics` in dir/model.json (validated before it is written), then rewrite the card section. */
export function writeVariantEffect(dir: string, metrics: VariantEffectMetrics): void {
  const path = join(dir, 'model.json');
  const meta = JSON.parse(readFileSync(path, 'utf8')) as { metrics?: Record<string, unknown> };
  meta.metrics = { ...meta.metrics, variantEffect: metrics };
  validateManifest(meta, path);
  writeFileSync(path, `${JSON.stringify(meta, null, 1)}\n`);
  writeCardSection(dir);
}

/** Rewrite dir/README.md's variant-effect section from dir/model.json; false when model.json records none. */
export function writeCardSection(dir: string): boolean {
  const path = join(dir, 'model.json');
  const metrics = validateManifest(JSON.parse(readFileSync(path, 'utf8')), path).metrics.variantEffect;
  if (!metrics) return false;
  const card = join(dir, 'README.md');
  const readme = existsSync(card) ? readFileSync(card, 'utf8') : '';
  writeFileSync(card, withVariantEffectSection(readme, variantEffectSection(metrics)));
  return true;
}
