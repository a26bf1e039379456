// What npm run eval measures of one model, as typed results: held-out bits, the grammar probe, and per score
// method the BRCA1 SGE dev AUROCs (LOF against the rest, contrasts between consequence classes, LOF within each
// class). formatEval.ts makes the tables of them, modelMetrics.ts what a model.json records.

import { methodsFor, oddWindow, scoreVariants, type ScoreMethod, type Variant } from '../analysis/variantEffect';
import { parseRegion } from '../genome/region';
import { encode } from '../genome/tokens';
import type { LanguageModel } from '../model/languageModel';
import { grammarProbe, PROBE_GROUPS, probeGroup } from './grammarProbe';
import type { GrammarSite, ProbeGroup, ProbeResult } from './grammarProbe';
import { heldoutBits } from './heldout';
import { auroc, aurocDifference, aurocInterval, type AurocDifference, type AurocInterval } from './metrics';

/** A row of the BRCA1 SGE table (src/node/data.ts readSge). */
export interface SgeRow {
  pos: number;
  ref: string;
  alt: string;
  consequence: string;
  funcClass: 'FUNC' | 'INT' | 'LOF';
}

/** Contrasts between consequence classes: AUROC of the first class (as positives) against the second. */
export const CONTRASTS = [
  { name: 'nonsense vs synonymous', positive: 'Nonsense', negative: 'Synonymous' },
  { name: 'canonical splice vs intronic', positive: 'Canonical splice', negative: 'Intronic' },
  { name: 'missense vs synonymous', positive: 'Missense', negative: 'Synonymous' },
  { name: 'splice region vs intronic', positive: 'Splice region', negative: 'Intronic' },
] as const;
export type ContrastName = (typeof CONTRASTS)[number]['name'];

/** Consequence groups within which LOF is set against the rest. */
export const CONSEQUENCE_GROUPS: readonly { name: string; consequences: readonly string[] }[] = [
  { name: 'missense', consequences: ['Missense'] },
  { name: 'nonsense', consequences: ['Nonsense'] },
  { name: 'synonymous', consequences: ['Synonymous'] },
  { name: 'splice', consequences: ['Canonical splice', 'Splice region'] },
  { name: 'intronic', consequences: ['Intronic'] },
  { name: "5' UTR", consequences: ["5' UTR"] },
];

/** What every model is evaluated on. */
export interface EvalData {
  /** The region the variants lie in (a record named chrom:start-end) and the file it came from. */
  region: { name: string; sequence: string; source: string };
  tokens: Int32Array;
  sge: SgeRow[];
  isLof: boolean[];
  variants: Variant[];
  grammar: { sites: GrammarSite[]; records: Map<string, string>; heldoutGenes: number };
  /** Per entry of CONTRASTS: the variants of its two classes (keep) and, for those, whether each is of the first. */
  contrasts: { keep: boolean[]; labels: boolean[] }[];
}

export function evalData(region: EvalData['region'], sge: SgeRow[], grammar: EvalData['grammar']): EvalData {
  const start = parseRegion(region.name).start;
  const contrasts = CONTRASTS.map(({ positive, negative }) => {
    const keep = sge.map((v) => v.consequence === positive || v.consequence === negative);
    return { keep, labels: sge.filter((_, i) => keep[i]).map((v) => v.consequence === positive) };
  });
  const variants = sge.map((v) => ({ pos: v.pos - start, ref: v.ref, alt: v.alt }));
  variants.forEach((v, i) => {
    const found = region.sequence[v.pos];
    if (found?.toUpperCase() !== v.ref) {
      throw new Error(`variant ${sge[i]!.pos} ${v.ref}>${v.alt}: ${region.name} has ${found ?? 'no base'} there`);
    }
  });
  const isLof = sge.map((v) => v.funcClass === 'LOF');
  return { region, tokens: encode(region.sequence), sge, isLof, variants, grammar, contrasts };
}

/** The counts the tables' headings state. */
export interface EvalSummary {
  regionSource: string;
  variants: number;
  lof: number;
  heldoutGenes: number;
  sites: Record<ProbeGroup, number>;
  /** LOF variants in each of CONSEQUENCE_GROUPS. */
  groupLof: number[];
}

export function summarize(d: EvalData): EvalSummary {
  const count = (g: ProbeGroup) => d.grammar.sites.filter((s) => probeGroup(s) === g).length;
  const sites = Object.fromEntries(PROBE_GROUPS.map((g) => [g, count(g)])) as Record<ProbeGroup, number>;
  const groupLof = CONSEQUENCE_GROUPS.map(
    ({ consequences }) => d.sge.filter((v) => consequences.includes(v.consequence) && v.funcClass === 'LOF').length,
  );
  return {
    regionSource: d.region.source,
    variants: d.sge.length,
    lof: d.isLof.filter(Boolean).length,
    heldoutGenes: d.grammar.heldoutGenes,
    sites,
    groupLof,
  };
}

