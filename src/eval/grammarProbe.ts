// The learning-progress measure of the models issue (mirrors training/probe.py): mean P(reference base)
// at grammar sites of chr22 genes held out of training, against random positions of the same genes.
// Each site is scored in a window (contracts.json: 128 bases), masked alone at its centre (masked model) or as
// the window's last base (causal model or Markov baseline).

import { CONTRACT_PROBE_WINDOW } from '../contracts';
import { encode, MASK_ID } from '../genome/tokens';
import type { LanguageModel } from '../model/languageModel';
import type { RunOptions } from '../analysis/run';
import { runRows } from '../analysis/rowBatcher';

export const PROBE_WINDOW = CONTRACT_PROBE_WINDOW;
export type SiteKind = 'donor' | 'acceptor' | 'stop' | 'random';
export const SITE_KINDS: readonly SiteKind[] = ['donor', 'acceptor', 'stop', 'random'];

export interface GrammarSite {
  kind: SiteKind;
  /** Name of the FASTA record that holds the site; pos is 0-based in it. */
  record: string;
  pos: number;
  ref: string;
  /** Soft-masked (repeat) base. */
  repeat: boolean;
}

/** Groups reported: each kind, with random positions split into repeat and non-repeat bases. */
export type ProbeGroup = 'donor' | 'acceptor' | 'stop' | 'random' | 'random repeat';
export const PROBE_GROUPS: readonly ProbeGroup[] = ['donor', 'acceptor', 'stop', 'random', 'random repeat'];

export interface ProbeResult {
  n: number;
  meanP: number;
  bits: number;
}

export function probeGroup(s: GrammarSite): ProbeGroup {
  return s.kind === 'random' && s.repeat ? 'random repeat' : s.kind;
}

export async function grammarProbe(
  model: LanguageModel,
  sites: GrammarSite[],
  records: Map<string, string>,
  opts: RunOptions = {},
): Promise<Map<ProbeGroup, ProbeResult>> {
  const W = PROBE_WINDOW;
  const at = model.objective === 'clm' ? W - 1 : W / 2;
  const acc = new Map<ProbeGroup, { n: number; p: number; lp: number }>();
  const rows = sites.map((s) => {
    const seq = records.get(s.record);
    if (!seq) throw new Error(`grammar site in record ${s.record}, which the genome file does not hold`);
    const start = s.pos - at;
    if (start < 0 || start + W > seq.length)
      throw new Error(`grammar site ${s.record}:${s.pos} has no ${W}-base window inside its record`);
    const win = encode(seq.slice(start, start + W));
    const ref = win[at]!;
    if ('ACGT'[ref] !== s.ref)
      throw new Error(`grammar site ${s.record}:${s.pos}: the genome has ${seq[s.pos]}, the site list says ${s.ref}`);
    if (model.objective === 'mlm') win[at] = MASK_ID;
    return {
      tokens: win,
      use: (lp: Float32Array) => {
        const g = acc.get(probeGroup(s)) ?? { n: 0, p: 0, lp: 0 };
        const x = lp[at * 4 + ref]!;
        g.n++;
        g.p += Math.exp(x);
        g.lp += x;
        acc.set(probeGroup(s), g);
      },
    };
  });
  await runRows(model, rows, 32, opts);
  return new Map([...acc].map(([k, g]) => [k, { n: g.n, meanP: g.p / g.n, bits: -g.lp / g.n / Math.LN2 }]));
}
