// npm run eval end to end on training/smoke.sh's two tiny networks (two child processes at once) and an
// order-3 Markov model: every table has its rows in model order, and the AUROC a child prints is the one the
// engine gives in this process; the paired table's differences are those of the AUROC table's rows.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { auroc } from '../eval/metrics';
import { scoreVariants } from '../analysis/variantEffect';
import { parseRegion } from '../genome/region';
import { loadModel } from '../model/loadModel';
import { BRCA1_FASTA, readFasta, readSge } from '../node/data';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';

const MODELS = ['smoke-mlm', 'smoke-clm'].map((id) => join(REPO_ROOT, '.cache', id));

/** The body rows of the markdown table under heading `title`, split into cells. */
function table(out: string, title: string): string[][] {
  const section = out.split('\n## ').find((s) => s.startsWith(title));
  expect(section, title).toBeDefined();
  return section!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| model')).map((l) => l.slice(2, -2).split(' | '));
}

it('evaluates networks in parallel children and prints their rows in model order, with intervals', async () => {
  const run = spawnSync('npx', ['tsx', 'src/cli/eval.ts', '--models', MODELS.join(','), '--jobs', '2', '--markov', '3', '--skip-heldout'],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(table(run.stdout, 'Grammar probe').map((r) => r[0])).toEqual(['smoke-mlm', 'smoke-clm', 'markov-k3']);
  const rows = table(run.stdout, 'BRCA1 SGE dev AUROC');
  expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(['smoke-mlm masked', 'smoke-mlm wt', 'smoke-mlm influence', 'smoke-clm dll', 'smoke-clm influence', 'markov-k3 dll', 'markov-k3 influence']);
  for (const r of rows) {
    const m = /^(\d\.\d{3}) \((\d\.\d\d)-(\d\.\d\d)\)$/.exec(r[4]!); // all: AUROC (95% interval)
    expect(m, r.join(' | ')).not.toBeNull();
    expect(Number(m![2])).toBeLessThanOrEqual(Number(m![1]));
    expect(Number(m![3])).toBeGreaterThanOrEqual(Number(m![1]));
  }
  // the paired table: smoke-clm's influence row (the one method and window it shares with smoke-mlm) minus
  // smoke-mlm's, which the AUROC table's two rows give to rounding
  const paired = table(run.stdout, 'Paired against smoke-mlm');
  expect(paired.map((r) => `${r[0]} ${r[1]}`)).toEqual(['smoke-clm influence']);
  const allOf = (name: string) => Number(rows.find((r) => r[0] === name && r[1] === 'influence')![4]!.slice(0, 5));
  const m = /^([+-]\d\.\d{3}) \(([+-]\d\.\d\d) to ([+-]\d\.\d\d); p (<?\d\.\d{3})\)$/.exec(paired[0]![4]!);
  expect(m, paired[0]!.join(' | ')).not.toBeNull();
  expect(Math.abs(Number(m![1]) - (allOf('smoke-clm') - allOf('smoke-mlm')))).toBeLessThanOrEqual(0.0016);
  expect(Number(m![2])).toBeLessThanOrEqual(Number(m![1]));
  expect(Number(m![3])).toBeGreaterThanOrEqual(Number(m![1]));
  // the masked row of the child is the engine's AUROC here (window 63, one strand: eval's defaults)
  await useNodeBackend('wasm');
  const model = await loadModel(fileSource(MODELS[0]!));
  try {
    const region = readFasta(BRCA1_FASTA)[0]!, start = parseRegion(region.name).start, sge = readSge();
    const { scores } = await scoreVariants(model, region.sequence, sge.map((v) => ({ pos: v.pos - start, ref: v.ref, alt: v.alt })), { method: 'masked', window: 64 });
    const want = auroc(scores.map((s) => (s.score === null ? NaN : -s.score)), sge.map((v) => v.funcClass === 'LOF'));
    expect(Number(rows[0]![4]!.slice(0, 5))).toBeCloseTo(want, 3);
  } finally {
    model.dispose();
  }
}, 300_000);

it('names rows by folder too when two networks share an id (an export against the model it may replace)', () => {
  const copy = join(REPO_ROOT, '.cache', 'smoke-mlm-copy');
  rmSync(copy, { recursive: true, force: true });
  cpSync(MODELS[0]!, copy, { recursive: true });
  try {
    const run = spawnSync('npx', ['tsx', 'src/cli/eval.ts', '--models', `${MODELS[0]},${copy},${MODELS[1]}`, '--jobs', '2', '--markov', '', '--skip-heldout', '--influence', ''],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(table(run.stdout, 'Grammar probe').map((r) => r[0])).toEqual(['smoke-mlm (.cache/smoke-mlm)', 'smoke-mlm (.cache/smoke-mlm-copy)', 'smoke-clm']);
    expect(run.stdout).toContain('## Paired against smoke-mlm (.cache/smoke-mlm) (the first network)');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}, 300_000);
