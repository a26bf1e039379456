// npm run eval: held-out bits/nt and BRCA1 SGE zero-shot AUROC for every bundled model and the
// Markov baselines, computed here, in one run, with the TypeScript runtime the app uses.
//
// Also the grammar diagnostics of the models issue: AUROC contrasts between consequence classes on the
// dev split, and the learning-progress probe on chr22 genes held out of training (grammar_sites.json). With
// more than one network, every later model's AUROCs minus the first's (DeLong's paired test), so that a new
// stage can be read against the one before: `--models public/models/mlm-hybrid-exon,.cache/next-stage`.
//
// Each network is evaluated in a child process of its own, --jobs at a time (default: one per core), and
// its rows printed in the order of the model list; the Markov baselines run here after them.
//
//   npm run eval [-- --windows 64,128 --strands 1,2 --markov 5,7,9,11 --backend wasm --jobs 2]
//   npm run eval -- --models .cache/ckpt-export --markov '' [--skip-heldout]   (a checkpoint alone)

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { grammarProbe, PROBE_GROUPS, probeGroup } from '../eval/grammarProbe';
import { heldoutBits, HELDOUT } from '../eval/heldout';
import type { LanguageModel } from '../model/languageModel';
import { auroc, aurocDifference, aurocInterval, type AurocDifference, type AurocInterval } from '../eval/metrics';
import { methodsFor, oddWindow, scoreVariants, type ScoreMethod, type Variant } from '../analysis/variantEffect';
import { parseRegion } from '../genome/region';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { validateManifest } from '../model/manifest';
import { countKmers, MarkovModel } from '../model/markov';
import { BRCA1_FASTA, chr22Training, readFasta, readSge, trainingRecords, trainingSplit, type SgeVariant, type TrainingSplit } from '../node/data';
import { fileSource } from '../node/fileSource';
import { readGrammarSites, type GrammarSiteSet } from '../node/grammarSites';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';

const { values: args } = parseArgs({
  options: {
    // one window and one strand by default (the run stays under 20 minutes); the issue's grid: --windows 64,128 --strands 1,2
    windows: { type: 'string', default: '64' },
    markov: { type: 'string', default: '5,7,9,11' },
    backend: { type: 'string', default: 'wasm' },
    strands: { type: 'string', default: '1' },
    models: { type: 'string' }, // comma-separated model folders instead of the bundled ones
    'skip-heldout': { type: 'boolean', default: false }, // AUROC only (quick checks of a checkpoint)
    influence: { type: 'string', default: '127' }, // windows for the influence score (one strand: it costs a pass per alt)
    jobs: { type: 'string' }, // networks evaluated at once, each in its own process (default: one per core)
    child: { type: 'boolean', default: false }, // internal: evaluate the one model of --models, print its rows as JSON
    label: { type: 'string' }, // internal: the child's row label (given when two networks share an id)
  },
});
/** Contrasts between consequence classes: AUROC of the first class (as positives) against the second. */
const CONTRASTS: [string, string, string][] = [
  ['nonsense vs synonymous', 'Nonsense', 'Synonymous'],
  ['canonical splice vs intronic', 'Canonical splice', 'Intronic'],
  ['missense vs synonymous', 'Missense', 'Synonymous'],
  ['splice region vs intronic', 'Splice region', 'Intronic'],
];

const CONSEQUENCE_GROUPS: Record<string, string[]> = {
  missense: ['Missense'], nonsense: ['Nonsense'], synonymous: ['Synonymous'],
  splice: ['Canonical splice', 'Splice region'], intronic: ['Intronic'], "5' UTR": ["5' UTR"],
};

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '–');

interface Entry { name: string; kind: string; model: LanguageModel; dispose?: () => void }

/**
 * The markdown rows of one model: held-out bits, grammar probe, one AUROC row per method, window and strands;
 * and each such row's scores (negated, NaN where none), for the paired comparison with the first network.
 */
interface ModelRows { name: string; heldout: string | null; probe: string; auroc: string[]; scores: { key: string; s: number[] }[] }

/** What every model is evaluated on (read once per process). */
interface EvalData {
  region: { name: string; sequence: string };
  tokens: Int32Array;
  sge: SgeVariant[];
  isLof: boolean[];
  variants: Variant[];
  grammar: GrammarSiteSet;
  /** Per entry of CONTRASTS: the dev variants of its two classes (keep) and, for those, whether each is of the first. */
  contrasts: { keep: boolean[]; labels: boolean[] }[];
}

