// The few-shot descriptor: its settings through a saved analysis, and a run on a small case checked against the
// engine called directly on features built independently (the baseline and the embedding blocks, fitProbe and
// predictProbe on them); bad labels refused, every bad line named, before the model is asked for anything.
import { describe, expect, it } from 'vitest';
import { embedVariants } from '../embedding';
import { assemble, variantBaseline } from '../../fewshot/features';
import { fitProbe } from '../../fewshot/probe';
import { fakeModel } from '../../fewshot/testModel';
import { predictProbe } from '../../fewshot/probeModel';
import { DEFAULT_BASELINE, DEFAULT_EMBEDDING, embeddingBlocks } from '../../fewshot/variantFeatures';
import { analysisOf } from '../registry';
import { fewshot, fewshotToSave, MAX_LABEL_CHARS } from './fewshot';

// a fixed pseudo-random sequence of 300 bases on chr1:1001-1300
let state = 7;
const rand = () => (state = (state * 48271) % 2147483647) / 2147483647;
const seq = Array.from({ length: 300 }, () => 'ACGT'[Math.floor(rand() * 4)]).join('');
const RECORD = 'chr1:1001-1300';
const MODEL = 'test-model';
// 40 substitutions at sites 60-259 (every 5th base), alt the next base in ACGT; LOF when alt is A or T, but for
// every 7th (a noisy label)
const sites = Array.from({ length: 40 }, (_, i) => 60 + 5 * i);
const train = sites.map((pos, i) => {
  const ref = seq[pos]!,
    alt = 'ACGT'['ACGT'.indexOf(ref) + 1] ?? 'A';
  return { pos, ref, alt, lof: ('AT'.includes(alt) ? 1 : 0) ^ (i % 7 === 3 ? 1 : 0) };
});
const text = ['chrom\tpos\tref\talt\tclass', ...train.map((v) => `1\t${1001 + v.pos}\t${v.ref}\t${v.alt}\t${v.lof}`)];
const predict = [61, 62, 63].map((pos) => ({ pos, ref: seq[pos]!, alt: seq[pos] === 'A' ? 'C' : 'A' }));
const settings = { labels: text.join('\n'), label: 'class', features: ['embedding' as const] };
const input = { text: seq, tokens: new Int32Array(0) };

