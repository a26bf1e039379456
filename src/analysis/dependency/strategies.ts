// How a dependency map runs one window's substitutions, chosen by the work the model declares it can reuse
// (model.reuse.kind): a masked model's substitution session, a causal model's shared prefix, or full passes.

import type { LanguageModel, Reuse } from '../../model/languageModel';
import type { SubstitutionSession } from '../../model/substitutions';
import { runRows, type TokenRow } from '../rowBatcher';
import { type RunOptions, checkpoint } from '../run';

/** One single-base substitution of a window: window position, alt base, the window's tokens with it. */
export interface Substitution {
  at: number;
  alt: number;
  tokens: Int32Array;
}

/** One window's work: its reference tokens, its substitutions, and where their log-probabilities go. */
export interface WindowJob {
  ref: Int32Array;
  subs: Substitution[];
  /** Takes the reference's log-probabilities [T, 4]; called once, before any fold. */
  reference(lp: Float32Array): void;
  /** Folds one substitution's log-probabilities [T, 4] into the map. */
  fold(s: Substitution, lp: Float32Array): void;
  /** k more substitutions are done. */
  progress(k: number): void;
}

/** Forward passes started and forward-row equivalents (DependencyMap's fields), summed as windows run. */
export interface WindowCost {
  passes: number;
  forwardRows: number;
}

export interface WindowOptions extends RunOptions {
  /** Rows per forward call (full passes). */
  batchSize?: number;
}

/** Positions per forwardShared call (each reruns its reference row) or substitution-session run (progress, cancel). */
const GROUP = 32;

/** Runs one window's substitutions the cheapest way the model allows, adding what that took to `cost`. */
export function runWindow(model: LanguageModel, job: WindowJob, cost: WindowCost, opts: WindowOptions): Promise<void> {
  const reuse = model.reuse;
  switch (reuse.kind) {
    case 'substitutions':
      return bySession(reuse.start, job, cost, opts);
    case 'prefix':
      return bySharedPrefix(reuse.forwardShared, job, cost, opts);
    case 'none':
      return byFullPasses(model, job, cost, opts);
  }
}

/** A masked model with local leading blocks reruns them near the site only, from one reference pass per window. */
async function bySession(
  start: (ref: Int32Array) => Promise<SubstitutionSession>,
  job: WindowJob,
  cost: WindowCost,
  opts: WindowOptions,
): Promise<void> {
  await checkpoint(opts.signal);
  const session = await start(job.ref);
  try {
    job.reference(session.ref);
    for (let g = 0; g < job.subs.length; g += 3 * GROUP) {
      await checkpoint(opts.signal);
      const group = job.subs.slice(g, g + 3 * GROUP);
      (await session.run(group.map((s) => ({ at: s.at, alt: s.alt })))).forEach((lp, k) => job.fold(group[k]!, lp));
      job.progress(group.length);
    }
  } finally {
    session.dispose();
  }
  cost.passes += 1 + job.subs.length;
  cost.forwardRows += 1 + job.subs.length;
}

/** A causal model continues each substitution from the reference's prefix (each group reruns the reference). */
async function bySharedPrefix(
  forwardShared: Extract<Reuse, { kind: 'prefix' }>['forwardShared'],
  job: WindowJob,
  cost: WindowCost,
  opts: WindowOptions,
): Promise<void> {
  const T = job.ref.length;
  let refLp: Float32Array | null = null;
  for (let g = 0; g < job.subs.length; g += 3 * GROUP) {
    await checkpoint(opts.signal);
    const group = job.subs.slice(g, g + 3 * GROUP);
    const out = await forwardShared(
      job.ref,
      group.map((s) => ({ from: s.at, tokens: s.tokens })),
    );
    if (!refLp) {
      refLp = out.ref.slice();
      job.reference(refLp);
    }
    for (const [k, s] of group.entries()) {
      const lp = new Float32Array(T * 4); // before the site the mutant's predictions are the reference's
      lp.set(refLp.subarray(0, s.at * 4));
      lp.set(out.alts[k]!, s.at * 4);
      job.fold(s, lp);
      cost.forwardRows += Math.max(0, T - s.at - 1) / T;
    }
    cost.passes += 1 + group.length;
    cost.forwardRows += 1;
    job.progress(group.length);
  }
}

/** Any other model: one full pass of the reference, then one of each substitution, in batches. */
async function byFullPasses(
  model: LanguageModel,
  job: WindowJob,
  cost: WindowCost,
  opts: WindowOptions,
): Promise<void> {
  await checkpoint(opts.signal);
  job.reference((await model.forward(job.ref, 1)).logprobs.slice());
  const rows: TokenRow[] = job.subs.map((s) => ({ tokens: s.tokens, use: (lp) => job.fold(s, lp) }));
  let reported = 0;
  await runRows(model, rows, opts.batchSize ?? 16, {
    signal: opts.signal,
    onProgress: (done) => {
      job.progress(done - reported);
      reported = done;
    },
  });
  cost.passes += 1 + rows.length;
  cost.forwardRows += 1 + rows.length;
}
