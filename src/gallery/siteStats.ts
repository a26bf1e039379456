// How named sites (splice bases, say) stand out from the region around them, in what the app shows: P(reference)
// in the likelihood track (masked as the track masks) and the mean masked-marginal score of each site's three
// substitutions in the mutagenesis heatmap (the app's default window, one strand), each with its rank among
// the region's positions. Backs the gallery's splice-site caption (src/cli/siteStats.ts, captions.test.ts).

import { encode } from '../genome/tokens';
import type { LanguageModel } from '../model/languageModel';
import { DEFAULT_MASK_STRIDE, likelihoodScan } from '../analysis/likelihoodScan';
import { saturationMutagenesis } from '../analysis/mutagenesis';
import { DEFAULT_WINDOW } from '../analysis/variantEffect';

export interface SiteStat {
  /** 1-based position. */
  pos: number;
  base: string;
  pRef: number;
  /** 1 = the best-predicted position of the region. */
  pRefRank: number;
  meanScore: number;
  /** 1 = the most negative (most damaging) mean score of the region. */
  scoreRank: number;
}

export interface SiteStats {
  /** Positions of the region with three scored substitutions. */
  positions: number;
  medianPRef: number;
  medianScore: number;
  sites: SiteStat[];
}

/** Sites and the region [start, end) are 0-based here; a site outside the region or at an N is refused. */
export async function siteStats(
  model: LanguageModel,
  seq: string,
  start: number,
  end: number,
  sites: number[],
): Promise<SiteStats> {
  const scan = await likelihoodScan(model, encode(seq), { maskStride: DEFAULT_MASK_STRIDE });
  const mut = await saturationMutagenesis(model, seq, start, end, { method: 'masked', window: DEFAULT_WINDOW });
  const pos: number[] = [],
    meanScore: number[] = [],
    pRef: number[] = [];
  for (let p = start; p < end; p++) {
    const cells = Array.from(mut.scores.subarray((p - start) * 4, (p - start + 1) * 4)).filter(Number.isFinite);
    if (cells.length !== 3) continue; // an N
    pos.push(p);
    meanScore.push(cells.reduce((a, b) => a + b, 0) / 3);
    pRef.push(2 ** scan.observedBits[p]!);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    positions: pos.length,
    medianPRef: median(pRef),
    medianScore: median(meanScore),
    sites: sites.map((s) => {
      const k = pos.indexOf(s);
      if (k < 0) throw new Error(`Site ${s + 1} is not a scored base of the region ${start + 1}-${end}.`);
      return {
        pos: s + 1,
        base: seq[s]!,
        pRef: pRef[k]!,
        pRefRank: 1 + pRef.filter((x) => x > pRef[k]!).length,
        meanScore: meanScore[k]!,
        scoreRank: 1 + meanScore.filter((x) => x < meanScore[k]!).length,
      };
    }),
  };
}