describe('few-shot descriptor', () => {
  it('keeps the labels and columns in a saved analysis, not the record or the table, and checks each field', () => {
    expect(analysisOf('fewshot')).toBe(fewshot);
    const args = { ...settings, positive: 'LOF', group: 'exon', record: RECORD, predict, model: MODEL };
    const written = fewshot.saved!.write(args);
    expect(written).toEqual({
      labels: settings.labels,
      label: 'class',
      positive: 'LOF',
      group: 'exon',
      features: ['embedding'],
    });
    expect(fewshot.saved!.read(JSON.parse(JSON.stringify(written)), 300)).toEqual(written);
    const bad: [unknown, RegExp][] = [
      [{ ...settings, labels: '' }, /few-shot labels/],
      [{ ...settings, labels: 'x'.repeat(MAX_LABEL_CHARS + 1) }, /few-shot labels/],
      [{ ...settings, label: 3 }, /label column/],
      [{ ...settings, features: ['embedding', 'weights'] }, /few-shot features/],
      [{ ...settings, features: [] }, /few-shot features/],
      [{ ...settings, group: '' }, /group column/],
      ['labels', /few-shot settings/],
    ];
    for (const [json, message] of bad) expect(() => fewshot.saved!.read(json, 300)).toThrow(message);
  });

  it('fits the probe and the baseline as the engine does on the same features, and predicts the table', async () => {
    const model = fakeModel();
    const r = await fewshot.run(model, input, { ...settings, record: RECORD, predict, model: MODEL }, {});
    const variants = train.map(({ pos, ref, alt }) => ({ pos, ref, alt })),
      y = Float64Array.from(train, (v) => v.lof);
    const e = await embedVariants(model, seq, [...variants, ...predict], { window: DEFAULT_EMBEDDING.window });
    const emb = assemble(embeddingBlocks('model', e, DEFAULT_EMBEDDING));
    const base = assemble([variantBaseline(seq, [...variants, ...predict], DEFAULT_BASELINE)]);
    const rows = (m: typeof emb, from: number, to: number) => {
      const c = m.X.cols;
      return { rows: to - from, cols: c, data: m.X.data.slice(from * c, to * c) };
    };
    const fit = (m: typeof emb) => fitProbe({ X: rows(m, 0, 40), names: m.names, y, kind: 'binary' });
    const [probe, baseline] = [await fit(emb), await fit(base)];
    expect(r.kind).toBe('binary');
    expect(r.n).toBe(40);
    expect(r.positives).toBe(y.reduce((a, b) => a + b, 0));
    expect(r.probe.metric).toEqual(probe.report.metric);
    expect(r.baseline.metric).toEqual(baseline.report.metric);
    expect(r.probe.metric.value).toBeGreaterThan(0.6); // the alt base is in the embedding: not a vacuous fit
    expect(r.probe.metric.value).not.toBe(r.baseline.metric.value); // a swap of the two would fail
    expect(r.difference.diff).toBeCloseTo(probe.report.metric.value - baseline.report.metric.value, 12);
    expect(r.difference.test).toBe('DeLong');
    const p = predictProbe(probe.model, rows(emb, 40, 43)),
      b = predictProbe(baseline.model, rows(base, 40, 43));
    expect(r.predictions.map((x) => x.probe)).toEqual(Array.from(p));
    expect(r.predictions.map((x) => x.baseline)).toEqual(Array.from(b));
  });

  it('names every bad line in one message and runs no model on bad labels', async () => {
    const model = fakeModel();
    const lines = [...text];
    lines[3] = `1\t${1001 + train[2]!.pos}\t${train[2]!.ref === 'A' ? 'C' : 'A'}\tG\t1`; // not the sequence's base
    lines[6] = `1\t999999\tA\tG\t0`; // outside the record
    lines[9] = `1\t${1001 + train[8]!.pos}\t${train[8]!.ref}\tAT\t1`; // not a substitution
    const run = fewshot.run(
      model,
      input,
      { ...settings, labels: lines.join('\n'), record: RECORD, predict, model: MODEL },
      {},
    );
    await expect(run).rejects.toThrow(
      new RegExp(
        '^3 of 40 labelled variants cannot be used: line 4 \\(reference mismatch.*line 7 .*outside.*' +
          'line 10 \\(few-shot features are defined for single-base',
      ),
    );
    const few = fewshot.run(
      model,
      input,
      { ...settings, labels: text.slice(0, 15).join('\n'), record: RECORD, predict, model: MODEL },
      {},
    );
    await expect(few).rejects.toThrow(/a probe needs at least 10 of each class/);
    expect(model.calls).toHaveLength(0);
  });

  it('links the fitted probe without the labels unless asked, and applies it without refitting', async () => {
    const model = fakeModel();
    const fit = await fewshot.run(model, input, { ...settings, record: RECORD, predict, model: MODEL }, {});
    const bare = JSON.parse(JSON.stringify(fewshotToSave(settings, fit.fitted, false)));
    expect(bare.labels).toBeUndefined();
    expect(JSON.stringify(bare)).not.toContain(text[1]);
    expect(fewshotToSave(settings, fit.fitted, true).labels).toBe(settings.labels);
    const read = fewshot.saved!.read(bare, 300);
    expect(read.fitted!.probe.coef).toEqual(Array.from(fit.fitted.probe.coef));
    // the stored metrics are shown as they are (a changed one comes back changed: nothing was refitted)
    const marked = { ...read.fitted!, cv: { ...read.fitted!.cv, probe: { ...read.fitted!.cv.probe, value: 0.123 } } };
    const args = { ...read, fitted: marked, record: RECORD, predict, model: MODEL };
    const applied = await fewshot.run(model, input, args, {});
    expect(applied.fromLink).toBe(true);
    expect(applied.probe.metric.value).toBe(0.123);
    expect(applied.baseline.metric).toEqual(fit.baseline.metric);
    expect(applied.predictions).toEqual(fit.predictions);
    expect(applied.predictions[0]!.probe).not.toBe(applied.predictions[0]!.baseline);

    await expect(fewshot.run(model, input, { ...args, model: 'other' }, {})).rejects.toThrow(
      "the link's probe reads the features of test-model, but other is loaded",
    );
    const short = { ...marked, probe: { ...marked.probe } };
    for (const k of ['names', 'mean', 'scale', 'coef'] as const)
      (short.probe[k] as unknown[]) = short.probe[k].slice(1);
    await expect(fewshot.run(model, input, { ...args, fitted: short }, {})).rejects.toThrow(
      new RegExp(
        `^the link's probe reads ${fit.probe.columns - 1} features, ` +
          `test-model with embedding gives ${fit.probe.columns}; it was fitted without `,
      ),
    );
    const bad: [unknown, RegExp][] = [
      [{ ...bare, fitted: { ...bare.fitted, probe: { ...bare.fitted.probe, coef: ['x'] } } }, /coef must list/],
      [
        {
          ...bare,
          fitted: { ...bare.fitted, probe: { ...bare.fitted.probe, coef: bare.fitted.probe.coef.map(() => null) } },
        },
        /coef\[0\] is null, not a finite number/,
      ],
      [{ ...bare, fitted: { ...bare.fitted, cv: undefined } }, /few-shot probe is not valid: cv is missing/],
      [{ ...bare, fitted: { ...bare.fitted, cv: { ...bare.fitted.cv, n: 2.5 } } }, /cv.n is 2.5, expected an integer/],
      [{ ...bare, fitted: { ...bare.fitted, model: '' } }, /model must name/],
      [{ ...bare, fitted: undefined }, /neither labels nor a fitted probe/],
    ];
    for (const [json, message] of bad) expect(() => fewshot.saved!.read(json, 300)).toThrow(message);
  });
});