function readEvalData(): EvalData {
  const region = readFasta(BRCA1_FASTA)[0]!;
  const reg = parseRegion(region.name);
  const sge = readSge();
  const contrasts = CONTRASTS.map(([, pos, neg]) => {
    const keep = sge.map((v) => v.consequence === pos || v.consequence === neg);
    return { keep, labels: sge.filter((_, i) => keep[i]).map((v) => v.consequence === pos) };
  });
  return { region, tokens: encode(region.sequence), sge, isLof: sge.map((v) => v.funcClass === 'LOF'),
    variants: sge.map((v) => ({ pos: v.pos - reg.start, ref: v.ref, alt: v.alt })), grammar: readGrammarSites(), contrasts };
}

const GROUPS = Object.entries(CONSEQUENCE_GROUPS);

/** A paired difference of AUROCs with its 95% interval and p-value: +0.012 (-0.03 to +0.05; p 0.58). */
const withDifference = (r: AurocDifference) => {
  const sgn = (x: number, digits: number) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
  return Number.isFinite(r.se) ? `${sgn(r.diff, 3)} (${sgn(r.lo, 2)} to ${sgn(r.hi, 2)}; p ${r.p < 0.001 ? '<0.001' : r.p.toFixed(3)})` : fmt(r.diff);
};

/**
 * Markdown rows: each later model's AUROCs minus the first network's, method for method (same window and
 * strands), on all dev variants and the contrasts, by DeLong's test for two scores of the same variants.
 */
function pairedRows(rows: ModelRows[], d: EvalData): string[] {
  const [first, ...rest] = rows;
  const out: string[] = [];
  for (const r of rest) {
    for (const { key, s } of r.scores) {
      const ref = first!.scores.find((x) => x.key === key);
      if (!ref) continue;
      const contrasts = d.contrasts.map(({ keep, labels }) => aurocDifference(s.filter((_, i) => keep[i]), ref.s.filter((_, i) => keep[i]), labels));
      out.push(`| ${r.name} ${key} ${withDifference(aurocDifference(s, ref.s, d.isLof))} | ${contrasts.map(withDifference).join(' | ')} |`);
    }
  }
  return out;
}

/** An AUROC and its 95% interval: 0.531 (0.50-0.57). */
const withInterval = (a: AurocInterval) => Number.isFinite(a.se) ? `${fmt(a.auc)} (${a.lo.toFixed(2)}-${a.hi.toFixed(2)})` : fmt(a.auc);

async function evaluate(e: Entry, d: EvalData): Promise<ModelRows> {
  let heldout: string | null = null;
  if (!args['skip-heldout']) {
    const t = performance.now();
    const r = await heldoutBits(e.model, d.tokens);
    heldout = `| ${e.name} | ${e.kind} | ${fmt(r.bits)} | ${r.positions} | ${((performance.now() - t) / 1000).toFixed(1)} |`;
  }
  const pr = await grammarProbe(e.model, d.grammar.sites, d.grammar.records);
  const probe = `| ${e.name} | ${PROBE_GROUPS.map((g) => fmt(pr.get(g)?.meanP ?? NaN)).join(' | ')} | ${fmt(pr.get('random')?.bits ?? NaN)} | ${fmt(pr.get('random repeat')?.bits ?? NaN)} |`;
  const rows: string[] = [], scoreRows: ModelRows['scores'] = [];
  for (const method of methodsFor(e.model.objective) as ScoreMethod[]) {
    const windows = (method === 'influence' ? args.influence! : args.windows!).split(',').filter(Boolean).map(Number);
    for (const window of windows) {
      for (const both of method === 'influence' ? [false] : args.strands!.split(',').map((x) => x === '2')) {
        const t = performance.now();
        const { scores } = await scoreVariants(e.model, d.region.sequence, d.variants, { method, window, bothStrands: both });
        const secs = (performance.now() - t) / 1000;
        const s = scores.map((x) => (x.score === null ? NaN : -x.score));
        const contrasts = d.contrasts.map(({ keep, labels }) => aurocInterval(s.filter((_, i) => keep[i]), labels));
        const by = GROUPS.map(([, names]) => {
          const keep = d.sge.map((v) => names.includes(v.consequence));
          return auroc(s.filter((_, i) => keep[i]), d.isLof.filter((_, i) => keep[i]));
        });
        const setting = `| ${method} | ${oddWindow(method === 'dll' ? window : Math.min(window, e.model.context))} | ${both ? 2 : 1} |`;
        rows.push(`| ${e.name} ${setting} ${withInterval(aurocInterval(s, d.isLof))} | ${contrasts.map(withInterval).join(' | ')} | ${by.map((a) => fmt(a)).join(' | ')} | ${(d.variants.length / secs).toFixed(1)} |`);
        scoreRows.push({ key: setting, s });
      }
    }
  }
  return { name: e.name, heldout, probe, auroc: rows, scores: scoreRows };
}

