// Zero-shot variant effect scores, one engine for the app, the CLI and the evaluation.
// Sign convention: negative = the model finds the variant less likely = predicted damaging.
//   masked (GPN): mask the site, log P(alt) - log P(ref). One pass serves all alts at a site.
//   wt (ESM-1v wild-type marginal): the same read off an unmasked pass.
//   dll (Evo 2): log-likelihood of a window centred on the variant with it minus without it;
//                takes insertions and deletions. Needs a causal model. When the window fits the
//                model's context, substitutions reuse their window's reference pass for the positions
//                before the variant (forwardShared), which a causal model's later positions cannot change.

import { encode, MASK_ID } from '../genome/tokens';
import { type LanguageModel, type RunOptions, checkpoint } from './languageModel';
import { rowLogLikelihood, runRows, type TokenRow } from './rowBatcher';
import { planWindows } from './windows';

export type ScoreMethod = 'masked' | 'wt' | 'dll';

export interface Variant {
  /** 0-based index in the sequence of the first reference base. */
  pos: number;
  ref: string;
  alt: string;
}

export interface ScoreOptions extends RunOptions {
  method: ScoreMethod;
  /**
   * Bases around the variant (an even number is read as one less). masked/wt: capped at the model's
   * context; dll: any length up to the sequence, by sliding windows past the context.
   */
  window: number;
  /** Also score the reverse complement and average, as GPN does. */
  bothStrands?: boolean;
  batchSize?: number;
}

export interface VariantScore {
  /** null when the variant cannot be scored; `note` says why. */
  score: number | null;
  /** dll only: change in mean log-likelihood per base (differs from score/len for indels). */
  meanScore?: number | null;
  note: string;
}

export const METHODS: Record<ScoreMethod, { label: string; objective: 'mlm' | 'clm' }> = {
  masked: { label: 'masked marginal (GPN)', objective: 'mlm' },
  wt: { label: 'wild-type marginal (ESM-1v)', objective: 'mlm' },
  dll: { label: 'delta log-likelihood (Evo 2)', objective: 'clm' },
};
export const DEFAULT_WINDOW = 256;
export const WINDOW_RANGE = { min: 16, max: 4096 } as const;

export function methodsFor(objective: 'mlm' | 'clm'): ScoreMethod[] {
  return (Object.keys(METHODS) as ScoreMethod[]).filter((m) => METHODS[m].objective === objective);
}

const COMP = [3, 2, 1, 0];
function revComp(t: Int32Array): Int32Array {
  const out = new Int32Array(t.length);
  for (let i = 0; i < t.length; i++) { const x = t[t.length - 1 - i]!; out[i] = x < 4 ? COMP[x]! : x; }
  return out;
}

/** Why a variant cannot be scored by this method on this sequence, or null. */
export function checkVariant(seq: string, v: Variant, method: ScoreMethod, objective: 'mlm' | 'clm'): string | null {
  if (METHODS[method].objective !== objective) {
    return `${method} needs a ${METHODS[method].objective === 'mlm' ? 'masked' : 'causal'} model`;
  }
  if (!/^[ACGT]*$/.test(v.ref) || !/^[ACGT]*$/.test(v.alt) || (v.ref === '' && v.alt === '')) {
    return `alleles must be A, C, G or T (got ${v.ref || '-'}>${v.alt || '-'})`;
  }
  if (v.ref === v.alt) return 'the alternative allele equals the reference';
  if (v.pos < 0 || v.pos + v.ref.length > seq.length) return `position ${v.pos + 1} is outside the sequence (1-${seq.length})`;
  const actual = seq.slice(v.pos, v.pos + v.ref.length);
  if (actual !== v.ref) return `reference mismatch at position ${v.pos + 1}: the sequence has ${actual}, the variant says ${v.ref}`;
  if (method !== 'dll' && (v.ref.length !== 1 || v.alt.length !== 1)) return `${method} scores single-base substitutions only; use dll with a causal model for indels`;
  return null;
}

export function oddWindow(w: number): number {
  return Math.max(1, w % 2 === 1 ? w : w - 1);
}

/** Window [start, start + W) of the sequence with the variant's site as central as the ends allow. */
function centredWindow(L: number, pos: number, W: number): number {
  return Math.max(0, Math.min(L - W, pos - Math.floor(W / 2)));
}

/**
 * Rows whose log-likelihoods add up to that of the sequence `t`: one row when it fits the context,
 * otherwise sliding windows in which each base is scored with up to a context of bases before it.
 */
function llRows(t: Int32Array, context: number, done: (total: number, count: number) => void): TokenRow[] {
  const windows = planWindows(t.length, context, true);
  let total = 0, count = 0, left = windows.length;
  return windows.map((w) => ({
    tokens: t.subarray(w.start, w.end),
    use: (lp: Float32Array) => {
      const ll = rowLogLikelihood(t.subarray(w.keepStart, w.keepEnd), lp.subarray((w.keepStart - w.start) * 4, (w.keepEnd - w.start) * 4));
      total += ll.total;
      count += ll.count;
      if (--left === 0) done(total, count);
    },
  }));
}

