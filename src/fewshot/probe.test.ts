import { describe, expect, it } from 'vitest';
import { rng } from '../analysis/random';
import { CancelledError } from '../analysis/run';
import { matrix } from './matrix';
import { fitProbe, type ProbeInput } from './probe';
import { predictProbe, probeFromJSON, probeToJSON, rawScale } from './probeModel';
import { golden, toMatrix } from './testSupport';

/** n examples, 5 features (the first two informative, one constant), in 12 groups of shared offset. */
function synthetic(n: number, kind: 'binary' | 'continuous', seed = 7): ProbeInput {
  const next = rng(seed),
    p = 5,
    X = matrix(n, p);
  const groups = Array.from({ length: n }, (_, i) => `exon${i % 12}`);
  const y = Array.from({ length: n }, (_, i) => {
    for (let j = 0; j < p; j++) X.data[i * p + j] = j === 4 ? 7 : next() * 4 - 2 + (i % 12) / 6;
    const eta = 1.5 * X.data[i * p]! - 1.5 * X.data[i * p + 1]! + (next() - 0.5);
    return kind === 'binary' ? (eta > 0 ? 1 : 0) : eta;
  });
  return { X, names: ['signal+', 'signal-', 'noise1', 'noise2', 'constant'], y, kind, groups };
}

