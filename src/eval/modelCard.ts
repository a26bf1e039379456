// The model card's variant-effect section (public/models/<id>/README.md), written from model.json's
// metrics.variantEffect by npm run eval -- --write-metrics and npm run cards, never by hand.

import { DEFAULT_WINDOW } from '../analysis/variantEffect';
import { QUESTIONS } from '../model/variantMetrics';
import type { AurocEstimate, Question, Verdict, VariantEffectMetrics } from '../model/variantMetrics';

export const SECTION_TITLE = '## Variant effects (BRCA1 SGE dev split)';
const MARK =
  '<!-- written from model.json metrics.variantEffect by `npm run cards` ' +
  '(npm run eval -- --write-metrics); do not edit -->';

const READING: Record<Verdict, string> = {
  separates: 'better than chance',
  chance: 'no better than chance',
  inverted: 'worse than chance: ranks these the wrong way round',
};

const est = (e: AurocEstimate) => `${e.auroc.toFixed(3)} (${e.lo.toFixed(2)}-${e.hi.toFixed(2)})`;
const pValue = (p: number) => (p < 0.001 ? '<0.001' : p.toFixed(3));

/** The section, title included. */
export function variantEffectSection(m: VariantEffectMetrics): string {
  const methods = Object.entries(m.methods);
  const rows = (Object.keys(QUESTIONS) as Question[]).map((q) => {
    const r = m.recommendation[q],
      e = m.methods[r.method]![QUESTIONS[q].estimate];
    const v = r.versusNext;
    const sign = v && v.difference >= 0 ? '+' : '';
    const next = v ? `${sign}${v.difference.toFixed(3)} over ${v.method} (p ${pValue(v.p)})` : '–';
    const compares = `${QUESTIONS[q].compares} (${e.positives} vs ${e.negatives})`;
    return `| ${QUESTIONS[q].label} | ${compares} | ${r.method} | ${est(e)} | ${READING[r.verdict]} | ${next} |`;
  });
  return [
    SECTION_TITLE,
    MARK,
    `Zero-shot scores on the ${m.dataset}.`,
    'AUROC with 95% DeLong intervals: 0.5 is chance; below 0.5 the score calls the first group less damaging than the',
    'second. For scale on this set: CADD 0.794, mammalian phyloP 0.788, Evo 2 1B about 0.73 ' +
      '(../shared/data/README.md).',
    `Measured ${m.date.slice(0, 10)} on the ${m.backend} backend by \`${m.command}\`.`,
    '',
    '| question | compares (variants) | best method | AUROC (95% CI) | reading ' +
      '| against the next best (DeLong, paired) |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '| method | window | strands | scored | LOF vs rest | nonsense vs synonymous | canonical splice vs intronic |',
    '|---|---|---|---|---|---|---|',
    ...methods.map(
      ([name, x]) =>
        `| ${name} | ${x.window} | ${x.bothStrands ? 2 : 1} | ${x.scored} | ${est(x.lof)} ` +
        `| ${est(x.nonsenseVsSynonymous)} | ${est(x.canonicalSpliceVsIntronic)} |`,
    ),
    '',
    `Not for clinical use. "Best" is the highest AUROC on this dev split at the windows above (the page scores at the`,
    `window you choose, ${DEFAULT_WINDOW} bases by default). A score and its percentile say how unusual a variant ` +
      'looks to this',
    'model, not whether it is pathogenic.',
  ].join('\n');
}

/** readme with its variant-effect section replaced by `section`, or put before Limits (or Reproduce, or at the end). */
export function withVariantEffectSection(readme: string, section: string): string {
  const lines = readme.replace(/\n+$/, '').split('\n');
  const body = [...section.replace(/\n+$/, '').split('\n'), ''];
  const at = lines.findIndex((l) => l.startsWith('## Variant effects'));
  const title = (t: string, from = -1) => {
    const i = lines.findIndex((l, k) => k > from && l.startsWith(t));
    return i < 0 ? lines.length : i;
  };
  const next = (from: number) => title('## ', from);
  const before = Math.min(title('## Limits'), title('## Reproduce'));
  const [from, to] = at >= 0 ? [at, next(at)] : [before, before];
  const head = lines.slice(0, from);
  if (head.length && head.at(-1) !== '') head.push('');
  return `${[...head, ...body, ...lines.slice(to)].join('\n').replace(/\n+$/, '')}\n`;
}