/** forwardRows: rows run, a row continued from a shared prefix counted by the fraction of its positions computed. */
export async function scoreVariants(model: LanguageModel, seq: string, variants: Variant[], opts: ScoreOptions): Promise<{ scores: VariantScore[]; forwardRows: number }> {
  const tokens = encode(seq);
  const L = seq.length;
  // an odd window puts the site exactly in the middle, so both strands see the same context;
  // dll windows longer than the model's context are scored by sliding (llRows)
  const W = oddWindow(Math.min(opts.window, opts.method === 'dll' ? Infinity : model.context, L));
  const strands = opts.bothStrands ? [false, true] : [false];
  const scores: VariantScore[] = variants.map((v) => {
    const problem = checkVariant(seq, v, opts.method, model.objective);
    return { score: null, note: problem ?? '' };
  });
  const rows: TokenRow[] = [];
  /** dll groups scored through forwardShared; each returns the forward rows it cost (fractions for partial rows) */
  const sharedJobs: (() => Promise<number>)[] = [];
  // per variant, per strand: the pieces its score is made of
  const parts = variants.map(() => strands.map(() => ({ alt: NaN, ref: NaN, altMean: NaN, refMean: NaN })));

  if (opts.method === 'masked' || opts.method === 'wt') {
    const bySite = new Map<number, number[]>();
    variants.forEach((v, i) => { if (!scores[i]!.note) bySite.set(v.pos, [...(bySite.get(v.pos) ?? []), i]); });
    for (const [pos, idx] of bySite) {
      const start = centredWindow(L, pos, W);
      strands.forEach((rc, s) => {
        let win: Int32Array = tokens.slice(start, start + W);
        let at = pos - start;
        if (rc) { win = revComp(win); at = W - 1 - at; }
        if (opts.method === 'masked') win[at] = MASK_ID;
        rows.push({
          tokens: win,
          use: (lp) => {
            for (const i of idx) {
              const [r, a] = [encode(variants[i]!.ref)[0]!, encode(variants[i]!.alt)[0]!].map((t) => (rc ? COMP[t]! : t));
              parts[i]![s]!.ref = lp[at * 4 + r!]!;
              parts[i]![s]!.alt = lp[at * 4 + a!]!;
            }
          },
        });
      });
    }
  } else {
    // substitutions in a window that fits the context continue from their window's reference pass
    const forwardShared = W <= model.context ? model.forwardShared?.bind(model) : undefined;
    const refRows = new Map<string, { idx: number[]; shared: { i: number; altWin: Int32Array }[]; start: number; end: number }>();
    variants.forEach((v, i) => {
      if (scores[i]!.note) return;
      const start = centredWindow(L, v.pos, W);
      const end = start + W;
      if (v.pos + v.ref.length > end) { scores[i]!.note = `the variant is longer than the ${W}-bp window`; return; }
      const key = `${start}:${end}`;
      const entry = refRows.get(key) ?? { idx: [], shared: [], start, end };
      entry.idx.push(i);
      refRows.set(key, entry);
      const altWin = new Int32Array([...tokens.subarray(start, v.pos), ...encode(v.alt), ...tokens.subarray(v.pos + v.ref.length, end)]);
      if (forwardShared && v.ref.length === v.alt.length) { entry.shared.push({ i, altWin }); return; }
      strands.forEach((rc, s) => {
        rows.push(...llRows(rc ? revComp(altWin) : altWin, model.context, (total, count) => {
          parts[i]![s]!.alt = total;
          parts[i]![s]!.altMean = total / count;
        }));
      });
    });
    for (const { idx, shared, start, end } of refRows.values()) {
      strands.forEach((rc, s) => {
        const refWin = rc ? revComp(tokens.slice(start, end)) : tokens.slice(start, end);
        const setRef = (total: number, count: number) => { for (const i of idx) { parts[i]![s]!.ref = total; parts[i]![s]!.refMean = total / count; } };
        if (!forwardShared) { rows.push(...llRows(refWin, model.context, setRef)); return; }
        sharedJobs.push(async () => {
          const alts = shared.map(({ altWin }) => {
            const t = rc ? revComp(altWin) : altWin;
            let from = 0;
            while (from < t.length && t[from] === refWin[from]) from++;
            return { from, tokens: t };
          });
          const out = await forwardShared(refWin, alts);
          const ref = rowLogLikelihood(refWin, out.ref);
          setRef(ref.total, ref.count);
          alts.forEach(({ from, tokens: t }, j) => {
            // the alternative's log-likelihood: the reference's over the shared prefix, its own from `from` on
            const before = rowLogLikelihood(refWin.subarray(0, from), out.ref.subarray(0, from * 4));
            const after = rowLogLikelihood(t.subarray(from), out.alts[j]!);
            const p = parts[shared[j]!.i]![s]!;
            p.alt = before.total + after.total;
            p.altMean = p.alt / (before.count + after.count);
          });
          return 1 + alts.reduce((a, { from }) => a + Math.max(0, W - from - 1) / W, 0);
        });
      });
    }
  }

  // shared-prefix groups first (each a job), then the plain rows; progress counts both
  let sharedRows = 0;
  const units = sharedJobs.length + rows.length;
  for (const [k, job] of sharedJobs.entries()) {
    await checkpoint(opts.signal);
    sharedRows += await job();
    opts.onProgress?.(k + 1, units);
  }
  await runRows(model, rows, opts.batchSize ?? 16, { ...opts, onProgress: (done) => opts.onProgress?.(sharedJobs.length + done, units) });
  variants.forEach((_, i) => {
    const sc = scores[i]!;
    if (sc.note) return;
    const mean = (f: (p: { alt: number; ref: number; altMean: number; refMean: number }) => number) =>
      parts[i]!.reduce((a, p) => a + f(p), 0) / strands.length;
    sc.score = mean((p) => p.alt - p.ref);
    if (opts.method === 'dll') sc.meanScore = mean((p) => p.altMean - p.refMean);
  });
  return { scores, forwardRows: rows.length + Math.round(sharedRows) };
}
