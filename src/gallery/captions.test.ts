// The gallery's splice-site caption against what its model computes: every number the caption gives is read
// from the caption's text and recomputed here, so a new model or a changed default fails this test until
// the caption is rewritten (src/cli/siteStats.ts prints the numbers).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteStats, type SiteStats } from './siteStats';
import { parseSequence } from '../genome/parseSequence';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { GALLERY } from './examples';

const ex = GALLERY.find((e) => e.id === 'brca1-exon19')!;
const SITES = [108, 109, 194, 195]; // the donor's AC and the acceptor's CT, 1-based
const seq = parseSequence(readFileSync(join(REPO_ROOT, 'public/examples', ex.file), 'utf8')).records[0]!.sequence;

async function stats(id: string): Promise<SiteStats> {
  const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models', id)));
  try {
    return await siteStats(
      model,
      seq,
      ex.mutagenesis![0] - 1,
      ex.mutagenesis![1],
      SITES.map((s) => s - 1),
    );
  } finally {
    model.dispose();
  }
}

const caught = (re: RegExp) => {
  const m = re.exec(ex.caption);
  if (!m) throw new Error(`the caption no longer says ${re}`);
  return m.slice(1);
};
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

describe('the BRCA1 exon 19 caption', () => {
  let own: SiteStats, chr22: SiteStats;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    [own, chr22] = [await stats(ex.model), await stats('mlm-hybrid-chr22')];
  }, 120_000);
  const site = (s: SiteStats, pos: number) => s.sites.find((x) => x.pos === pos)!;

  it('sees its region and sites on the sequence the example opens', () => {
    expect(ex.caption).toContain(`the ${own.positions} bases of the mutagenesis region`);
    expect(seq.slice(107, 109)).toBe('AC');
    expect(seq.slice(193, 195)).toBe('CT');
  });

  it('the donor bases are predicted better than most of the region, at the probabilities it gives', () => {
    const [p108, p109, median] = caught(/\(P (\d\.\d\d) and (\d\.\d\d) against a median of (\d\.\d\d)\)/);
    expect(site(own, 108).pRef.toFixed(2)).toBe(p108);
    expect(site(own, 109).pRef.toFixed(2)).toBe(p109);
    expect(own.medianPRef.toFixed(2)).toBe(median);
    for (const p of [108, 109]) expect(site(own, p).pRefRank).toBeLessThanOrEqual(own.positions / 4);
  });

  it('ranks the substitutions of 109 and 195 where it says, and 194 with the bases around it', () => {
    const [r109] = caught(/changes at 109 get the (\w+) lowest scores on average/);
    expect(['first', 'second', 'third', 'fourth', 'fifth'].indexOf(r109!) + 1).toBe(site(own, 109).scoreRank);
    const [r195] = caught(/195 is (\d+\w\w)/);
    expect(ordinal(site(own, 195).scoreRank)).toBe(r195);
    const r194 = site(own, 194).scoreRank;
    expect(r194).toBeGreaterThan(own.positions / 4);
    expect(r194).toBeLessThan((3 * own.positions) / 4);
  });

  it('the chr22-trained model predicts 108 worse than almost any base', () => {
    const [p] = caught(/predicts 108 worse than almost any base here \(P (\d\.\d\d)\)/);
    expect(site(chr22, 108).pRef.toFixed(2)).toBe(p);
    expect(site(chr22, 108).pRefRank).toBeGreaterThan(chr22.positions - 5);
  });
});
