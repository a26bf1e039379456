import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../node/nodeRuntime';
import { referenceModelsDir } from '../node/referenceModels';
import { torchTimes } from './torchBench';

// The bench's PyTorch reference (training/bench_torch.py) runs nowhere else in CI; keep it working.
describe('PyTorch side of the bench', () => {
  const model = join(REPO_ROOT, 'public/models/clm-hybrid-chr22');
  const cases = [
    { length: 64, batch: 1, tokens: Array.from({ length: 64 }, (_, i) => i % 4) },
    { length: 128, batch: 2, tokens: Array.from({ length: 128 }, (_, i) => (i * 3) % 4) },
  ];

  it.each(['reuse', 'glibc'] as const)(
    'times every case once per round, per thread count (allocator %s)',
    (allocator) => {
      const out = torchTimes({ model, threads: [1, 2], repeats: 3, allocator, cases }) as Record<
        string,
        Record<string, number[]>
      >;
      expect(Object.keys(out).sort()).toEqual(['1', '2']);
      for (const perCase of Object.values(out)) {
        expect(Object.keys(perCase).sort()).toEqual(['128', '64']);
        for (const ms of Object.values(perCase)) {
          expect(ms).toHaveLength(3);
          for (const t of ms) expect(t).toBeGreaterThan(0);
        }
      }
    },
    60_000,
  );

  it.each(['wall', 'cpu'] as const)(
    'times a published folder through its PyTorch twin, %s clock',
    (clock) => {
      const model = join(referenceModelsDir(), 'caduceus-ps'),
        ids = Array.from({ length: 64 }, (_, i) => 7 + (i % 4));
      const out = torchTimes({
        model,
        threads: [1],
        repeats: 2,
        clock,
        cases: [{ length: 64, batch: 1, tokens: ids }],
      });
      const ms = (out['1'] as Record<string, number[]>)['64']!;
      expect(ms).toHaveLength(2);
      for (const t of ms) expect(t).toBeGreaterThan(0);
    },
    60_000,
  );

  it('times dense products: a 2 x 10^8-flop product takes longer than a 10^3-flop one', () => {
    const [big, tiny] = torchTimes({
      threads: [1],
      repeats: 3,
      gemms: [
        [512, 1152, 128],
        [8, 8, 8],
      ],
    })['1'] as number[];
    expect(big!).toBeGreaterThan(10 * tiny!);
  }, 60_000);
});
