// GC content and CpG observed/expected along the sequence, in a window centred on each base, and the CpG islands
// they mark (Gardiner-Garden and Frommer 1987: at least 200 bp with GC over 50% and CpG o/e over 0.6). It reads
// no model: a sequence's composition, to read the model's tracks against (promoters, isochores, repeats).

import { defineAnalysis, isRecord, savedInt } from '../descriptor';

export interface GcArgs {
  window: number;
}
export interface GcResult {
  window: number;
  /** [L] fraction of G or C among the A, C, G, T bases of the window around each base; NaN where it holds none. */
  gc: Float32Array;
  /** [L] CpG count x bases / (C count x G count) in that window; NaN where it holds no C or no G. */
  cpgRatio: Float32Array;
  /** Runs of at least 200 bases where both criteria hold, 0-based half-open. */
  islands: [number, number][];
}

export const GC_WINDOW = { min: 11, max: 2001, default: 201 } as const;
const ISLAND = { length: 200, gc: 0.5, cpgRatio: 0.6 } as const;

export function gcContent(seq: string, window: number): GcResult {
  const L = seq.length,
    half = Math.floor(window / 2);
  // prefix sums of bases counted, C, G, and CpG dinucleotides starting at each position
  const n = new Int32Array(L + 1),
    c = new Int32Array(L + 1),
    g = new Int32Array(L + 1),
    cg = new Int32Array(L + 1);
  for (let i = 0; i < L; i++) {
    const b = seq[i]!.toUpperCase();
    n[i + 1] = n[i]! + ('ACGT'.includes(b) ? 1 : 0);
    c[i + 1] = c[i]! + (b === 'C' ? 1 : 0);
    g[i + 1] = g[i]! + (b === 'G' ? 1 : 0);
    cg[i + 1] = cg[i]! + (b === 'C' && seq[i + 1]?.toUpperCase() === 'G' ? 1 : 0);
  }
  const gc = new Float32Array(L),
    cpgRatio = new Float32Array(L);
  for (let i = 0; i < L; i++) {
    const a = Math.max(0, i - half),
      e = Math.min(L, i + half + 1);
    const bases = n[e]! - n[a]!,
      cs = c[e]! - c[a]!,
      gs = g[e]! - g[a]!,
      pairs = cg[Math.max(a, e - 1)]! - cg[a]!; // CpGs wholly inside
    gc[i] = bases ? (cs + gs) / bases : NaN;
    cpgRatio[i] = cs && gs ? (pairs * bases) / (cs * gs) : NaN;
  }
  const islands: [number, number][] = [];
  let from = -1;
  for (let i = 0; i <= L; i++) {
    const on = i < L && gc[i]! > ISLAND.gc && cpgRatio[i]! > ISLAND.cpgRatio;
    if (on && from < 0) from = i;
    if (!on && from >= 0) {
      if (i - from >= ISLAND.length) islands.push([from, i]);
      from = -1;
    }
  }
  return { window, gc, cpgRatio, islands };
}

export const gc = defineAnalysis<GcArgs, GcResult>({
  kind: 'gc',
  label: 'GC content',
  needsModel: false,
  run: async (_model, input, a) => gcContent(input.text, a.window),
  transfer: (r) => [r.gc.buffer, r.cpgRatio.buffer],
  saved: {
    write: (s) => ({ window: s.window }),
    read: (json) => ({
      window: savedInt(isRecord(json) ? json.window : undefined, GC_WINDOW.min, GC_WINDOW.max, 'GC window'),
    }),
  },
});

declare module '../descriptor' {
  interface AnalysisKinds {
    gc: typeof gc;
  }
}
