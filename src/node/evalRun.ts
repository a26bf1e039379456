// The Node side of npm run eval: the data every model is evaluated on, the model folders, and the
// child processes that evaluate them --jobs at a time (their results cross as JSON).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { evalData, type EvalData } from '../eval/evaluate';
import { loadModel } from '../model/loadModel';
import type { LoadedModel } from '../model/meta';
import { validateManifest } from '../model/manifest';
import { BRCA1_FASTA, readFasta, readSge } from './data';
import { fileSource } from './fileSource';
import { readGrammarSites } from './grammarSites';
import { REPO_ROOT } from './nodeRuntime';

/** The BRCA1 region, its SGE dev variants and the grammar sites (read once per process). */
export function readEvalData(): EvalData {
  const region = readFasta(BRCA1_FASTA)[0]!;
  const grammar = readGrammarSites();
  return evalData({ ...region, source: BRCA1_FASTA.split('/').slice(-2).join('/') }, readSge(), grammar);
}

/** A model folder to evaluate: its id and training config (for the Markov baselines' split). */
export interface EvalDir {
  dir: string;
  id: string;
  config: unknown;
}

/**
 * The folders of `models` (comma-separated), or every bundled model in public/models/index.json's order. A
 * published folder (config.json, no model.json) is named by its folder and has no training split of its own.
 */
export function evalDirs(models?: string): EvalDir[] {
  type Index = { models: { path: string }[] };
  const index = () => JSON.parse(readFileSync(join(REPO_ROOT, 'public/models/index.json'), 'utf8')) as Index;
  const bundled = () => index().models.map((m) => join(REPO_ROOT, 'public', m.path));
  const dirs = models ? models.split(',').map((x) => resolve(x)) : bundled();
  return dirs.map((dir) => {
    if (!existsSync(join(dir, 'model.json')) && existsSync(join(dir, 'config.json')))
      return { dir, id: basename(dir), config: undefined };
    const meta = validateManifest(JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')), join(dir, 'model.json'));
    return { dir, id: meta.id, config: meta.training.config };
  });
}

export interface Entry {
  name: string;
  kind: string;
  model: LoadedModel;
}

export async function loadEntry(dir: string, label?: string): Promise<Entry> {
  const model = await loadModel(fileSource(dir));
  const meta = model.meta;
  const size = `${meta.objective.toUpperCase()} ${(meta.parameters / 1e6).toFixed(2)}M`;
  const kind = meta.type === 'markov' ? `order-${(model as unknown as { order: number }).order} Markov` : size;
  return { name: label ?? meta.id, kind, model };
}

const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/** JSON with NaN and infinities kept (as strings), leaving out the keys named in `drop`. */
export function toJson(x: unknown, drop: string[] = []): string {
  return JSON.stringify(x, (k, v) => {
    if (drop.includes(k)) return undefined;
    return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
  });
}

export function fromJson(text: string): unknown {
  return JSON.parse(text, (_, v) => (typeof v === 'string' && NON_FINITE.has(v) ? Number(v) : v));
}

/** f over items, at most `jobs` at once, results in the items' order. */
export async function pool<T, R>(items: T[], jobs: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!);
      }
    }),
  );
  return out;
}

/** Run node with argv; its stdout, or an error naming `what` and the exit code (stderr passes through). */
export function runChild(argv: string[], what: string): Promise<string> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? done(out) : reject(new Error(`${what} failed (exit ${code})`))));
  });
}
