// The best model per question over the bundled models' recorded metrics, against docs/eval.md's table, and the
// licence read from a model card's front matter.

import { describe, expect, it } from 'vitest';
import type { VariantEffectMetrics } from '../model/variantMetrics';
import index from '../../public/models/index.json';
import { bestPerQuestion, frontMatterLicence, type Measured } from './modelFolder';

const manifests = import.meta.glob<{ metrics: { variantEffect: VariantEffectMetrics } }>(
  '../../public/models/*/model.json',
  { eager: true, import: 'default' },
);
const bundled: Measured[] = index.models.map((m) => ({
  id: m.id,
  name: m.name,
  metrics: manifests[`../../public/models/${m.id}/model.json`]!.metrics.variantEffect,
}));

describe('bestPerQuestion', () => {
  it('names the exon-centred masked model for every question, as docs/eval.md ranks them', () => {
    // docs/eval.md: the highest "all", "nonsense vs synonymous" and "canonical splice vs intronic" of the bundled
    // rows are mlm-hybrid-exon masked: 0.548, 0.609 and 0.616
    const best = bestPerQuestion(bundled);
    for (const q of ['coding', 'splice', 'overall'] as const) {
      expect(best[q]!.model.id).toBe('mlm-hybrid-exon');
      expect(best[q]!.method).toBe('masked');
    }
    expect(best.coding!.model.metrics.recommendation.coding.auroc.toFixed(3)).toBe('0.609');
  });
  it('follows the numbers, not the order of the list', () => {
    const others = bundled.filter((m) => m.id !== 'mlm-hybrid-exon');
    // without it, the best overall is clm-hybrid-chr22's influence (0.522 in docs/eval.md), wherever it is listed
    expect(bestPerQuestion(others).overall!.model.id).toBe('clm-hybrid-chr22');
    expect(bestPerQuestion([...others].reverse()).overall!.model.id).toBe('clm-hybrid-chr22');
    expect(bestPerQuestion([])).toEqual({});
  });
  it('the default model, the first of the list, is the best measured one', () => {
    expect(index.models[0]!.id).toBe(bestPerQuestion(bundled).overall!.model.id);
  });
});

describe('frontMatterLicence', () => {
  it('reads the license line of a YAML front matter, and nothing else', () => {
    expect(frontMatterLicence('---\nlibrary_name: x\nlicense: apache-2.0\ntags:\n- dna\n---\n# Card')).toBe(
      'apache-2.0',
    );
    expect(frontMatterLicence('---\nlicense: "mit"\n---\n')).toBe('mit');
    expect(frontMatterLicence('# Masked hybrid\n\nlicense: not front matter\n')).toBeNull();
    expect(frontMatterLicence('---\ntags: [dna]\n---\nlicense: mit')).toBeNull();
  });
});
