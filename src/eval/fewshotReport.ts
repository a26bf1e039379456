// The few-shot evaluation as markdown: one table per section, each probe's out-of-fold AUROC beside the
// baseline's on the same folds, and the paired difference (DeLong).

import type { EvalRow, FewshotEvalResult, Section } from './fewshotEval';
import { withDifference } from './formatNumbers';

const SECTIONS: { section: Section; title: string; against: string }[] = [
  { section: 'feature sets', title: 'Feature sets, model by model', against: 'baseline' },
  { section: 'combined models', title: 'Every model at once (their columns side by side)', against: 'baseline' },
  {
    section: 'pooling and parts',
    title: 'Embedding levers: pooling and parts (window and reach as the default)',
    against: 'baseline',
  },
  { section: 'window', title: 'Embedding levers: window (pooling and parts as the default)', against: 'baseline' },
  { section: 'reach', title: 'Embedding levers: reach of the local mean (window as the default)', against: 'baseline' },
  {
    section: 'baseline widths',
    title: 'Baseline levers: one-hot reach and k-mer width, and the widest beside the' + ' embeddings',
    against: 'baseline',
  },
];

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');

/** 0.612 (0.58-0.65) */
export function withInterval(a: { value: number; lo: number; hi: number }): string {
  return Number.isFinite(a.lo) ? `${f3(a.value)} (${a.lo.toFixed(2)}-${a.hi.toFixed(2)})` : f3(a.value);
}

function table(rows: EvalRow[], against: string): string[] {
  return [
    `| model | features | columns | AUROC (95% CI) | minus ${against} (95% CI; p) | per-exon AUROC | penalty |`,
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.model} | ${r.features} | ${r.columns} | ${withInterval(r.auroc)} | ` +
        `${withDifference(r.vsBaseline)} | ${f3(r.perGroup)} | ${r.lambda.toPrecision(2)} |`,
    ),
  ];
}

/** Where a lever was tried on several models: each setting's mean AUROC over them, best first. */
function acrossModels(rows: EvalRow[]): string[] {
  const by = new Map<string, EvalRow[]>();
  for (const r of rows) by.set(r.features, [...(by.get(r.features) ?? []), r]);
  if ([...by.values()].every((v) => v.length < 2)) return [];
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const ranked = [...by]
    .map(([features, v]) => ({
      features,
      n: v.length,
      auroc: mean(v.map((x) => x.auroc.value)),
      perGroup: mean(v.map((x) => x.perGroup)),
    }))
    .sort((a, b) => b.auroc - a.auroc);
  return [
    '',
    'Mean over the models, best first: ' +
      ranked.map((x) => `${x.features}: ${f3(x.auroc)} (per exon ${f3(x.perGroup)}; ${x.n} models)`).join('; '),
  ];
}

export function fewshotMarkdown(r: FewshotEvalResult): string {
  const best = r.rows
    .filter((x) => x.section !== 'baseline widths')
    .reduce((a, b) => (b.auroc.value > a.auroc.value ? b : a));
  const out = [
    `Labelled examples: ${r.n} BRCA1 SGE dev variants, ${r.positives} LOF (positive) against FUNC and INT;` +
      ` leave-one-exon-out over exons ${r.groups.join(', ')} (each exon one outer fold; the penalty chosen` +
      ' by leave-one-exon-out inside the other four).',
    '',
    `Baseline (${r.baseline.features}, ${r.baseline.columns} columns): AUROC ${withInterval(r.baseline.auroc)}` +
      ` (per exon ${f3(r.baseline.perGroup)}).`,
    `No features at all (each held-out exon predicted by the LOF share of the other four): AUROC` +
      ` ${withInterval(r.baseRates)}, per exon 0.500. The pooled out-of-fold AUROC ranks exons against each other` +
      ' too, so a probe that learns nothing lands near this, not at 0.5; per-exon AUROC is the mean of the AUROCs' +
      ' within each held-out exon. Intervals (DeLong) treat variants as independent: variants of one exon are' +
      ' not, so they are too narrow.',
    `Best probe: ${best.model}, ${best.features} (${best.section}): AUROC ${withInterval(best.auroc)},` +
      ` ${withDifference(best.vsBaseline)} against the baseline.`,
  ];
  for (const s of SECTIONS) {
    const rows = r.rows.filter((x) => x.section === s.section);
    if (rows.length) out.push('', `### ${s.title}`, '', ...table(rows, s.against), ...acrossModels(rows));
  }
  return out.join('\n');
}
