// npm run eval: held-out bits/nt and BRCA1 SGE zero-shot AUROC for every bundled model and the
// Markov baselines, computed here, in one run, with the TypeScript runtime the app uses.
//
// Also the grammar diagnostics of the models issue: AUROC contrasts between consequence classes on the
// dev split, and the learning-progress probe on chr22 genes held out of training (grammar_sites.json).
//
//   npm run eval [-- --windows 64,128,256,512 --strands 1,2 --markov 5,7,9,11 --backend wasm]
//   npm run eval -- --models .cache/ckpt-export --markov '' --strands 1 [--skip-heldout]   (a checkpoint alone)

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { grammarProbe, PROBE_GROUPS, probeGroup } from '../analysis/grammarProbe';
import { heldoutBits, HELDOUT } from '../analysis/heldout';
import type { LanguageModel } from '../model/languageModel';
import { auroc } from '../analysis/metrics';
import { methodsFor, oddWindow, scoreVariants, type ScoreMethod, type Variant } from '../analysis/variantEffect';
import { parseRegion } from '../genome/region';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { countKmers, MarkovModel } from '../model/markov';
import { BRCA1_FASTA, CHR22_TRAINING, readFasta, readSge, trainingRecords } from '../node/data';
import { fileSource } from '../node/fileSource';
import { readGrammarSites } from '../node/grammarSites';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';

