// The plain words beside a probe's numbers: wide intervals called wide, a probe no better than the baseline said so.
import { describe, expect, it } from 'vitest';
import { probeVerdict } from './verdict';

const fit = (value: number, lo: number, hi: number) => ({
  metric: { name: 'AUROC' as const, value, lo, hi },
  columns: 1,
  lambda: 1,
  importance: [],
  warnings: [],
});
function result(probe: [number, number, number], diff: [number, number, number]): Parameters<typeof probeVerdict>[0] {
  return {
    kind: 'binary',
    n: 35,
    positives: 12,
    values: [],
    scheme: 'stratified-k-fold',
    folds: 5,
    grouped: false,
    features: ['embedding'],
    probe: fit(...probe),
    baseline: fit(0.6, 0.4, 0.8),
    difference: { a: probe[0], b: 0.6, diff: diff[0], lo: diff[1], hi: diff[2], p: 0.5, test: 'DeLong' },
  };
}

describe('probeVerdict', () => {
  it('calls a wide interval wide, says when it includes chance, and when the probe does not beat the baseline', () => {
    const v = probeVerdict(result([0.62, 0.42, 0.82], [0.02, -0.1, 0.14]));
    expect(v[0]).toBe(
      'With only 35 labelled variants (12 positive, 23 negative) the interval is wide (0.42 to 0.82): the true ' +
        'AUROC could be anywhere in it. More labels narrow it.',
    );
    expect(v[1]).toMatch(/includes 0.5 \(chance\)/);
    expect(v[2]).toMatch(/^The probe is no better than the sequence-only baseline on the same folds: .*includes 0/);
  });

  it('says a narrow interval is narrow, and a probe above or below the baseline', () => {
    const better = probeVerdict(result([0.8, 0.75, 0.85], [0.1, 0.03, 0.17]));
    expect(better).toHaveLength(2);
    expect(better[0]).toMatch(/pinned to 0.75-0.85/);
    expect(better[1]).toMatch(/^The model's features beat the sequence-only baseline .* by 0.10/);
    expect(probeVerdict(result([0.7, 0.65, 0.75], [-0.1, -0.17, -0.03]))[1]).toMatch(/worse than the sequence-only/);
    expect(probeVerdict(result([0.3, 0.2, 0.4], [-0.1, -0.2, 0.01]))[1]).toMatch(
      /^The probe's interval lies below 0.5/,
    );
  });
});