/** The rows of the network in dir, from a child process of this script (so that --jobs of them run at once). */
function evaluateInChild(dir: string, label: string): Promise<ModelRows> {
  const pass = ['windows', 'strands', 'influence', 'backend'].flatMap((k) => [`--${k}`, args[k as 'windows']!]);
  const argv = [...process.execArgv, process.argv[1]!, '--child', '--models', dir, '--label', label, ...pass, ...(args['skip-heldout'] ? ['--skip-heldout'] : [])];
  return new Promise((resolveRows, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) { reject(new Error(`evaluating ${dir} failed (exit ${code})`)); return; }
      let rows: ModelRows;
      try { rows = JSON.parse(out) as ModelRows; } catch { reject(new Error(`evaluating ${dir}: no rows on stdout`)); return; }
      for (const r of rows.scores) r.s = r.s.map((x) => x ?? NaN); // JSON writes NaN as null
      resolveRows(rows);
    });
  });
}

/** f over items, at most `jobs` at once, results in the items' order. */
async function pool<T, R>(items: T[], jobs: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) { const i = next++; out[i] = await f(items[i]!); }
  }));
  return out;
}

async function loadEntry(dir: string, label?: string): Promise<Entry> {
  const model = await loadModel(fileSource(dir));
  const meta = model.manifest;
  return { name: label ?? meta.id, kind: `${meta.objective.toUpperCase()} ${(meta.parameters / 1e6).toFixed(2)}M`, model, dispose: () => model.dispose() };
}

async function child(): Promise<void> {
  await useNodeBackend(args.backend as 'wasm' | 'cpu');
  const e = await loadEntry(resolve(args.models!), args.label);
  process.stdout.write(JSON.stringify(await evaluate(e, readEvalData())));
  e.dispose?.();
}

