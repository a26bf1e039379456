// Delta log-likelihood (Evo 2): log-likelihood of a window centred on the variant with it minus without
// it; takes insertions and deletions. When the window fits the model's context, substitutions continue
// from their window's reference pass (forwardShared): a causal model's earlier positions cannot see them.

import { encode, reverseComplementTokens } from '../../genome/tokens';
import { rowLogLikelihood, type TokenRow } from '../rowBatcher';
import { planWindows } from '../windows';
import { centredWindow, type ScoringContext, type ScoringPlan } from './plan';

/**
 * Rows whose log-likelihoods add up to that of the sequence `t`: one row when it fits the context,
 * otherwise sliding windows in which each base is scored with up to a context of bases before it.
 */
function llRows(
  t: Int32Array,
  context: number,
  done: (total: number, count: number, missing: number) => void,
): TokenRow[] {
  const windows = planWindows(t.length, context, true);
  let total = 0,
    count = 0,
    missing = 0,
    left = windows.length;
  return windows.map((w) => ({
    tokens: t.subarray(w.start, w.end),
    use: (lp: Float32Array) => {
      const ll = rowLogLikelihood(
        t.subarray(w.keepStart, w.keepEnd),
        lp.subarray((w.keepStart - w.start) * 4, (w.keepEnd - w.start) * 4),
      );
      total += ll.total;
      count += ll.count;
      missing += ll.missing;
      if (--left === 0) done(total, count, missing);
    },
  }));
}

export function deltaLikelihoodPlan(ctx: ScoringContext): ScoringPlan {
  const { model, tokens, variants, scores, W, strands, parts } = ctx;
  const rc = (t: Int32Array, flip: boolean) => (flip ? reverseComplementTokens(t) : t);
  const rows: TokenRow[] = [];
  const jobs: ScoringPlan['jobs'] = [];
  const forwardShared = W <= model.context && model.reuse.kind === 'prefix' ? model.reuse.forwardShared : undefined;
  const refRows = new Map<
    string,
    { idx: number[]; shared: { i: number; altWin: Int32Array }[]; start: number; end: number }
  >();
  variants.forEach((v, i) => {
    if (scores[i]!.note) return;
    const start = centredWindow(tokens.length, v.pos, W);
    const end = start + W;
    if (v.pos + v.ref.length > end) {
      scores[i]!.note = `the variant is longer than the ${W}-bp window`;
      return;
    }
    const key = `${start}:${end}`;
    const entry = refRows.get(key) ?? { idx: [], shared: [], start, end };
    entry.idx.push(i);
    refRows.set(key, entry);
    const altWin = new Int32Array([
      ...tokens.subarray(start, v.pos),
      ...encode(v.alt),
      ...tokens.subarray(v.pos + v.ref.length, end),
    ]);
    if (forwardShared && v.ref.length === v.alt.length) {
      entry.shared.push({ i, altWin });
      return;
    }
    strands.forEach((flip, s) => {
      rows.push(
        ...llRows(rc(altWin, flip), model.context, (total, count, missing) => {
          parts[i]![s]!.alt = total;
          parts[i]![s]!.altMean = total / count;
          parts[i]![s]!.altSkipped = missing;
        }),
      );
    });
  });
  for (const { idx, shared, start, end } of refRows.values()) {
    strands.forEach((flip, s) => {
      const refWin = rc(tokens.slice(start, end), flip);
      const setRef = (total: number, count: number, missing: number) => {
        for (const i of idx) {
          parts[i]![s]!.ref = total;
          parts[i]![s]!.refMean = total / count;
          parts[i]![s]!.refSkipped = missing;
        }
      };
      if (!forwardShared) {
        rows.push(...llRows(refWin, model.context, setRef));
        return;
      }
      jobs.push(async () => {
        const alts = shared.map(({ altWin }) => {
          const t = rc(altWin, flip);
          let from = 0;
          while (from < t.length && t[from] === refWin[from]) from++;
          return { from, tokens: t };
        });
        const out = await forwardShared(refWin, alts);
        const ref = rowLogLikelihood(refWin, out.ref);
        setRef(ref.total, ref.count, ref.missing);
        alts.forEach(({ from, tokens: t }, j) => {
          // the alternative's log-likelihood: the reference's over the shared prefix, its own from `from` on
          const before = rowLogLikelihood(refWin.subarray(0, from), out.ref.subarray(0, from * 4));
          const after = rowLogLikelihood(t.subarray(from), out.alts[j]!);
          const p = parts[shared[j]!.i]![s]!;
          p.alt = before.total + after.total;
          p.altMean = p.alt / (before.count + after.count);
          p.altSkipped = before.missing + after.missing;
        });
        return 1 + alts.reduce((a, { from }) => a + Math.max(0, W - from - 1) / W, 0);
      });
    });
  }
  return { rows, jobs };
}
