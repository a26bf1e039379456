// The TypeScript side of contracts.json (training/test_contracts.py checks the Python side): constants, the
// worked examples, and the bundled models' records of the settings they were measured with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_EXAMPLES, CONTRACT_HELDOUT, CONTRACT_PROBE_WINDOW, CONTRACT_SHARED_DATA } from './contracts';
import { CONTRACT_VOCAB } from './contracts';
import { HELDOUT, heldoutPositions } from './eval/heldout';
import { PROBE_WINDOW } from './eval/grammarProbe';
import { BASES, BOS_ID, encode, MASK_ID, N_ID, VOCAB } from './genome/tokens';
import { validateManifest } from './model/manifest';
import { chr22Training, dataPath, keptRecords, SHARED_DATA, trainingSplit } from './node/data';
import { GRAMMAR_SITES } from './node/grammarSites';
import { modelDirs, REPO_ROOT } from './node/nodeRuntime';

const bundled = modelDirs()
  .filter((d) => !d.includes('/.cache/'))
  .map((d) => validateManifest(JSON.parse(readFileSync(join(d, 'model.json'), 'utf8')), d));
const config = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'training/config', name), 'utf8')) as unknown;

describe('contracts.json, TypeScript side', () => {
  it('vocabulary: the ids the runtime indexes by are the positions of their tokens', () => {
    expect(VOCAB).toEqual(CONTRACT_VOCAB);
    expect(BASES.map((b) => VOCAB.indexOf(b))).toEqual([0, 1, 2, 3]);
    expect([N_ID, MASK_ID, BOS_ID]).toEqual(['N', '[MASK]', '[BOS]'].map((t) => VOCAB.indexOf(t)));
    expect([...encode(CONTRACT_EXAMPLES.encode.sequence)]).toEqual(CONTRACT_EXAMPLES.encode.tokens);
  });

  it('held-out positions: the worked example, and the settings the bundled models were measured with', () => {
    const ex = CONTRACT_EXAMPLES.heldout;
    expect(heldoutPositions(ex.length, ex.n, ex.margin)).toEqual(ex.positions);
    expect(HELDOUT).toEqual(CONTRACT_HELDOUT);
    const measured = bundled.filter((m) => m.metrics.heldoutWindow !== undefined);
    expect(measured.length).toBeGreaterThan(0);
    for (const m of measured) {
      expect(m.metrics.heldoutWindow, m.id).toBe(HELDOUT.window);
      expect(m.metrics.heldoutPositions, m.id).toBe(HELDOUT.n); // the BRCA1 region has no N at these positions
    }
  });

  it('grammar probe: the window, and a site list written for it', () => {
    expect(PROBE_WINDOW).toBe(CONTRACT_PROBE_WINDOW);
    const about = (JSON.parse(readFileSync(GRAMMAR_SITES, 'utf8')) as { about: string }).about;
    expect(about).toContain(`with ${PROBE_WINDOW} bases inside it on both sides`);
  });

  it('Markov training split: the worked example, and the split the chr22 models were trained on', () => {
    const ex = CONTRACT_EXAMPLES.split;
    expect(keptRecords(ex.lengths, ex.minLength, ex.valEvery)).toEqual(ex.train);
    const split = chr22Training();
    const chr22 = '../shared/data/genomes/human_hg19_chr22_segments.fa.gz';
    expect(split).toEqual({ genomes: [chr22], minLength: 512, valEvery: 50 });
    expect(trainingSplit(config('clm_hybrid.json'))).toEqual(split);
    for (const id of ['mlm-hybrid-chr22', 'clm-hybrid-chr22']) {
      expect(trainingSplit(bundled.find((m) => m.id === id)!.training.config), id).toEqual(split);
    }
    expect(trainingSplit(config('mlm_hybrid_genic.json'))).toBeNull(); // a region mix has no plain split
  });

  it('shared data paths: the prefix is read from the shared data folder', () => {
    expect(dataPath(`${CONTRACT_SHARED_DATA.prefix}brca1/x.fa`)).toBe(join(SHARED_DATA, 'brca1/x.fa'));
    expect(dataPath('training/grammar_sites.json')).toBe(GRAMMAR_SITES);
  });
});
