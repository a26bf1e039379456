// npm run eval: held-out bits/nt and BRCA1 SGE zero-shot AUROC for every bundled model and the
// Markov baselines, computed here, in one run, with the TypeScript runtime the app uses.
//
// Also the grammar diagnostics of the models issue: AUROC contrasts between consequence classes on the
// dev split, and the learning-progress probe on chr22 genes held out of training (grammar_sites.json). With
// more than one network, every later model's AUROCs minus the first's (DeLong's paired test), so that a new
// stage can be read against the one before: `--models public/models/mlm-hybrid-exon,.cache/next-stage`.
//
// Each model is evaluated in a child process of its own, --jobs at a time (default: one per core), and
// its rows printed in the order of the model list; the Markov baselines run here after them. The numbers come
// from src/eval/evaluate.ts, the tables from src/eval/formatEval.ts.
//
//   npm run eval [-- --windows 64,128 --strands 1,2 --markov 5,7,9,11 --backend wasm --jobs 2]
//   npm run eval -- --models .cache/ckpt-export --markov '' [--skip-heldout]   (a checkpoint alone)
//   npm run eval -- --jobs 1 --write-metrics --out docs/eval.md   (records the numbers in each model.json and card)

import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateModel, pairedDifferences, summarize, type EvalSettings, type ModelResult } from '../eval/evaluate';
import { formatEval, type EvalReport } from '../eval/formatEval';
import { variantEffectMetrics } from '../eval/modelMetrics';
import { encode } from '../genome/tokens';
import { countKmers, MarkovModel } from '../model/markov';
import { chr22Training, trainingRecords, trainingSplit } from '../node/data';
import { evalDirs, fromJson, loadEntry, pool, readEvalData, runChild, toJson, type EvalDir } from '../node/evalRun';
import { writeVariantEffect } from '../node/modelCardFiles';
import { useNodeBackend } from '../node/nodeRuntime';

const { values: args } = parseArgs({
  options: {
    // one window and one strand by default (the run stays under 20 minutes);
    // the grid: --windows 64,128 --strands 1,2
    windows: { type: 'string', default: '64' },
    markov: { type: 'string', default: '5,7,9,11' },
    backend: { type: 'string', default: 'wasm' },
    strands: { type: 'string', default: '1' },
    models: { type: 'string' }, // comma-separated model folders instead of the bundled ones
    'skip-heldout': { type: 'boolean', default: false }, // AUROC only (quick checks of a checkpoint)
    // windows for the influence score (one strand: it costs a pass per alt)
    influence: { type: 'string', default: '127' },
    jobs: { type: 'string' }, // models evaluated at once, each in its own process (default: one per core)
    'write-metrics': { type: 'boolean', default: false }, // record each model's scores in its model.json and card
    out: { type: 'string' }, // write the markdown here (with the command and date) instead of to stdout
    json: { type: 'string' }, // also write the typed results here
    // internal: evaluate the one model of --models, print its results as JSON
    child: { type: 'boolean', default: false },
    label: { type: 'string' }, // internal: the child's row label (given when two networks share an id)
  },
});

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const numbers = (s: string, what: string) =>
  s
    .split(',')
    .filter(Boolean)
    .map((x) => {
      const n = Number(x);
      if (!Number.isInteger(n) || n < 1) {
        throw new Error(`--${what}: whole numbers separated by commas (got ${JSON.stringify(s)})`);
      }
      return n;
    });

function settings(): EvalSettings {
  const strands = numbers(args.strands!, 'strands');
  if (!strands.length || strands.some((s) => s !== 1 && s !== 2)) {
    throw new Error(`--strands: 1, 2 or 1,2 (got ${JSON.stringify(args.strands)})`);
  }
  return {
    windows: numbers(args.windows!, 'windows'),
    influence: numbers(args.influence!, 'influence'),
    strands: strands as (1 | 2)[],
    heldout: !args['skip-heldout'],
  };
}

/** The command line as typed, for the records it writes. */
const quote = (a: string) => (/^[\w.,/=:@+-]+$/.test(a) ? a : `'${a}'`);
const command = () => ['npm run eval --', ...process.argv.slice(2).map(quote)].join(' ');

