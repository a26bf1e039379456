// npm run bench:genome: npm run score against a generated genome (hg38's chromosome lengths, --scale of its
// 3.1 Gb) in a temp folder: peak RSS, time from start to the first scored variant, variants/s with 1 and 2
// workers, for each way of reading the reference and each method; and the BRCA1 region read whole (the path
// the CLI always had) against the same region read by index. Every run's table must equal the others'.
//
//   npm run bench:genome [-- --scale 1 --variants 20000 --hybrid-variants 200 --skip bgzip,networks,brca1 --keep]
//
// Each run is its own process (node src/cli/launch.mjs score, as npm run score runs it: the bundled CLI, built
// once before the first run), so its RSS is its own (workers included).

import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BRCA1_DEV_TSV, BRCA1_FASTA, readFasta } from '../node/data';
import { buildFai, faiText } from '../node/faidx';
import { REPO_ROOT } from '../node/nodeRuntime';
import { writeTwoBit } from '../node/twoBitWriter';
import { ensureBundle } from './launch.mjs';
import { syntheticGenome, syntheticVcf, writeSyntheticFasta, writeSyntheticTwoBit } from '../bench/syntheticGenome';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    variants: { type: 'string', default: '20000' },
    'hybrid-variants': { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    // parts to leave out, comma-separated: bgzip (compressing takes long at full scale), networks, brca1
    skip: { type: 'string', default: '' },
  },
});
const log = (m: string) => process.stderr.write(`${m}\n`);
const dir = mkdtempSync(join(tmpdir(), 'bench-genome-'));
const at = (f: string) => join(dir, f);
const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(what: string, f: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  const ms = performance.now() - t0;
  log(`${what}: ${secs(ms)}`);
  return [r, ms];
}

interface Run {
  rows: number;
  scored: number;
  firstMs: number;
  totalMs: number;
  scoringS: number;
  rssMb: number;
  table: string;
}

/** One npm run score process: when its first scored row reached stdout, when it ended, its peak RSS. */
function score(model: string, fasta: string, vcf: string, extra: string[]): Promise<Run> {
  const rss = at('rss.mjs');
  writeFileSync(
    rss,
    "process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      rss,
      join(REPO_ROOT, 'src/cli/launch.mjs'),
      'score',
      '--model',
      join(REPO_ROOT, 'public/models', model),
      '--fasta',
      fasta,
      '--vcf',
      vcf,
      ...extra,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '',
    err = '',
    firstMs = NaN;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    // a scored row: its score column (5th) holds a number
    if (
      Number.isNaN(firstMs) &&
      out
        .split('\n')
        .slice(1)
        .some((l) => /^\S+\t\d+\t\S*\t\S*\t-?\d/.test(l))
    )
      firstMs = performance.now() - t0;
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`score exited ${code}: ${err.trim().split('\n').at(-1)}`));
        return;
      }
      const rows = out.trim().split('\n').slice(1);
      resolve({
        rows: rows.length,
        scored: rows.filter((l) => l.split('\t')[4] !== '').length,
        firstMs,
        totalMs: performance.now() - t0,
        scoringS: Number(/scoring took ([\d.]+) s/.exec(err)?.[1]),
        rssMb: Number(/maxRSS (\d+)/.exec(err)?.[1]) / 1024,
        table: out,
      });
    }),
  );
}

const table: string[] = [];
const results = new Map<string, string>();
async function row(
  label: string,
  model: string,
  method: string,
  fasta: string,
  vcf: string,
  threads: number,
  extra: string[] = [],
): Promise<void> {
  const r = await score(model, fasta, vcf, ['--method', method, '--threads', String(threads), ...extra]);
  const key = `${model}:${method}:${vcf}`;
  const same = results.has(key) ? (results.get(key) === r.table ? 'yes' : '**NO**') : '(first)';
  results.set(key, results.get(key) ?? r.table);
  const rate = r.scored / r.scoringS;
  log(
    `${label}, ${model} ${method}, ${threads} worker(s): ${r.scored}/${r.rows} scored, first ${secs(r.firstMs)}, total ${secs(r.totalMs)}, ${r.rssMb.toFixed(0)} MB`,
  );
  table.push(
    `| ${label} | ${model} | ${method} | ${threads} | ${r.scored} | ${(r.firstMs / 1000).toFixed(2)} | ${(r.totalMs / 1000).toFixed(1)} | ${rate.toFixed(rate < 100 ? 1 : 0)} | ${r.rssMb.toFixed(0)} | ${same} |`,
  );
}

