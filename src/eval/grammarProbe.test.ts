import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fileSource } from '../node/fileSource';
import { readGrammarSites } from '../node/grammarSites';
import { modelDirs, useNodeBackend } from '../node/nodeRuntime';
import { mustSkip } from '../node/prerequisites';
import { MASK_ID } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { grammarProbe, PROBE_WINDOW, type GrammarSite, type ProbeGroup } from './grammarProbe';
import { fakeLanguageModel } from '../model/testing/fakeLanguageModel';

/** Masked fake: at a masked position P = (0.1, 0.2, 0.3, 0.4) for A, C, G, T; elsewhere uniform. The causal fake
 *  predicts that P everywhere. */
const fake = (objective: 'mlm' | 'clm') =>
  fakeLanguageModel({
    objective,
    context: 256,
    logprob: (row, j, b) => Math.log(row[j] === MASK_ID || objective === 'clm' ? [0.1, 0.2, 0.3, 0.4][b]! : 0.25),
  });

const seq = 'ACGT'.repeat(100);
const sites: GrammarSite[] = [
  { kind: 'donor', record: 'r', pos: 130, ref: 'G', repeat: false },
  { kind: 'donor', record: 'r', pos: 131, ref: 'T', repeat: false },
  { kind: 'random', record: 'r', pos: 200, ref: 'A', repeat: false },
  { kind: 'random', record: 'r', pos: 201, ref: 'C', repeat: true },
];

describe('grammar probe', () => {
  it('averages P(ref) per kind, random split by repeat, with the site masked at the window centre', async () => {
    const model = fake('mlm');
    const r = await grammarProbe(model, sites, new Map([['r', seq]]));
    expect(r.get('donor')!.meanP).toBeCloseTo((0.3 + 0.4) / 2, 6);
    expect(r.get('donor')!.bits).toBeCloseTo(-(Math.log2(0.3) + Math.log2(0.4)) / 2, 5);
    expect(r.get('random')).toMatchObject({ n: 1, meanP: expect.closeTo(0.1, 6) });
    expect(r.get('random repeat')).toMatchObject({ n: 1, meanP: expect.closeTo(0.2, 6) });
    expect(model.seen.length).toBeGreaterThan(0);
    expect(
      model.seen.every(
        (w) =>
          w.length === PROBE_WINDOW && w[PROBE_WINDOW / 2] === MASK_ID && w.filter((t) => t === MASK_ID).length === 1,
      ),
    ).toBe(true);
  });

  it('scores a causal model at the last base of the window, unmasked', async () => {
    const model = fake('clm');
    const r = await grammarProbe(model, sites.slice(0, 1), new Map([['r', seq]]));
    expect(r.get('donor')!.meanP).toBeCloseTo(0.3, 6);
    expect(model.seen[0]![PROBE_WINDOW - 1]).toBe(2); // G
  });

  it('refuses a site list that does not match the genome', async () => {
    await expect(grammarProbe(fake('mlm'), [{ ...sites[0]!, ref: 'A' }], new Map([['r', seq]]))).rejects.toThrow(
      /the genome has G, the site list says A/,
    );
    await expect(grammarProbe(fake('mlm'), sites, new Map())).rejects.toThrow(/record r/);
  });
});

describe.skipIf(
  mustSkip(inject('prerequisites'), 'grammar probe against PyTorch (reads chr22 from the shared data)', {
    shared: true,
  }),
)('grammar probe against PyTorch', () => {
  // models exported with a grammar probe (training/probe.py on the exported weights, in model.json)
  const probed = modelDirs().filter((d) => JSON.parse(readFileSync(join(d, 'model.json'), 'utf8')).metrics?.grammar);
  it('has a bundled model exported with its grammar probe', () => expect(probed.length).toBeGreaterThan(0));
  for (const dir of probed) {
    it(`${dir.split('/').pop()}: the runtime gives the probe values export.py recorded`, async () => {
      await useNodeBackend('wasm');
      const model = await loadModel(fileSource(dir));
      const expected = model.meta.metrics.grammar!;
      const { sites, records } = readGrammarSites();
      // the splice sites only (800 of the 2,200 windows), to keep the unit tests short
      const r = await grammarProbe(
        model,
        sites.filter((s) => s.kind === 'donor' || s.kind === 'acceptor'),
        records,
      );
      model.dispose();
      const keys: [string, ProbeGroup][] = [
        ['p_donor', 'donor'],
        ['p_acceptor', 'acceptor'],
      ];
      for (const [k, g] of keys) expect(r.get(g)!.meanP).toBeCloseTo(expected[k]!, 3);
    }, 300_000);
  }
});