/** The results of the model in dir, from a child process of this script (so that --jobs of them run at once). */
function evaluateInChild(dir: string, label: string): Promise<ModelResult> {
  const pass = ['windows', 'strands', 'influence', 'backend'].flatMap((k) => [`--${k}`, args[k as 'windows']!]);
  const argv = [
    ...process.execArgv,
    process.argv[1]!,
    '--child',
    '--models',
    dir,
    '--label',
    label,
    ...pass,
    ...(args['skip-heldout'] ? ['--skip-heldout'] : []),
  ];
  return runChild(argv, `evaluating ${dir}`).then((out) => fromJson(out) as ModelResult);
}

async function child(): Promise<void> {
  await useNodeBackend(args.backend as 'wasm' | 'cpu');
  const e = await loadEntry(resolve(args.models!), args.label);
  try {
    process.stdout.write(toJson(await evaluateModel(e.name, e.kind, e.model, readEvalData(), settings())));
  } finally {
    e.model.dispose();
  }
}

async function main() {
  if (args.child) return child();
  const jobs = args.jobs ? Number(args.jobs) : availableParallelism();
  if (!(Number.isInteger(jobs) && jobs >= 1 && jobs <= 16)) throw new Error(`--jobs: 1-16 (got ${args.jobs})`);
  const s = settings();
  if (args['write-metrics'] && (s.windows.length !== 1 || s.strands.length !== 1 || s.influence.length > 1)) {
    throw new Error(
      '--write-metrics records one setting per method: give one --windows, one --strands and at most one ' +
        '--influence value',
    );
  }
  await useNodeBackend(args.backend as 'wasm' | 'cpu');
  const started = new Date(),
    t0 = performance.now();
  const d = readEvalData();

  const dirs: EvalDir[] = evalDirs(args.models);
  // an export compared with the bundled model it may replace usually has its id: such rows are named by folder too
  const label = ({ dir, id }: EvalDir) =>
    dirs.filter((n) => n.id === id).length > 1 ? `${id} (${relative(process.cwd(), dir) || '.'})` : id;
  log(`evaluating ${dirs.length} model(s), ${Math.min(jobs, dirs.length)} at a time`);
  const results: ModelResult[] =
    jobs > 1 && dirs.length > 1
      ? await pool(dirs, jobs, (n) => evaluateInChild(n.dir, label(n)))
      : await pool(dirs, 1, async (n) => {
          const e = await loadEntry(n.dir, label(n));
          try {
            return await evaluateModel(e.name, e.kind, e.model, d, s);
          } finally {
            e.model.dispose();
          }
        });

  // Markov baselines count k-mers in the first model's training data that is a plain list of files (chr22)
  const orders = numbers(args.markov!, 'markov');
  if (orders.length) {
    const split = dirs.map((n) => trainingSplit(n.config)).find((x) => x !== null) ?? chr22Training();
    log(`reading the training data for Markov baselines: ${split.genomes.join(', ')}`);
    const train = trainingRecords(split).map((r) => encode(r.sequence));
    for (const k of orders) {
      const model = new MarkovModel(k, countKmers(train, k));
      results.push(await evaluateModel(`markov-k${k}`, `order-${k} Markov`, model, d, s));
    }
  }

  const report: EvalReport = {
    backend: args.backend!,
    summary: summarize(d),
    models: results,
    paired: pairedDifferences(results, d),
  };
  const minutes = (performance.now() - t0) / 60000;
  const markdown = formatEval(report);
  if (args.out) {
    const hhmm = (t: Date) => t.toISOString().slice(11, 16);
    const when = `${started.toISOString().slice(0, 10)} ${hhmm(started)}-${hhmm(new Date())} UTC`;
    const about = `${when}, ${minutes.toFixed(1)} min: written by the command. Earlier runs are in git history.`;
    writeFileSync(args.out, `<!-- \`${command()}\`, ${about} -->\n${markdown}`);
  } else {
    process.stdout.write(markdown);
  }
  if (args.json) writeFileSync(args.json, toJson(report, ['scores']));
  if (args['write-metrics']) {
    const provenance = { date: started.toISOString(), command: command(), backend: args.backend! };
    dirs.forEach((n, i) => {
      writeVariantEffect(n.dir, variantEffectMetrics(results[i]!, d, provenance));
      log(`wrote metrics.variantEffect and the card section of ${relative(process.cwd(), n.dir) || '.'}`);
    });
  }
  log(`eval finished in ${minutes.toFixed(1)} min`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
