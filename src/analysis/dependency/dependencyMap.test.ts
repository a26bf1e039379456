import { describe, expect, it } from 'vitest';
import { encode, reverseComplementTokens } from '../../genome/tokens';
import { CancelledError } from '../run';
import { scoreVariants } from '../variantEffect';
import { dependencyMap } from './dependencyMap';
import { fakeModel } from './testFixtures';

const lo = (p: number) => Math.log2(p / (1 - p));

describe('dependency map on fixed logits', () => {
  const seq = 'ATGCATTGCA';
  for (const [label, model] of [
    ['masked', fakeModel('mlm')],
    ['causal, shared prefix', fakeModel('clm', { shared: true })],
  ] as const) {
    it(`gives the hand-computed e(i, j), its substitution and target base (${label})`, async () => {
      const n = seq.length;
      const r = await dependencyMap(model, encode(seq), 0, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const v = r.values[i * n + j]!;
          if (j !== i + 1) {
            expect(v).toBe(0);
            continue;
          }
          // reference A, C or G at i: the best substitution swaps a 0.7 for a 0.1 (alt T would give 0.7 -> 0.25)
          if (seq[i] !== 'T') {
            expect(v).toBeCloseTo(lo(0.7) - lo(0.1), 6); // 4.3923 bits
            // any substitution but T ties (up to rounding); the target base is one of the two that swap
            const refBase = 'ACGT'.indexOf(seq[i]!),
              a = r.argmax[i * n + j]!;
            expect([0, 1, 2].filter((b) => b !== refBase)).toContain(a >> 2);
            expect([refBase, a >> 2]).toContain(a & 3);
          } else {
            expect(v).toBeCloseTo(lo(0.7) - lo(0.25), 6); // T -> A: P(A) at j goes 0.25 -> 0.7
            const a = r.argmax[i * n + j]!; // the three substitutions tie (up to rounding): each raises its own base
            expect(a >> 2).not.toBe(3);
            expect(a & 3).toBe(a >> 2);
          }
        }
      }
      expect(r.passes).toBe(model.reuse.kind === 'prefix' ? Math.ceil(n / 32) + 3 * n : 1 + 3 * n);
    });
  }

  it('gives the Jensen-Shannon influence of each substitution: its one changed position over the n - 1 others', async () => {
    const r = await dependencyMap(fakeModel('mlm'), encode(seq), 0, seq.length);
    // A -> C at position 0 moves position 1 from (.7 .1 .1 .1) to (.1 .7 .1 .1): JSD = 0.7 log2(.7/.4) + 0.1 log2(.1/.4)
    const jsd = 0.7 * Math.log2(0.7 / 0.4) + 0.1 * Math.log2(0.1 / 0.4);
    expect(r.influence[0 * 4 + 1]).toBeCloseTo(jsd / (seq.length - 1), 6);
    expect(r.influence[0 * 4 + 0]).toBeNaN(); // the reference base
    // T -> G at the last position changes nothing the model reads
    expect(r.influence[(seq.length - 1) * 4 + 2]).toBe(0);
  });

  it('agrees with the influence score of the variant table over the same window', async () => {
    const s = 'ACGTTGCAAGGCTTAACCGGTATCGATCGGA'; // 31 bases: the variant table's window is the whole sequence
    const model = fakeModel('mlm', { twoBack: true });
    const r = await dependencyMap(model, encode(s), 0, s.length);
    const vs = [
      { pos: 7, ref: 'A', alt: 'G' },
      { pos: 20, ref: 'T', alt: 'C' },
    ];
    const table = await scoreVariants(model, s, vs, { method: 'influence', window: 31 });
    vs.forEach((v, k) =>
      expect(r.influence[v.pos * 4 + 'ACGT'.indexOf(v.alt)]).toBeCloseTo(-table.scores[k]!.score!, 6),
    );
  });

  it('leaves rows at N empty and keeps the diagonal 0', async () => {
    const r = await dependencyMap(fakeModel('mlm'), encode('ACNGT'), 0, 5);
    expect(Array.from(r.values.subarray(10, 15)).every(Number.isNaN)).toBe(true);
    for (const i of [0, 1, 3, 4]) expect(r.values[i * 5 + i]).toBe(0);
    expect(r.passes).toBe(1 + 12);
  });

  it('says a causal map has j > i only, and the two-strand map is symmetric under reverse complement', async () => {
    const model = fakeModel('clm', { twoBack: true, shared: true });
    const s = encode('ACGTTGCAAGGCTTAACCGGTA');
    const n = s.length;
    const one = await dependencyMap(model, s, 0, n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) expect(one.values[i * n + j]).toBe(0);
    expect(one.values[3 * n + 5]).toBeGreaterThan(0); // two back
    const fwd = await dependencyMap(model, s, 0, n, { strands: 'both' });
    const rev = await dependencyMap(model, reverseComplementTokens(s), 0, n, { strands: 'both' });
    let nonzero = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const a = fwd.values[i * n + j]!,
          b = rev.values[(n - 1 - i) * n + (n - 1 - j)]!;
        expect(b).toBeCloseTo(a, 6);
        if (a > 0) nonzero++;
        const x = fwd.argmax[i * n + j]!,
          y = rev.argmax[(n - 1 - i) * n + (n - 1 - j)]!;
        // complemented bases, unless a tie picked differently (there are none off zero cells here)
        if (a > 1e-6) expect(y).toBe((3 - (x >> 2)) * 4 + (3 - (x & 3)));
      }
    }
    expect(nonzero).toBeGreaterThan(2 * (n - 2)); // both triangles have their j = i +- 1, +- 2 entries
    expect(fwd.values[5 * n + 3]).toBeGreaterThan(0);
  });

  it("splits a region longer than the context into windows and leaves the cells outside a row's window NaN", async () => {
    const s = encode('ACGTTGCAAGGCTTAACCGGTATCGATCGGATCCATGCAA'); // 40 bases, context 16
    const r = await dependencyMap(fakeModel('mlm', { context: 16 }), s, 0, 40);
    expect(r.windows.length).toBeGreaterThan(1);
    for (const w of r.windows) {
      for (let i = w.keepStart; i < w.keepEnd; i++) {
        for (let j = 0; j < 40; j++) {
          const v = r.values[i * 40 + j]!;
          if (j < w.start || j >= w.end) expect(v).toBeNaN();
          else expect(Number.isNaN(v)).toBe(false);
        }
      }
    }
    expect(r.passes).toBe(r.windows.length + 3 * 40);
  });

  it('reports progress, stops on cancel and refuses bad regions', async () => {
    const seen: number[] = [];
    const ctl = new AbortController();
    const model = fakeModel('mlm');
    const s = encode('ACGT'.repeat(12));
    const run = dependencyMap(model, s, 0, 48, {
      batchSize: 4,
      signal: ctl.signal,
      onProgress: (done, total) => {
        seen.push(done);
        expect(total).toBe(144);
        if (done >= 8) ctl.abort();
      },
    });
    await expect(run).rejects.toThrow(CancelledError);
    expect(model.rows).toBeLessThan(20);
    const full = await dependencyMap(model, s, 0, 48, { batchSize: 4, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(144);
    expect(full.passes).toBe(145);
    await expect(dependencyMap(model, s, 40, 60)).rejects.toThrow(/inside the sequence/);
    await expect(dependencyMap(model, encode('A'.repeat(1100)), 0, 1100)).rejects.toThrow(/at most 1,024 bases/);
  });
});