/** An AUROC with its 95% DeLong interval and the scored variants it compares. */
export interface CountedAuroc extends AurocInterval {
  positives: number;
  negatives: number;
}

export function countedAuroc(scores: number[], labels: boolean[]): CountedAuroc {
  const scored = labels.filter((_, i) => Number.isFinite(scores[i]!));
  const positives = scored.filter(Boolean).length;
  return { ...aurocInterval(scores, labels), positives, negatives: scored.length - positives };
}

/** One score method at one window and strand setting. */
export interface MethodResult {
  method: ScoreMethod;
  /** The window the method read (odd; masked and wt capped at the model's context). */
  window: number;
  strands: 1 | 2;
  /** LOF against FUNC + INT, over all variants. */
  all: CountedAuroc;
  /** Aligned with CONTRASTS. */
  contrasts: CountedAuroc[];
  /** LOF against the rest within each of CONSEQUENCE_GROUPS (NaN without both). */
  byGroup: number[];
  variantsPerSecond: number;
  /** The scores negated (higher = more damaging), NaN where none: for paired comparisons. */
  scores: number[];
}

export interface ModelResult {
  name: string;
  kind: string;
  heldout: { bits: number; positions: number; seconds: number } | null;
  probe: Partial<Record<ProbeGroup, ProbeResult>>;
  methods: MethodResult[];
}

export interface EvalSettings {
  /** Windows of the marginal and dll scores, and of the influence score (one strand: it costs a pass per alt). */
  windows: number[];
  influence: number[];
  strands: (1 | 2)[];
  heldout: boolean;
}

const seconds = (t: number) => (performance.now() - t) / 1000;

export async function evaluateModel(
  name: string,
  kind: string,
  model: LanguageModel,
  d: EvalData,
  s: EvalSettings,
): Promise<ModelResult> {
  let heldout: ModelResult['heldout'] = null;
  if (s.heldout) {
    const t = performance.now();
    const r = await heldoutBits(model, d.tokens);
    heldout = { ...r, seconds: seconds(t) };
  }
  const probe = Object.fromEntries(await grammarProbe(model, d.grammar.sites, d.grammar.records));
  const methods: MethodResult[] = [];
  for (const method of methodsFor(model.objective)) {
    for (const window of method === 'influence' ? s.influence : s.windows) {
      for (const strands of method === 'influence' ? [1 as const] : s.strands) {
        const t = performance.now();
        const opts = { method, window, bothStrands: strands === 2 };
        const { scores } = await scoreVariants(model, d.region.sequence, d.variants, opts);
        const secs = seconds(t);
        const neg = scores.map((x) => (x.score === null ? NaN : -x.score));
        const byGroup = CONSEQUENCE_GROUPS.map(({ consequences }) => {
          const keep = d.sge.map((v) => consequences.includes(v.consequence));
          return auroc(
            neg.filter((_, i) => keep[i]),
            d.isLof.filter((_, i) => keep[i]),
          );
        });
        methods.push({
          method,
          window: oddWindow(method === 'dll' ? window : Math.min(window, model.context)),
          strands,
          all: countedAuroc(neg, d.isLof),
          contrasts: d.contrasts.map(({ keep, labels }) =>
            countedAuroc(
              neg.filter((_, i) => keep[i]),
              labels,
            ),
          ),
          byGroup,
          variantsPerSecond: d.variants.length / secs,
          scores: neg,
        });
      }
    }
  }
  return { name, kind, heldout, probe, methods };
}

/** Each later model's AUROCs minus the first's, for a method, window and strands both have. */
export interface PairedResult {
  name: string;
  method: ScoreMethod;
  window: number;
  strands: 1 | 2;
  all: AurocDifference;
  contrasts: AurocDifference[];
}

const sameSetting = (a: MethodResult, b: MethodResult) =>
  a.method === b.method && a.window === b.window && a.strands === b.strands;

/** DeLong's test for two scores of the same variants, method for method against the first model. */
export function pairedDifferences(results: ModelResult[], d: EvalData): PairedResult[] {
  const [first, ...rest] = results;
  return rest.flatMap((r) =>
    r.methods.flatMap((m) => {
      const ref = first!.methods.find((x) => sameSetting(x, m));
      if (!ref) return [];
      const contrasts = d.contrasts.map(({ keep, labels }) =>
        aurocDifference(
          m.scores.filter((_, i) => keep[i]),
          ref.scores.filter((_, i) => keep[i]),
          labels,
        ),
      );
      const all = aurocDifference(m.scores, ref.scores, d.isLof);
      return [{ name: r.name, method: m.method, window: m.window, strands: m.strands, all, contrasts }];
    }),
  );
}