async function main(): Promise<void> {
  await ensureBundle('score'); // so that no run's first-variant time includes a rebuild
  const scale = Number(args.scale);
  const g = syntheticGenome(scale);
  const gb = g.chroms.reduce((a, c) => a + c.length, 0) / 1e9;
  log(`generating a ${gb.toFixed(2)} Gb genome (scale ${scale}) in ${dir}`);
  const [, genMs] = await timed('FASTA written', () => writeSyntheticFasta(g, at('g.fa')));
  const [fai, faiMs] = await timed('.fai built (buildFai, one pass)', () => buildFai(at('g.fa')));
  writeFileSync(at('g.fa.fai'), faiText(fai));
  const [, twoBitMs] = await timed('.2bit written', () => writeSyntheticTwoBit(g, at('g.2bit')));
  const skip = new Set(args.skip!.split(',').filter(Boolean));
  const bgzip = has('bgzip') && has('samtools') && !skip.has('bgzip');
  if (bgzip) {
    // level 1: random bases compress slowly at the default level (a 0.3 Gb genome took minutes on 2 busy cores)
    await timed('bgzip -l 1 -@ 2 and samtools faidx', () => {
      execFileSync('sh', ['-c', `bgzip -l 1 -@ 2 -c g.fa > g.fa.gz && samtools faidx g.fa.gz`], { cwd: dir });
    });
  } else log(skip.has('bgzip') ? 'bgzip skipped' : 'no bgzip/samtools: the bgzipped FASTA is not measured');
  writeFileSync(at('v.vcf'), syntheticVcf(g, Number(args.variants)));
  writeFileSync(at('h.vcf'), syntheticVcf(g, Number(args['hybrid-variants']), 11));

  const refs: [string, string][] = [
    ['FASTA + .fai', at('g.fa')],
    ...(bgzip ? [['bgzip + .fai + .gzi', at('g.fa.gz')] as [string, string]] : []),
    ['2bit', at('g.2bit')],
  ];
  for (const [label, path] of refs)
    for (const threads of [1, 2]) await row(label, 'markov-k9-chr22', 'dll', path, at('v.vcf'), threads);
  const networks = skip.has('networks')
    ? []
    : ([
        ['mlm-hybrid-chr22', 'masked'],
        ['mlm-hybrid-chr22', 'wt'],
        ['mlm-hybrid-chr22', 'influence'],
        ['clm-hybrid-chr22', 'dll'],
      ] as const);
  for (const [model, method] of networks) {
    // batches of 25 lines, so that the few variants a network scores in reasonable time make work for 2 workers
    for (const threads of [1, 2])
      await row('2bit', model, method, at('g.2bit'), at('h.vcf'), threads, ['--batch', '25']);
  }
  // the BRCA1 region: read whole (the CLI's path before indexes), and by index (a .fai beside a copy, a 2bit of it)
  if (!skip.has('brca1')) await brca1Rows();
  report(scale, gb, genMs, faiMs, twoBitMs, bgzip, skip);
}

async function brca1Rows(): Promise<void> {
  const brca1 = BRCA1_DEV_TSV.replace('.tsv', '.vcf');
  copyFileSync(BRCA1_FASTA, at('brca1.fa'));
  writeFileSync(at('brca1.fa.fai'), faiText(await buildFai(at('brca1.fa'))));
  const region = readFasta(BRCA1_FASTA)[0]!;
  const name = region.name.split(/\s/)[0]!;
  writeTwoBit(at('brca1.2bit'), [{ name, length: region.sequence.length }], [{ name, sequence: region.sequence }]);
  for (const [label, path] of [
    ['BRCA1 region, read whole', BRCA1_FASTA],
    ['BRCA1 region, .fai', at('brca1.fa')],
    ['BRCA1 region, 2bit', at('brca1.2bit')],
  ]) {
    for (const threads of [1, 2]) await row(label!, 'markov-k9-chr22', 'dll', path!, brca1, threads);
  }
}

function report(
  scale: number,
  gb: number,
  genMs: number,
  faiMs: number,
  twoBitMs: number,
  bgzip: boolean,
  skip: Set<string>,
): void {
  const size = (f: string) => `${(statSync(at(f)).size / 1e9).toFixed(2)} GB`;
  const bases = (n: string) => Number(n).toLocaleString('en-US');
  console.log(`# Scoring against a whole genome\n`);
  console.log(
    `Generated genome: ${gb.toFixed(2)} Gb (hg38's 25 chromosome lengths x ${scale}; FASTA ${size('g.fa')}, 2bit ${size('g.2bit')}${bgzip ? `, bgzip ${size('g.fa.gz')}` : ''}), ` +
      `written in ${secs(genMs)}; its .fai built in ${secs(faiMs)} (one pass, as for a FASTA without one); 2bit written in ${secs(twoBitMs)}. ` +
      `${bases(args.variants!)} SNVs for the Markov model${skip.has('networks') ? '' : `, ${bases(args['hybrid-variants']!)} for the networks (batches of 25 VCF lines; 256 otherwise)`}, spread over the genome by length. Each run is one process: ` +
      `first = start of the process (Node, the bundled CLI, model load, index open) to the first scored row on stdout; variants/s = variants scored / the time from the first batch read to the last row written (after the model, the workers and the index are loaded: the CLI's own "scoring took" line); ` +
      `RSS = the process's peak (workers are threads, so included). "same" = the table equals the first run's of that model, method and VCF.\n`,
  );
  console.log(
    '| reference | model | method | workers | scored | first (s) | total (s) | variants/s | peak RSS (MB) | same |\n|---|---|---|---|---|---|---|---|---|---|',
  );
  table.forEach((l) => console.log(l));
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
  else log(`kept ${dir}`);
  // the tables must agree whatever read the reference and however many workers scored
  if (table.some((l) => l.includes('**NO**'))) {
    log('error: some tables differ');
    process.exitCode = 1;
  }
}

void main();
