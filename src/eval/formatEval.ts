// The markdown report of npm run eval (docs/eval.md), made from its typed results (evaluate.ts).

import { PROBE_GROUPS } from './grammarProbe';
import { HELDOUT } from './heldout';
import type { AurocDifference, AurocInterval } from './metrics';
import { CONSEQUENCE_GROUPS, CONTRASTS, type EvalSummary, type ModelResult, type PairedResult } from './evaluate';

/** Everything one run measured; what `--json` writes (without the per-variant scores). */
export interface EvalReport {
  backend: string;
  summary: EvalSummary;
  models: ModelResult[];
  paired: PairedResult[];
}

export const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** An AUROC and its 95% interval: 0.531 (0.50-0.57). */
export const withInterval = (a: AurocInterval) =>
  Number.isFinite(a.se) ? `${fmt(a.auc)} (${a.lo.toFixed(2)}-${a.hi.toFixed(2)})` : fmt(a.auc);

/** A paired difference of AUROCs with its 95% interval and p-value: +0.012 (-0.03 to +0.05; p 0.580). */
export function withDifference(r: AurocDifference): string {
  const sgn = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  if (!Number.isFinite(r.se)) return fmt(r.diff);
  return `${sgn(r.diff, 3)} (${sgn(r.lo, 2)} to ${sgn(r.hi, 2)}; p ${r.p < 0.001 ? '<0.001' : r.p.toFixed(3)})`;
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => `|${'---|'.repeat(n)}`;

function heldoutSection(r: EvalReport): string[] {
  return [
    `## Held-out bits per nucleotide: ${r.summary.regionSource}, ${HELDOUT.n} fixed positions, ` +
      `${HELDOUT.window}-bp windows`,
    '',
    row(['model', 'kind', 'bits/nt', 'positions', 'seconds']),
    rule(5),
    ...r.models.flatMap(({ name, kind, heldout: h }) =>
      h ? [row([name, kind, fmt(h.bits), h.positions, h.seconds.toFixed(1)])] : [],
    ),
    row(['uniform', '–', '2.000', '–', '–']),
  ];
}

function probeSection(r: EvalReport): string[] {
  return [
    `## Grammar probe: ${r.summary.heldoutGenes} chr22 genes held out of training (training/grammar_sites.json)`,
    '',
    'Mean P(reference base), masked alone (masked models) or from the 127 bases before it (causal models),',
    'at canonical donor and acceptor bases (GT, AG), at the first base of codons one substitution there turns',
    'into a stop, and at random positions of the same genes (non-repeat and soft-masked repeat bases; their',
    'bits/nt split held-out bits by repeat). Markov baselines counted all of chr22, these genes included.',
    '',
    row(['model', ...PROBE_GROUPS.map((g) => `P(ref) ${g}`), 'bits/nt random', 'bits/nt random repeat']),
    rule(PROBE_GROUPS.length + 3),
    ...r.models.map(({ name, probe }) =>
      row([
        name,
        ...PROBE_GROUPS.map((g) => fmt(probe[g]?.meanP ?? NaN)),
        fmt(probe.random?.bits ?? NaN),
        fmt(probe['random repeat']?.bits ?? NaN),
      ]),
    ),
    '',
    `Sites: ${PROBE_GROUPS.map((g) => `${g} ${r.summary.sites[g]}`).join(', ')}.`,
  ];
}

function aurocSection(r: EvalReport): string[] {
  const s = r.summary;
  return [
    `## BRCA1 SGE dev AUROC (LOF ${s.lof} vs FUNC+INT ${s.variants - s.lof}; score < 0 = damaging)`,
    '',
    'Columns after "all": contrasts between consequence classes (AUROC of the first class, as positives, against',
    'the second, whatever their SGE class), then LOF against the rest within each class. In brackets: 95%',
    "intervals from DeLong's variance, for one model and method (not for a difference between two).",
    '',
    row([
      'model',
      'method',
      'window',
      'strands',
      'all',
      ...CONTRASTS.map((c) => c.name),
      ...CONSEQUENCE_GROUPS.map((g, i) => `${g.name} (${s.groupLof[i]} LOF)`),
      'variants/s',
    ]),
    rule(5 + CONTRASTS.length + CONSEQUENCE_GROUPS.length + 1),
    ...r.models.flatMap((m) =>
      m.methods.map((x) =>
        row([
          m.name,
          x.method,
          x.window,
          x.strands,
          withInterval(x.all),
          ...x.contrasts.map(withInterval),
          ...x.byGroup.map((a) => fmt(a)),
          x.variantsPerSecond.toFixed(1),
        ]),
      ),
    ),
    '',
    'Anchors on this dev set (../shared/data/README.md): CADD 0.794, mammalian phyloP 0.788, ' +
      'Evo 2 1B ~0.73 (8,192-bp windows).',
  ];
}

function pairedSection(r: EvalReport): string[] {
  if (!r.paired.length) return [];
  const first = r.models[0]!.name;
  return [
    '',
    `## Paired against ${first} (the first network): AUROC differences on the same dev variants`,
    '',
    `Each row's AUROC minus ${first}'s by the same method, window and strands; in brackets the 95% interval`,
    "and p-value of DeLong's test for two correlated AUROCs. The contrasts are those of the table above.",
    '',
    row(['model', 'method', 'window', 'strands', 'all', ...CONTRASTS.map((c) => c.name)]),
    rule(5 + CONTRASTS.length),
    ...r.paired.map((p) =>
      row([p.name, p.method, p.window, p.strands, withDifference(p.all), ...p.contrasts.map(withDifference)]),
    ),
  ];
}

/** The whole report, as npm run eval prints it. */
export function formatEval(r: EvalReport): string {
  return [
    `# gLM Playground evaluation (${r.backend} backend)`,
    '',
    ...heldoutSection(r),
    '',
    ...probeSection(r),
    '',
    ...aurocSection(r),
    ...pairedSection(r),
    '',
  ].join('\n');
}
