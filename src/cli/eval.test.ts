// npm run eval end to end on training/smoke.sh's two tiny networks (two child processes at once) and an
// order-3 Markov model, read from its --json results: models in order, each AUROC inside its interval and equal to
// the engine's in this process, the paired differences those of the AUROCs; --write-metrics records the same
// numbers in copies of the models' model.json and cards.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { scoreVariants } from '../analysis/variantEffect';
import type { EvalReport } from '../eval/formatEval';
import { auroc } from '../eval/metrics';
import { parseRegion } from '../genome/region';
import { loadModel } from '../model/loadModel';
import { validateManifest } from '../model/manifest';
import { BRCA1_FASTA, readFasta, readSge } from '../node/data';
import { fromJson } from '../node/evalRun';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { mustSkip } from '../node/prerequisites';

const skip = mustSkip(inject('prerequisites'), 'npm run eval end to end (smoke exports, shared data)', {
  smoke: ['smoke-mlm', 'smoke-clm'],
  shared: true,
});
const tmp = mkdtempSync(join(tmpdir(), 'eval-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of a smoke export (--write-metrics writes into it). */
function copy(id: string, as = id): string {
  const dir = join(tmp, as);
  cpSync(join(REPO_ROOT, '.cache', id), dir, { recursive: true });
  return dir;
}

/** model.json's metrics.variantEffect in dir, validated as the app reads it. */
const metricsOf = (dir: string) =>
  validateManifest(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')), dir).metrics.variantEffect!;

function evalCli(args: string[]): EvalReport {
  const json = join(tmp, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync('npx', ['tsx', 'src/cli/eval.ts', ...args, '--json', json], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return fromJson(readFileSync(json, 'utf8')) as EvalReport;
}

describe.skipIf(skip)('npm run eval', () => {
  it('evaluates networks in parallel children, in model order, and records what it measured', async () => {
    const [mlm, clm] = [copy('smoke-mlm'), copy('smoke-clm')];
    const out = join(tmp, 'eval.md');
    const r = evalCli([
      '--models',
      `${mlm},${clm}`,
      '--jobs',
      '2',
      '--markov',
      '3',
      '--skip-heldout',
      '--write-metrics',
      '--out',
      out,
    ]);
    expect(r.models.map((m) => m.name)).toEqual(['smoke-mlm', 'smoke-clm', 'markov-k3']);
    expect(r.models.map((m) => m.methods.map((x) => x.method))).toEqual([
      ['masked', 'wt', 'influence'],
      ['dll', 'influence'],
      ['dll', 'influence'],
    ]);
    for (const x of r.models.flatMap((m) => m.methods)) {
      expect(x.all.positives + x.all.negatives).toBe(1517);
      expect(x.all.lo).toBeLessThan(x.all.auc);
      expect(x.all.hi).toBeGreaterThan(x.all.auc);
    }
    // paired: smoke-clm's influence score (the one method and window it shares with smoke-mlm) minus smoke-mlm's
    const [m, c] = r.models.map((x) => x.methods.find((y) => y.method === 'influence')!);
    expect(r.paired.map((p) => `${p.name} ${p.method} ${p.window}`)).toEqual(['smoke-clm influence 63']);
    expect(r.paired[0]!.all.diff).toBeCloseTo(c!.all.auc - m!.all.auc, 12);
    expect(r.paired[0]!.all.lo).toBeLessThan(r.paired[0]!.all.diff);

    // the child's masked AUROC is the engine's here (window 63, one strand: eval's defaults)
    await useNodeBackend('wasm');
    const model = await loadModel(fileSource(mlm));
    try {
      const region = readFasta(BRCA1_FASTA)[0]!,
        start = parseRegion(region.name).start,
        sge = readSge();
      const variants = sge.map((v) => ({ pos: v.pos - start, ref: v.ref, alt: v.alt }));
      const { scores } = await scoreVariants(model, region.sequence, variants, { method: 'masked', window: 64 });
      const want = auroc(
        scores.map((s) => (s.score === null ? NaN : -s.score)),
        sge.map((v) => v.funcClass === 'LOF'),
      );
      expect(r.models[0]!.methods[0]!.all.auc).toBeCloseTo(want, 12);
    } finally {
      model.dispose();
    }

    // --write-metrics: the copies' model.json and cards carry the same numbers; --out: the report with its command
    const meta = metricsOf(mlm);
    const masked = r.models[0]!.methods[0]!.all;
    const { auc, lo, hi, positives, negatives } = masked;
    expect(meta.methods.masked!.lof).toEqual({ auroc: auc, lo, hi, positives, negatives });
    expect(meta.command).toMatch(/^npm run eval -- --models \S+ --jobs 2 --markov 3 --skip-heldout --write-metrics /);
    expect(Date.now() - Date.parse(meta.date)).toBeLessThan(300_000);
    const best = Object.entries(meta.methods).sort((x, y) => y[1].lof.auroc - x[1].lof.auroc)[0]![0];
    expect(meta.recommendation.overall.method).toBe(best);
    const cardRow = `| masked | 63 | 1 | ${meta.methods.masked!.scored} | ${auc.toFixed(3)} (${lo.toFixed(2)}-`;
    expect(readFileSync(join(mlm, 'README.md'), 'utf8')).toContain(cardRow);
    expect(metricsOf(clm).methods.dll).toBeDefined();
    const md = readFileSync(out, 'utf8');
    const head = /^<!-- `npm run eval -- --models .* --write-metrics .*`, \d{4}-\d\d-\d\d \d\d:\d\d-\d\d:\d\d UTC/;
    expect(md.split('\n')[0]).toMatch(head);
    expect(md).toContain('# gLM Playground evaluation (wasm backend)');
  }, 300_000);

  it('names rows by folder too when two networks share an id (an export against the model it may replace)', () => {
    const [a, b] = [copy('smoke-mlm', 'first'), copy('smoke-mlm', 'second')];
    const r = evalCli(['--models', `${a},${b}`, '--jobs', '2', '--markov', '', '--skip-heldout', '--influence', '']);
    expect(r.models.map((m) => m.name)).toEqual([a, b].map((dir) => `smoke-mlm (${relative(REPO_ROOT, dir)})`));
    expect(r.paired.map((p) => [p.method, p.all.diff, p.all.p])).toEqual([
      ['masked', 0, 1],
      ['wt', 0, 1],
    ]);
  }, 300_000);

  it('refuses to record more than one setting per method', () => {
    const args = [
      'tsx',
      'src/cli/eval.ts',
      '--models',
      join(REPO_ROOT, '.cache/smoke-mlm'),
      '--windows',
      '64,128',
      '--write-metrics',
    ];
    const run = spawnSync('npx', args, { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--write-metrics records one setting per method: give one --windows, one --strands');
  });
});
