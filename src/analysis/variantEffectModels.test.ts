// Variant scores on the trained models: both-strand scores unchanged by reverse-complementing, and prefix
// reuse giving the scores of full passes in fewer forward rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reverseComplement } from '../genome/tokens';
import { withoutPrefixReuse } from '../model/benchmarking';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { modelDirs, useNodeBackend } from '../node/nodeRuntime';
import { methodsFor, scoreVariants, type Variant } from './variantEffect';

describe('strand symmetry on a trained model', () => {
  for (const dir of modelDirs()) {
    it(`${dir.split('/').pop()}: both-strand scores are unchanged by reverse-complementing sequence and variant`, async () => {
      await useNodeBackend('wasm'); // wasm: the cpu backend's convolutions made this the slowest test (75-94 s of 120 under load)
      const model = await loadModel(fileSource(dir));
      const s = 'GATTACACCGGTTAACGGCTAGCTTGACCATGCAAGTCCGATCGATTGCAAATCGGTACCAGT'.repeat(3);
      const methods = methodsFor(model.objective);
      const vs: Variant[] = [3, 40, 100, 180].map((pos) => ({ pos, ref: s[pos]!, alt: s[pos] === 'A' ? 'G' : 'A' }));
      const rcSeq = reverseComplement(s);
      const rcVs = vs.map((v) => ({
        pos: s.length - 1 - v.pos,
        ref: reverseComplement(v.ref),
        alt: reverseComplement(v.alt),
      }));
      for (const method of methods) {
        const opts = { method, window: 41, bothStrands: true };
        const a = await scoreVariants(model, s, vs, opts);
        const b = await scoreVariants(model, rcSeq, rcVs, opts);
        a.scores.forEach((x, i) => expect(x.score!).toBeCloseTo(b.scores[i]!.score!, 4));
        // and the single-strand scores really differ, so the test has something to check
        const single = await scoreVariants(model, rcSeq, rcVs, { ...opts, bothStrands: false });
        const f = await scoreVariants(model, s, vs, { ...opts, bothStrands: false });
        expect(f.scores.some((x, i) => Math.abs(x.score! - single.scores[i]!.score!) > 1e-4)).toBe(true);
      }
      model.dispose();
    });
  }
});
describe('delta log-likelihood reusing the reference pass (prefix reuse)', () => {
  const causal = modelDirs().filter((d) => {
    const meta = JSON.parse(readFileSync(join(d, 'model.json'), 'utf8'));
    // the hybrid keeps a prefix cache; counts have no prefix to reuse, and the Hyena model (FFT over the whole
    // input) has none yet, so its substitutions run full passes
    return meta.objective === 'clm' && meta.architecture.type === 'hybrid-conv-alibi';
  });
  it('has causal networks to check', () => expect(causal.length).toBeGreaterThan(0));
  for (const dir of causal) {
    it(`${dir.split('/').pop()}: gives the scores of full passes, in fewer forward rows`, async () => {
      await useNodeBackend('wasm');
      const model = await loadModel(fileSource(dir));
      expect(model.reuse.kind).toBe('prefix');
      const plain = withoutPrefixReuse(model); // every alternative window runs in full
      const s = 'GATTACACCGGTTAACGGCTAGCTTGACCATGCAAGTCCGATCGATTNCAAATCGGTACCAGT'.repeat(3);
      const vs: Variant[] = [0, 1, 30, 100, s.length - 1].map((pos) => ({
        pos,
        ref: s[pos]!,
        alt: s[pos] === 'A' ? 'G' : 'A',
      }));
      vs.push({ pos: 60, ref: s.slice(60, 62), alt: s[60] === 'A' ? 'GG' : 'AA' }); // two bases at once
      vs.push({ pos: 70, ref: s.slice(70, 72), alt: s[70]! }); // a deletion runs in full either way
      for (const window of [41, model.context]) {
        const progress: [number, number][] = [];
        const opts = { method: 'dll' as const, window, bothStrands: true };
        const shared = await scoreVariants(model, s, vs, { ...opts, onProgress: (d, t) => progress.push([d, t]) });
        const full = await scoreVariants(plain, s, vs, opts);
        shared.scores.forEach((x, i) => {
          expect(x.note).toBe('');
          expect(x.score!).toBeCloseTo(full.scores[i]!.score!, 3);
          expect(x.meanScore!).toBeCloseTo(full.scores[i]!.meanScore!, 5);
        });
        expect(shared.scores.some((x) => Math.abs(x.score!) > 0.01)).toBe(true);
        expect(shared.forwardRows).toBeLessThan(full.forwardRows);
        expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      }
      model.dispose();
    });
  }
});