async function main() {
  if (args.child) return child();
  const jobs = args.jobs ? Number(args.jobs) : availableParallelism();
  if (!(Number.isInteger(jobs) && jobs >= 1 && jobs <= 16)) throw new Error(`--jobs: 1-16 (got ${args.jobs})`);
  await useNodeBackend(args.backend as 'wasm' | 'cpu');
  const t0 = performance.now();
  const d = readEvalData();

  // the networks (the bundled Markov model is among the baselines below), read from their manifests here
  const index = JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')) as { models: { id: string; path: string }[] };
  const dirs = args.models ? args.models.split(',').map((x) => resolve(x)) : index.models.map((m) => join(REPO_ROOT, 'public', m.path));
  const networks: { dir: string; id: string }[] = [];
  let markovTrain: TrainingSplit | null = null;
  for (const dir of dirs) {
    const meta = validateManifest(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')), join(dir, 'model.json'));
    if (meta.architecture.type === 'markov') continue;
    networks.push({ dir, id: meta.id });
    // Markov baselines count k-mers in the first model's training data that is a plain list of files (chr22)
    markovTrain ??= trainingSplit(meta.training.config);
  }
  // an export compared with the bundled model it may replace usually has its id: such rows are named by folder too
  const label = ({ dir, id }: { dir: string; id: string }) =>
    (networks.filter((n) => n.id === id).length > 1 ? `${id} (${relative(process.cwd(), dir) || '.'})` : id);
  log(`evaluating ${networks.length} network(s), ${Math.min(jobs, networks.length)} at a time`);
  const rows: ModelRows[] = jobs > 1 && networks.length > 1
    ? await pool(networks, jobs, (n) => evaluateInChild(n.dir, label(n)))
    : await pool(networks, 1, async (n) => { const e = await loadEntry(n.dir, label(n)); try { return await evaluate(e, d); } finally { e.dispose?.(); } });

  const split = markovTrain ?? chr22Training();
  const orders = args.markov!.split(',').filter(Boolean).map(Number);
  if (orders.length) {
    log(`reading the training data for Markov baselines: ${split.genomes.join(', ')}`);
    const train = trainingRecords(split).map((r) => encode(r.sequence));
    for (const k of orders) rows.push(await evaluate({ name: `markov-k${k}`, kind: `order-${k} Markov`, model: new MarkovModel(k, countKmers(train, k)) }, d));
  }

  console.log(`# gLM Playground evaluation (${args.backend} backend)\n`);
  console.log(`## Held-out bits per nucleotide: ${BRCA1_FASTA.split('/').slice(-2).join('/')}, ${HELDOUT.n} fixed positions, ${HELDOUT.window}-bp windows\n`);
  console.log('| model | kind | bits/nt | positions | seconds |\n|---|---|---|---|---|');
  for (const r of rows) if (r.heldout) console.log(r.heldout);
  console.log('| uniform | – | 2.000 | – | – |');

  const { grammar, sge, isLof } = d;
  console.log(`\n## Grammar probe: ${grammar.heldoutGenes} chr22 genes held out of training (training/grammar_sites.json)\n`);
  console.log('Mean P(reference base), masked alone (masked models) or from the 127 bases before it (causal models),');
  console.log('at canonical donor and acceptor bases (GT, AG), at the first base of codons one substitution there turns');
  console.log('into a stop, and at random positions of the same genes (non-repeat and soft-masked repeat bases; their');
  console.log('bits/nt split held-out bits by repeat). Markov baselines counted all of chr22, these genes included.\n');
  console.log(`| model | ${PROBE_GROUPS.map((g) => `P(ref) ${g}`).join(' | ')} | bits/nt random | bits/nt random repeat |`);
  console.log(`|---|${PROBE_GROUPS.map(() => '---|').join('')}---|---|`);
  for (const r of rows) console.log(r.probe);
  console.log(`\nSites: ${PROBE_GROUPS.map((g) => `${g} ${grammar.sites.filter((s) => probeGroup(s) === g).length}`).join(', ')}.`);

  const nLof = (names: string[]) => sge.filter((v) => names.includes(v.consequence) && v.funcClass === 'LOF').length;
  console.log(`\n## BRCA1 SGE dev AUROC (LOF ${isLof.filter(Boolean).length} vs FUNC+INT ${isLof.filter((x) => !x).length}; score < 0 = damaging)\n`);
  console.log('Columns after "all": contrasts between consequence classes (AUROC of the first class, as positives, against');
  console.log('the second, whatever their SGE class), then LOF against the rest within each class. In brackets: 95%');
  console.log('intervals from DeLong\'s variance, for one model and method (not for a difference between two).\n');
  console.log(`| model | method | window | strands | all | ${CONTRASTS.map(([c]) => c).join(' | ')} | ${GROUPS.map(([g, n]) => `${g} (${nLof(n)} LOF)`).join(' | ')} | variants/s |`);
  console.log(`|---|---|---|---|---|${CONTRASTS.map(() => '---|').join('')}${GROUPS.map(() => '---|').join('')}---|`);
  for (const r of rows) r.auroc.forEach((x) => console.log(x));
  console.log('\nAnchors on this dev set (../shared/data/README.md): CADD 0.794, mammalian phyloP 0.788, Evo 2 1B ~0.73 (8,192-bp windows).');
  const paired = rows.length > 1 ? pairedRows(rows, d) : [];
  if (paired.length) {
    console.log(`\n## Paired against ${rows[0]!.name} (the first network): AUROC differences on the same dev variants\n`);
    console.log(`Each row's AUROC minus ${rows[0]!.name}'s by the same method, window and strands; in brackets the 95% interval`);
    console.log("and p-value of DeLong's test for two correlated AUROCs. The contrasts are those of the table above.\n");
    console.log(`| model | method | window | strands | all | ${CONTRASTS.map(([c]) => c).join(' | ')} |`);
    console.log(`|---|---|---|---|---|${CONTRASTS.map(() => '---|').join('')}`);
    paired.forEach((x) => console.log(x));
  }
  log(`eval finished in ${((performance.now() - t0) / 60000).toFixed(1)} min`);
}

main().catch((e) => { console.error(e); process.exit(1); });
