// Few-shot probes on the BRCA1 SGE dev split, leave-one-exon-out, LOF against the rest: each model's zero-shot
// scores and embeddings, alone and together, against the sequence-only baseline on the same folds; and the
// levers behind the default embedding (pooling, parts, window, reach), combined models, baseline widths.

import { POOLINGS, type Pooling } from '../analysis/embedding';
import { DEFAULT_WINDOW, type Variant } from '../analysis/variantEffect';
import { assemble, variantBaseline, type FeatureBlock, type VariantBaselineOptions } from '../fewshot/features';
import { fitProbe, type ProbeReport } from '../fewshot/probe';
import type { Interval } from '../fewshot/report';
import {
  DEFAULT_BASELINE,
  DEFAULT_EMBEDDING,
  embeddingBlocks,
  type EmbeddingChoice,
  type EmbeddingPart,
  type NamedModel,
} from '../fewshot/variantFeatures';
import { embeddings, scores, type FeatureCache } from './fewshotCache';
import { aurocDifference, aurocInterval, type AurocDifference } from './metrics';

export interface FewshotEvalData {
  /** The sequence the variants are substitutions of. */
  seq: string;
  variants: Variant[];
  /** 1 = LOF. */
  y: Float64Array;
  /** Exon of each variant: one outer fold per exon. */
  groups: string[];
}

export interface FewshotEvalOptions {
  /** Embedding windows compared (default 64, 128, 256). */
  windows?: readonly number[];
  /** Local-pooling reaches compared at the default window (default 2, 8, 32). */
  reaches?: readonly number[];
  cache?: FeatureCache;
  log?: (msg: string) => void;
  /** false: the feature sets and the combined models only, not the levers behind the defaults (much quicker). */
  levers?: boolean;
}

export type Section = 'feature sets' | 'combined models' | 'pooling and parts' | 'window' | 'reach' | 'baseline widths';

export interface EvalRow {
  section: Section;
  model: string;
  features: string;
  columns: number;
  /** Out-of-fold AUROC with DeLong's 95% interval. */
  auroc: Interval;
  /** This probe's out-of-fold AUROC minus the default baseline's. */
  vsBaseline: AurocDifference;
  /** The mean over exons of the AUROC within each held-out exon (no shift between folds enters it). */
  perGroup: number;
  /** The penalty of the fit on all labels. */
  lambda: number;
  seconds: number;
}

export interface FewshotEvalResult {
  n: number;
  positives: number;
  groups: string[];
  baseline: EvalRow;
  /**
   * The pooled AUROC of predictions without features: each held-out exon gets the LOF share of the other
   * exons. Pooling out-of-fold predictions across exons ranks exons against each other, so this is not 0.5.
   */
  baseRates: Interval;
  rows: EvalRow[];
}

const PARTS: readonly (readonly EmbeddingPart[])[] = [
  ['diff'],
  ['alt'],
  ['ref'],
  ['ref', 'diff'],
  ['ref', 'alt', 'diff'],
];
const WIDE_BASELINE: Required<VariantBaselineOptions> = { window: 5, kmer: 5 };
const BASELINE_WIDTHS: readonly Required<VariantBaselineOptions>[] = [
  { window: 0, kmer: 3 },
  { window: 5, kmer: 3 },
  { window: 10, kmer: 3 },
  { window: 2, kmer: 1 },
  { window: 2, kmer: 5 },
  WIDE_BASELINE,
];