const { values: args } = parseArgs({
  options: {
    windows: { type: 'string', default: '64,128' },
    markov: { type: 'string', default: '5,7,9,11' },
    backend: { type: 'string', default: 'wasm' },
    strands: { type: 'string', default: '1,2' },
    models: { type: 'string' }, // comma-separated model folders instead of the bundled ones
    'skip-heldout': { type: 'boolean', default: false }, // AUROC only (quick checks of a checkpoint)
    influence: { type: 'string', default: '127' }, // windows for the influence score (one strand: it costs a pass per alt)
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

interface Entry { name: string; kind: string; model: LanguageModel }

async function main() {
  await useNodeBackend(args.backend as 'wasm' | 'cpu');
  const t0 = performance.now();
  const region = readFasta(BRCA1_FASTA)[0]!;
  const reg = parseRegion(region.name);
  const tokens = encode(region.sequence);
  const sge = readSge();
  const isLof = sge.map((v) => v.funcClass === 'LOF');
  const variants: Variant[] = sge.map((v) => ({ pos: v.pos - reg.start, ref: v.ref, alt: v.alt }));

  const entries: Entry[] = [];
  const index = JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')) as { models: { id: string; path: string }[] };
  let markovTrain: { genomes: string[]; minLength: number; valEvery: number } | null = null;
  const dirs = args.models ? args.models.split(',').map((d) => resolve(d)) : index.models.map((m) => join(REPO_ROOT, 'public', m.path));
  for (const dir of dirs) {
    const model = await loadModel(fileSource(dir));
    const meta = model.manifest;
    if (meta.architecture.type === 'markov') { model.dispose(); continue; } // the bundled Markov model is among the baselines below
    entries.push({ name: meta.id, kind: `${meta.objective.toUpperCase()} ${(meta.parameters / 1e6).toFixed(2)}M`, model });
    // Markov baselines count k-mers in the first model's training data that is a plain list of files (chr22)
    const c = meta.training.config as { data?: { genomes?: unknown[]; val_every?: number }; model?: { context?: number } } | undefined;
    const genomes = c?.data?.genomes;
    if (genomes?.every((g): g is string => typeof g === 'string')) markovTrain ??= { genomes, minLength: c!.model?.context ?? 512, valEvery: c!.data?.val_every ?? 0 };
  }
  markovTrain ??= { ...CHR22_TRAINING, genomes: [...CHR22_TRAINING.genomes] };
  const orders = args.markov!.split(',').filter(Boolean).map(Number);
  if (orders.length) {
    log(`reading the training data for Markov baselines: ${markovTrain.genomes.join(', ')}`);
    const train = trainingRecords(markovTrain.genomes, markovTrain.minLength, markovTrain.valEvery).map((r) => encode(r.sequence));
    for (const k of orders) entries.push({ name: `markov-k${k}`, kind: `order-${k} Markov`, model: new MarkovModel(k, countKmers(train, k)) });
  }

  console.log(`# gLM Playground evaluation (${args.backend} backend)\n`);
  console.log(`## Held-out bits per nucleotide: ${BRCA1_FASTA.split('/').slice(-2).join('/')}, ${HELDOUT.n} fixed positions, ${HELDOUT.window}-bp windows\n`);
  console.log('| model | kind | bits/nt | positions | seconds |\n|---|---|---|---|---|');
  for (const e of args['skip-heldout'] ? [] : entries) {
    const t = performance.now();
    const r = await heldoutBits(e.model, tokens);
    console.log(`| ${e.name} | ${e.kind} | ${fmt(r.bits)} | ${r.positions} | ${((performance.now() - t) / 1000).toFixed(1)} |`);
  }
  console.log('| uniform | – | 2.000 | – | – |');

  const grammar = readGrammarSites();
  console.log(`\n## Grammar probe: ${grammar.heldoutGenes} chr22 genes held out of training (training/grammar_sites.json)\n`);
  console.log('Mean P(reference base), masked alone (masked models) or from the 127 bases before it (causal models),');
  console.log('at canonical donor and acceptor bases (GT, AG), at the first base of codons one substitution there turns');
  console.log('into a stop, and at random positions of the same genes (non-repeat and soft-masked repeat bases; their');
  console.log('bits/nt split held-out bits by repeat). Markov baselines counted all of chr22, these genes included.\n');
  console.log(`| model | ${PROBE_GROUPS.map((g) => `P(ref) ${g}`).join(' | ')} | bits/nt random | bits/nt random repeat |`);
  console.log(`|---|${PROBE_GROUPS.map(() => '---|').join('')}---|---|`);
  for (const e of entries) {
    const r = await grammarProbe(e.model, grammar.sites, grammar.records);
    console.log(`| ${e.name} | ${PROBE_GROUPS.map((g) => fmt(r.get(g)?.meanP ?? NaN)).join(' | ')} | ${fmt(r.get('random')?.bits ?? NaN)} | ${fmt(r.get('random repeat')?.bits ?? NaN)} |`);
  }
  console.log(`\nSites: ${PROBE_GROUPS.map((g) => `${g} ${grammar.sites.filter((s) => probeGroup(s) === g).length}`).join(', ')}.`);

  const groups = Object.entries(CONSEQUENCE_GROUPS);
  const nLof = (names: string[]) => sge.filter((v) => names.includes(v.consequence) && v.funcClass === 'LOF').length;
  console.log(`\n## BRCA1 SGE dev AUROC (LOF ${isLof.filter(Boolean).length} vs FUNC+INT ${isLof.filter((x) => !x).length}; score < 0 = damaging)\n`);
  console.log('Columns after "all": contrasts between consequence classes (AUROC of the first class, as positives, against');
  console.log('the second, whatever their SGE class), then LOF against the rest within each class.\n');
  console.log(`| model | method | window | strands | all | ${CONTRASTS.map(([c]) => c).join(' | ')} | ${groups.map(([g, n]) => `${g} (${nLof(n)} LOF)`).join(' | ')} | variants/s |`);
  console.log(`|---|---|---|---|---|${CONTRASTS.map(() => '---|').join('')}${groups.map(() => '---|').join('')}---|`);
  for (const e of entries) {
    for (const method of methodsFor(e.model.objective) as ScoreMethod[]) {
      const windows = (method === 'influence' ? args.influence! : args.windows!).split(',').filter(Boolean).map(Number);
      for (const window of windows) {
        for (const both of method === 'influence' ? [false] : args.strands!.split(',').map((x) => x === '2')) {
          const t = performance.now();
          const { scores } = await scoreVariants(e.model, region.sequence, variants, { method, window, bothStrands: both });
          const secs = (performance.now() - t) / 1000;
          const s = scores.map((x) => (x.score === null ? NaN : -x.score));
          const contrasts = CONTRASTS.map(([, pos, neg]) => {
            const keep = sge.map((v) => v.consequence === pos || v.consequence === neg);
            return auroc(s.filter((_, i) => keep[i]), sge.filter((_, i) => keep[i]).map((v) => v.consequence === pos));
          });
          const by = groups.map(([, names]) => {
            const keep = sge.map((v) => names.includes(v.consequence));
            return auroc(s.filter((_, i) => keep[i]), isLof.filter((_, i) => keep[i]));
          });
          console.log(`| ${e.name} | ${method} | ${oddWindow(method === 'dll' ? window : Math.min(window, e.model.context))} | ${both ? 2 : 1} | ${fmt(auroc(s, isLof))} | ${contrasts.map((a) => fmt(a)).join(' | ')} | ${by.map((a) => fmt(a)).join(' | ')} | ${(variants.length / secs).toFixed(1)} |`);
        }
      }
    }
  }
  console.log('\nAnchors on this dev set (../shared/data/README.md): CADD 0.794, mammalian phyloP 0.788, Evo 2 1B ~0.73 (8,192-bp windows).');
  log(`eval finished in ${((performance.now() - t0) / 60000).toFixed(1)} min`);
}

main().catch((e) => { console.error(e); process.exit(1); });
