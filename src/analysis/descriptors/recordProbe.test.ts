// The sequence probe: labelled FASTA records fitted as the engine fits the same features built directly (the
// mean-pooled embedding and the k-mer shares, fitProbe and predictProbe on them); bad records refused by name
// before the model is asked for anything.
import { describe, expect, it } from 'vitest';
import { embedSequences } from '../embedding';
import { sequenceBaseline } from '../../fewshot/features';
import { fitProbe } from '../../fewshot/probe';
import { predictProbe } from '../../fewshot/probeModel';
import { fakeModel } from '../../fewshot/testModel';
import { analysisOf } from '../registry';
import { recordProbe } from './recordProbe';

let state = 11;
const rand = () => (state = (state * 48271) % 2147483647) / 2147483647;
/** A record of 30-69 bases drawing G or C with probability gc. */
const record = (gc: number) =>
  Array.from({ length: 30 + Math.floor(rand() * 40) }, () =>
    rand() < gc ? 'GC'[Math.floor(rand() * 2)] : 'AT'[Math.floor(rand() * 2)],
  ).join('');
// 15 GC-rich and 15 AT-rich records in 5 groups; every 6th GC-rich one drawn as AT-rich (a noisy label)
const train = Array.from({ length: 30 }, (_, i) => {
  const cls = i % 2 ? 'gc' : 'at';
  return { name: `r${i}|${cls}|g${i % 5}`, seq: record(cls === 'gc' && i % 6 !== 1 ? 0.7 : 0.35) };
});
const fasta = (rs: { name: string; seq: string }[]) => rs.map((r) => `>${r.name}\n${r.seq}`).join('\n');
const predict = [
  { name: 'new1', seq: record(0.8) },
  { name: 'new2', seq: record(0.2) },
];
const input = { text: '', tokens: new Int32Array(0) };

describe('sequence probe', () => {
  it('fits the probe and the k-mer baseline as the engine does on the same features and predicts', async () => {
    expect(analysisOf('recordProbe')).toBe(recordProbe);
    const model = fakeModel();
    const args = { records: fasta(train), positive: 'gc', predict: fasta(predict) };
    const r = await recordProbe.run(model, input, args, {});
    const seqs = [...train, ...predict].map((x) => x.seq);
    const emb = await embedSequences(model, seqs);
    const base = sequenceBaseline(seqs);
    const y = Float64Array.from(train, (x) => (x.name.includes('|gc|') ? 1 : 0)),
      groups = train.map((x) => x.name.split('|')[2]!);
    const part = (data: ArrayLike<number>, cols: number, from: number, to: number) => ({
      rows: to - from,
      cols,
      data: Float64Array.from(data).slice(from * cols, to * cols),
    });
    const fit = (data: ArrayLike<number>, cols: number) =>
      fitProbe({
        X: part(data, cols, 0, 30),
        names: Array.from({ length: cols }, (_, j) => `${j}`),
        y,
        kind: 'binary',
        groups,
      });
    const [probe, baseline] = [await fit(emb, 5), await fit(base.data, base.names.length)];
    expect(r.n).toBe(30);
    expect(r.positives).toBe(15);
    expect(r.grouped).toBe(true);
    expect(r.scheme).toBe(probe.report.scheme);
    expect(r.probe.metric).toEqual(probe.report.metric);
    expect(r.baseline.metric).toEqual(baseline.report.metric);
    expect(r.probe.metric.value).toBeGreaterThan(0.7); // the GC share is in both: not a vacuous fit
    expect(r.baseline.columns).toBe(4 + 16 + 64);
    const p = predictProbe(probe.model, part(emb, 5, 30, 32)),
      b = predictProbe(baseline.model, part(base.data, base.names.length, 30, 32));
    expect(r.predictions.map((x) => x.name)).toEqual(['new1', 'new2']);
    expect(r.predictions.map((x) => x.probe)).toEqual(Array.from(p));
    expect(r.predictions.map((x) => x.baseline)).toEqual(Array.from(b));
    expect(p[0]).toBeGreaterThan(p[1]!); // the GC-rich new record is called gc
  });

  it('refuses records whose names do not give two classes, before the model runs', async () => {
    const model = fakeModel();
    const run = (records: string, positive = 'gc') =>
      recordProbe.run(model, input, { records, positive, predict: '' }, {});
    const renamed = (i: number, name: string) => fasta(train.map((x, j) => (j === i ? { ...x, name } : x)));
    await expect(run(renamed(3, 'r3'))).rejects.toThrow(/^record 4 \(r3\): name it >name\|class/);
    await expect(run(renamed(3, 'r3|odd|g1'))).rejects.toThrow(/name 3 classes \(at, gc, odd\), expected exactly two/);
    await expect(run(fasta(train), 'GC')).rejects.toThrow(/positive class 'GC' is none of the records' \(at, gc\)/);
    await expect(run(renamed(3, 'r3|gc'))).rejects.toThrow(/^29 of 30 records name a group/);
    await expect(run(fasta(train.slice(0, 12)))).rejects.toThrow(/at least 10 of each class/);
    expect(model.calls).toHaveLength(0);
  });
});