describe('fitProbe', () => {
  it('reports an out-of-fold AUROC, calibration, stable features and a model that predicts new rows', async () => {
    const input = synthetic(240, 'binary'),
      progress: number[] = [];
    const { report, model } = await fitProbe(input, { onProgress: (d) => progress.push(d) });
    expect(report.scheme).toBe('grouped-k-fold');
    expect(report.folds.length).toBe(5);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.metric.name).toBe('AUROC');
    expect(report.metric.value).toBeGreaterThan(0.9);
    expect(report.metric.lo).toBeLessThan(report.metric.value);
    expect(report.calibration!.reduce((s, b) => s + b.n, 0)).toBe(240);
    const top = report.importance.slice(0, 2).map((f) => [f.name, Math.sign(f.coef), f.signAgreement]);
    expect(top).toHaveLength(2);
    expect(top).toEqual(
      expect.arrayContaining([
        ['signal+', 1, 1],
        ['signal-', -1, 1],
      ]),
    );
    expect(report.importance.find((f) => f.name === 'constant')!.coef).toBe(0);
    expect(report.warnings).toEqual([]);
    expect(report.outOfFold.every((p) => p > 0 && p < 1)).toBe(true);
    // the model predicts as its raw-scale coefficients say
    const raw = rawScale(model),
      pred = predictProbe(model, input.X);
    pred.forEach((p, i) => {
      const eta = raw.coef.reduce((s, c, j) => s + c * input.X.data[i * 5 + j]!, raw.intercept);
      expect(p).toBeCloseTo(1 / (1 + Math.exp(-eta)), 12);
    });
  });

  it('reports Spearman rho for a continuous label', async () => {
    const { report } = await fitProbe(synthetic(120, 'continuous'));
    expect(report.metric.name).toBe('Spearman rho');
    expect(report.metric.value).toBeGreaterThan(0.8);
    expect(report.calibration).toBeUndefined();
    expect(report.metric.hi).toBeGreaterThan(report.metric.value);
  });

  for (const c of golden.crossValidation) {
    it(`gives scikit-learn's leave-one-group-out metric: ${c.name}`, async () => {
      const X = toMatrix(c.X),
        names = c.X[0]!.map((_, j) => `x${j}`);
      const { report } = await fitProbe({ X, names, y: c.y, kind: c.kind, groups: c.groups }, { lambdas: [c.lambda] });
      expect(report.scheme).toBe('leave-one-group-out');
      expect(report.metric.value).toBeCloseTo(c.metric, 10);
      report.outOfFold.forEach((v, i) => expect(v).toBeCloseTo(c.outOfFold[i]!, 9));
    });
  }

  it('stops when cancelled', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(fitProbe(synthetic(120, 'binary'), { signal: ctl.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('fitProbe refuses input that cannot be cross-validated honestly', () => {
  const base = synthetic(60, 'binary');
  const cases: [string, Partial<ProbeInput>, RegExp][] = [
    ['one class', { y: Array(60).fill(1) }, /all 60 examples are positive: a probe needs both classes/],
    [
      'fewer than 10 of a class',
      { y: Array.from({ length: 60 }, (_, i) => (i < 7 ? 1 : 0)) },
      /7 positive and 53 negative examples: a probe needs at least 10 of each class .* no metric/,
    ],
    [
      'a label that is not a number',
      { kind: 'continuous', y: Array.from({ length: 60 }, (_, i) => (i < 9 ? i : NaN)) },
      /label of example 10 is NaN/,
    ],
    [
      'labels other than 0 / 1',
      { y: Array.from({ length: 60 }, (_, i) => i % 3) },
      /label of example 3 is 2; binary labels are 0 or 1/,
    ],
    ['a constant number', { kind: 'continuous', y: Array(60).fill(2) }, /every label is 2: nothing to predict/],
    ['two groups', { groups: Array.from({ length: 60 }, (_, i) => `e${i % 2}`) }, /at least 3 groups, found 2/],
    [
      'a missing feature',
      {
        X: matrix(
          60,
          5,
          Float64Array.from(base.X.data, (v, i) => (i === 17 ? NaN : v)),
        ),
      },
      /feature 'noise1' of example 4 is NaN/,
    ],
    ['names of other length', { names: ['a'] }, /1 feature names for 5 columns/],
    ['labels of other length', { y: [1, 0] }, /2 labels for 60 rows/],
  ];
  for (const [what, change, message] of cases) {
    it(what, async () => {
      await expect(fitProbe({ ...base, ...change })).rejects.toThrow(message);
    });
  }
  it('a continuous label with fewer than 10 examples', async () => {
    const X = matrix(
      9,
      1,
      Float64Array.from({ length: 9 }, (_, i) => i),
    );
    await expect(fitProbe({ X, names: ['x'], y: [1, 2, 3, 4, 5, 6, 7, 8, 9], kind: 'continuous' })).rejects.toThrow(
      '9 labelled examples: a probe needs at least 10 to be cross-validated, so no metric is given',
    );
  });
});

describe('probe JSON', () => {
  it('round-trips to identical predictions and holds no labels', async () => {
    const input = synthetic(120, 'binary'),
      { model } = await fitProbe(input);
    const text = JSON.stringify(probeToJSON(model));
    expect(Object.keys(JSON.parse(text)).sort()).toEqual([
      'coef',
      'format',
      'intercept',
      'kind',
      'lambda',
      'mean',
      'names',
      'scale',
    ]);
    const back = probeFromJSON(JSON.parse(text));
    expect(Array.from(predictProbe(back, input.X))).toEqual(Array.from(predictProbe(model, input.X)));
  });

  it('names what is wrong with a damaged one', async () => {
    const { model } = await fitProbe(synthetic(120, 'continuous'));
    const good = probeToJSON(model);
    expect(() => probeFromJSON({ ...good, format: 'x' })).toThrow(/format is "x", expected 'glm-playground\/probe@1'/);
    expect(() => probeFromJSON({ ...good, coef: good.coef.slice(1) })).toThrow(
      'coef must list 5 numbers, one per feature',
    );
    expect(() => probeFromJSON({ ...good, mean: [1, 2, 'x', 4, 5] })).toThrow('mean[2] is "x", not a finite number');
    expect(() => probeFromJSON({ ...good, lambda: null })).toThrow('lambda must be a finite number');
    expect(() => predictProbe(model, matrix(1, 3))).toThrow(/reads 5 features .* the matrix has 3 columns/);
  });
});
