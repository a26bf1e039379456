// Masked marginal (GPN) and wild-type marginal (ESM-1v): log P(alt) - log P(ref) read at the site,
// with the site masked (masked) or not (wt). One pass serves every alternative at a site.

import { encode, MASK_ID, reverseComplementTokens } from '../../genome/tokens';
import { bySite, centredWindow, type ScoringContext, type ScoringPlan } from './plan';

export function marginalPlan(ctx: ScoringContext, masked: boolean): ScoringPlan {
  const { tokens, variants, W, strands, parts } = ctx;
  const rows: ScoringPlan['rows'] = [];
  for (const [pos, idx] of bySite(ctx)) {
    const start = centredWindow(tokens.length, pos, W);
    strands.forEach((rc, s) => {
      let win: Int32Array = tokens.slice(start, start + W);
      let at = pos - start;
      if (rc) {
        win = reverseComplementTokens(win);
        at = W - 1 - at;
      }
      if (masked) win[at] = MASK_ID;
      rows.push({
        tokens: win,
        use: (lp) => {
          for (const i of idx) {
            const [r, a] = [encode(variants[i]!.ref)[0]!, encode(variants[i]!.alt)[0]!].map((t) => (rc ? 3 - t : t));
            parts[i]![s]!.ref = lp[at * 4 + r!]!;
            parts[i]![s]!.alt = lp[at * 4 + a!]!;
          }
        },
      });
    });
  }
  return { rows, jobs: [] };
}
