// The overview of every layer and head against the attention map asked for one head at a time, shrunk by
// block means written out again here; and shrinking by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { attentionMap } from './attentionMap';
import { shrinkMatrix } from './attentionOverview';
import { analysisOf } from './registry';
import { attentionOverview, OVERVIEW_CELLS } from './descriptors/attentionOverview';

/** Block means of an n x n matrix on c x c blocks: cell (i, j) joins the last block whose first row/column <= it. */
function blockMeans(m: Float32Array, n: number, c: number): number[] {
  const firsts = Array.from({ length: c }, (_, a) => Math.floor((a * n) / c));
  const blockOf = (i: number) => {
    let a = c - 1;
    while (firsts[a]! > i) a--;
    return a;
  };
  const sum = new Array<number>(c * c).fill(0),
    count = new Array<number>(c * c).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const k = blockOf(i) * c + blockOf(j);
      sum[k]! += m[i * n + j]!;
      count[k]!++;
    }
  return sum.map((s, k) => s / count[k]!);
}

describe('attention overview', () => {
  it('shrinks a matrix by block means, by hand', () => {
    // 5 x 5 into 2 x 2: rows and columns split [0, 2) and [2, 5)
    const m = Float32Array.from({ length: 25 }, (_, k) => k);
    const got = Array.from(shrinkMatrix(m, 5, 2));
    // block (0,0): 0 1 5 6 -> 3; (0,1): 2 3 4 7 8 9 -> 5.5; (1,0): 10 11 15 16 20 21 -> 15.5;
    // (1,1): 12 13 14 17 18 19 22 23 24 -> 18
    expect(got).toEqual([3, 5.5, 15.5, 18]);
    expect(Array.from(shrinkMatrix(m, 5, 5))).toEqual(Array.from(m));
    expect(() => shrinkMatrix(m, 5, 6)).toThrow('cannot shrink a 5 x 5 map to 6 x 6 cells');
  });

  it('equals the one-head attention maps of every layer and head, shrunk (mlm-hybrid-chr22)', async () => {
    await useNodeBackend('wasm');
    const model = await loadModel(fileSource(join(REPO_ROOT, 'public/models/mlm-hybrid-chr22')));
    try {
      // 700 bases: longer than the 512-base context, so the window follows the focus
      const seq = 'GGCTTAACCGGTATCGATCGGATCCATGCAAGTCTTGACGGTACCATGGCAATTACGATTGCA'.repeat(11).slice(0, 700);
      const tokens = encode(seq);
      const focus = 650;
      const run = analysisOf('attentionOverview');
      expect(run).toBe(attentionOverview);
      const progress: number[][] = [];
      const r = await run.run(
        model,
        { text: seq, tokens },
        { focus, cells: 24 },
        {
          onProgress: (d, t) => progress.push([d, t]),
        },
      );
      expect([r.layers, r.heads, r.cells]).toEqual([model.nAttentionLayers, model.nHeads, 24]);
      expect(progress).toEqual(Array.from({ length: r.layers }, (_, l) => [l + 1, r.layers])); // one pass a layer
      expect(run.transfer(r)).toEqual([r.grid.buffer]);
      let headsDiffer = 0;
      for (let l = 0; l < r.layers; l++) {
        const refs: number[][] = [];
        for (let h = 0; h < r.heads; h++) {
          const one = await attentionMap(model, tokens, l, [h], focus);
          expect([r.start, r.size]).toEqual([one.start, one.size]);
          const want = blockMeans(one.probs, one.size, 24);
          const got = r.grid.subarray((l * r.heads + h) * 576, (l * r.heads + h + 1) * 576);
          for (let k = 0; k < 576; k++) expect(Math.abs(got[k]! - want[k]!)).toBeLessThan(1e-6);
          refs.push(want);
        }
        // heads attend differently: taking one head's block for another's would fail the check above
        headsDiffer = Math.max(headsDiffer, Math.max(...refs[0]!.map((v, k) => Math.abs(v - refs[1]![k]!))));
      }
      expect(headsDiffer).toBeGreaterThan(1e-3);
      // not the first window: the one whose centre is nearest the focus
      expect(r.start > 0 && r.start <= focus && focus < r.start + r.size).toBe(true);
      // the page's thumbnails of this model: 64 x 64 cells, 2 layers x 4 heads of float32
      const page = await run.run(model, { text: seq, tokens }, { focus, cells: OVERVIEW_CELLS }, {});
      expect(page.grid.byteLength).toBe(128 * 1024);
    } finally {
      model.dispose();
    }
  });
});