interface Fit {
  report: ProbeReport;
  columns: number;
  seconds: number;
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

/** Each variant's prediction is the positive share among the other groups' variants. */
function baseRates(d: FewshotEvalData): Interval {
  const share = (g: string) => mean(Array.from(d.y).filter((_, i) => d.groups[i] !== g));
  const r = aurocInterval(
    d.groups.map(share),
    Array.from(d.y, (v) => v === 1),
  );
  return { value: r.auc, lo: r.lo, hi: r.hi };
}

export async function fewshotEval(
  models: readonly NamedModel[],
  d: FewshotEvalData,
  opts: FewshotEvalOptions = {},
): Promise<FewshotEvalResult> {
  const log = opts.log ?? (() => {});
  const windows = opts.windows ?? [64, 128, 256],
    reaches = opts.reaches ?? [2, 8, 32];
  const lof = Array.from(d.y, (v) => v === 1);
  const fit = async (blocks: FeatureBlock[]): Promise<Fit> => {
    const t = performance.now();
    const { X, names } = assemble(blocks);
    const { report } = await fitProbe({ X, names, y: d.y, kind: 'binary', groups: d.groups });
    return { report, columns: names.length, seconds: (performance.now() - t) / 1000 };
  };
  const defaultBaseline = variantBaseline(d.seq, d.variants, DEFAULT_BASELINE);
  const base = await fit([defaultBaseline]);
  const evalRow = (section: Section, model: string, features: string, r: Fit): EvalRow => {
    const { value, lo, hi } = r.report.metric,
      perGroup = mean(r.report.folds.map((f) => f.metric));
    return {
      section,
      model,
      features,
      columns: r.columns,
      auroc: { value, lo, hi },
      seconds: r.seconds,
      perGroup,
      lambda: r.report.lambda,
      vsBaseline: aurocDifference(r.report.outOfFold, base.report.outOfFold, lof),
    };
  };
  const row = async (section: Section, model: string, features: string, blocks: FeatureBlock[]) => {
    const r = evalRow(section, model, features, await fit(blocks));
    log(
      `${section} | ${model} | ${features}: AUROC ${r.auroc.value.toFixed(3)}, per exon ${r.perGroup.toFixed(3)} ` +
        `(${r.columns} columns, penalty ${r.lambda.toPrecision(2)}, ${r.seconds.toFixed(1)} s)`,
    );
    return r;
  };
  const baseline = evalRow('feature sets', 'baseline', describeBaseline(DEFAULT_BASELINE), base);
  const rows: EvalRow[] = [];
  const combined = { scores: [] as FeatureBlock[], embedding: new Map<string, FeatureBlock[]>() };
  const choice = DEFAULT_EMBEDDING,
    named = describeChoice(choice);
  for (const m of models) {
    log(`${m.name}: zero-shot scores (window ${DEFAULT_WINDOW})`);
    const s = await scores(m, d, opts.cache);
    combined.scores.push(s);
    rows.push(await row('feature sets', m.name, 'scores', [s]));
    rows.push(await row('feature sets', m.name, 'scores + baseline', [s, defaultBaseline]));
    if (m.model.representation.kind !== 'hidden') continue;
    log(`${m.name}: embeddings`);
    const at = (window: number, reach = choice.reach) => embeddings(m, d, window, reach, opts.cache);
    const e = embeddingBlocks(m.name, await at(choice.window), choice);
    combined.embedding.set(m.name, e);
    rows.push(await row('feature sets', m.name, `embedding (${named})`, e));
    rows.push(await row('feature sets', m.name, 'scores + embedding', [s, ...e]));
    rows.push(await row('feature sets', m.name, 'scores + embedding + baseline', [s, ...e, defaultBaseline]));
    if (opts.levers === false) continue;
    const byPooling = await at(choice.window);
    for (const poolings of [...POOLINGS.map((p) => [p]), POOLINGS] as Pooling[][]) {
      for (const parts of poolings.length > 1 ? [['diff'] as EmbeddingPart[]] : PARTS) {
        const c = { ...choice, poolings, parts };
        rows.push(await row('pooling and parts', m.name, describeChoice(c), embeddingBlocks(m.name, byPooling, c)));
      }
    }
    for (const window of windows) {
      const c = { ...choice, window };
      rows.push(await row('window', m.name, describeChoice(c), embeddingBlocks(m.name, await at(window), c)));
    }
    for (const reach of reaches) {
      const c = { ...choice, poolings: ['local'] as Pooling[], reach };
      const e = await at(choice.window, reach);
      rows.push(await row('reach', m.name, describeChoice(c), embeddingBlocks(m.name, e, c)));
    }
  }
  const all = 'all models';
  rows.push(await row('combined models', all, 'scores', combined.scores));
  const allEmbeddings = [...combined.embedding.values()].flat();
  rows.push(await row('combined models', all, `embedding (${named})`, allEmbeddings));
  rows.push(await row('combined models', all, 'scores + embedding', [...combined.scores, ...allEmbeddings]));
  rows.push(
    await row('combined models', all, 'scores + embedding + baseline', [
      ...combined.scores,
      ...allEmbeddings,
      defaultBaseline,
    ]),
  );
  const groups = [...new Set(d.groups)];
  const result = { n: d.y.length, positives: lof.filter(Boolean).length, groups, baseline, baseRates: baseRates(d) };
  if (opts.levers === false) return { ...result, rows };
  for (const b of BASELINE_WIDTHS) {
    rows.push(await row('baseline widths', 'baseline', describeBaseline(b), [variantBaseline(d.seq, d.variants, b)]));
  }
  // the widest baseline beside each model's embedding: does the embedding add to the best sequence-only features?
  const wide = variantBaseline(d.seq, d.variants, WIDE_BASELINE),
    plus = `+ ${describeBaseline(WIDE_BASELINE)}`;
  for (const [name, e] of combined.embedding) {
    rows.push(await row('baseline widths', name, `embedding (${named}) ${plus}`, [...e, wide]));
  }
  const everything = [...combined.scores, ...allEmbeddings, wide];
  rows.push(await row('baseline widths', all, `scores + embedding ${plus}`, everything));
  return { ...result, rows };
}

export function describeChoice(c: EmbeddingChoice): string {
  const pooling = c.poolings.map((p) => (p === 'local' ? `local +-${c.reach}` : p)).join(' + ');
  return `${pooling}; ${c.parts.join(' + ')}; window ${c.window}`;
}

export function describeBaseline(b: Required<VariantBaselineOptions>): string {
  return `one-hot +-${b.window}, k-mer changes k <= ${b.kmer}`;
}
