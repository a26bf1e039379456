// What npm run fewshot says on stderr about a probe: the labels read, the probe's and the baseline's
// cross-validated metric side by side with intervals, their paired difference, and the strongest features.

import { withInterval } from '../eval/fewshotReport';
import { withDifference } from '../eval/formatNumbers';
import type { FewshotResult, Fitted } from './probePair';
import type { ProbeKind } from './probe';
import type { FeatureSet } from './variantFeatures';

export interface SummaryContext {
  kind: ProbeKind;
  sets: readonly FeatureSet[];
  /** The group column's name, when there is one. */
  groups?: string;
  /** Binary labels: how often each raw value occurs. */
  values: Map<string, number>;
}

const STRONGEST = 5;

function metric(name: string, f: Fitted): string {
  const m = f.report.metric;
  return `${name} (${f.columns} columns): ${m.name} ${withInterval(m)}, penalty ${f.report.lambda.toPrecision(2)}`;
}

export function fewshotSummary(r: FewshotResult, c: SummaryContext): string[] {
  const rep = r.probe.report;
  const labels =
    c.kind === 'binary'
      ? `${rep.n} labelled variants, ${rep.positives} positive; values read: ` +
        [...c.values].map(([v, n]) => `'${v}' ${n}`).join(', ')
      : `${rep.n} labelled variants with numeric labels`;
  const folds = `${rep.scheme}, ${rep.folds.length} folds${c.groups ? ` by '${c.groups}'` : ''}`;
  const lines = [
    `${labels}; cross-validation: ${folds} (nested: the penalty chosen inside each training part)`,
    metric(`probe [${c.sets.join(' + ')}]`, r.probe),
    metric('baseline [one-hot window and k-mer changes, sequence only]', r.baseline),
  ];
  lines.push(
    `probe minus baseline: ${withDifference(r.difference)} (${r.difference.test}, the same out-of-fold folds)`,
  );
  const top = rep.importance
    .slice(0, STRONGEST)
    .map(
      (i) =>
        `${i.name} ${i.coef >= 0 ? '+' : ''}${i.coef.toFixed(2)} ` +
        `(sign in ${Math.round(100 * i.signAgreement)}% of folds)`,
    );
  lines.push(`strongest probe features (per standard deviation): ${top.join(', ')}`);
  for (const [name, f] of [
    ['probe', r.probe],
    ['baseline', r.baseline],
  ] as const) {
    for (const w of f.report.warnings) lines.push(`warning (${name}): ${w}`);
  }
  return lines;
}
