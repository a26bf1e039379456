// Sequence probe: the person pastes FASTA records of two classes (named >name|class or >name|class|group) and
// records to predict; the worker fits a probe on the loaded model's mean-pooled embedding of each record beside a
// k-mer share baseline on the same folds, and the panel shows both metrics and the predictions.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { jobOf, progressOf, resultOf } from '../../state/selectors';
import { useApp } from '../../state/store';
import { ProbeMetrics } from '../fewshot/ProbeMetrics';
import { ProgressBar } from '../ProgressBar';
import type { PanelSpec } from './panel';

const f3 = (x: number | null) => (x === null ? '' : x.toFixed(3));

function RecordProbePanel() {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      result: resultOf(st, 'recordProbe'),
      progress: progressOf(st, 'recordProbe'),
      job: jobOf(st, 'recordProbe'),
      runJob: st.runJob,
      cancelJob: st.cancelJob,
    })),
  );
  const [records, setRecords] = useState('');
  const [positive, setPositive] = useState('');
  const [predict, setPredict] = useState('');
  if (!s.analysed) return null;
  const error = s.job?.status === 'error' || s.job?.status === 'cancelled' ? s.job.error : undefined;
  const r = s.result;
  return (
    <section className="panel" aria-labelledby="recordprobe-h">
      <h2 id="recordprobe-h">Few-shot probe on whole sequences</h2>
      <p className="muted">
        Paste FASTA records of two classes named <code>&gt;name|class</code> or <code>&gt;name|class|group</code>{' '}
        (cross-validation keeps a group whole). Each record is read as the loaded model&apos;s hidden states averaged
        over its bases; a small model is fitted on that, and beside it the same model on the record&apos;s 1- to 3-mer
        shares (the baseline), on the same folds.
      </p>
      <div className="row">
        <label htmlFor="recordprobe-records">Labelled records (FASTA)</label>
        <textarea
          id="recordprobe-records"
          rows={4}
          cols={60}
          value={records}
          onChange={(e) => setRecords(e.target.value)}
        />
        <label htmlFor="recordprobe-positive">Positive class</label>
        <input id="recordprobe-positive" value={positive} size={10} onChange={(e) => setPositive(e.target.value)} />
      </div>
      <div className="row">
        <label htmlFor="recordprobe-predict">Records to predict (FASTA)</label>
        <textarea
          id="recordprobe-predict"
          rows={3}
          cols={60}
          value={predict}
          onChange={(e) => setPredict(e.target.value)}
        />
      </div>
      <div className="row">
        <button
          type="button"
          disabled={!records.trim() || !positive.trim() || s.progress !== null}
          onClick={() => void s.runJob('recordProbe', { records, positive: positive.trim(), predict })}
        >
          Fit sequence probe
        </button>
        {s.progress && (
          <>
            <ProgressBar progress={s.progress} />
            <button type="button" aria-label="Cancel sequence probe" onClick={() => s.cancelJob('recordProbe')}>
              Cancel
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="recordprobe-error">
          {error}
        </p>
      )}
      {r && (
        <div data-testid="recordprobe-result">
          <ProbeMetrics result={r} unit="records" baseline="1- to 3-mer shares of the record" />
          {r.predictions.length > 0 && (
            <table data-testid="recordprobe-predictions">
              <thead>
                <tr>
                  <th scope="col">record</th>
                  <th scope="col">probe probability</th>
                  <th scope="col">baseline probability</th>
                  <th scope="col">note</th>
                </tr>
              </thead>
              <tbody>
                {r.predictions.map((x) => (
                  <tr key={x.name}>
                    <td>{x.name}</td>
                    <td>{f3(x.probe)}</td>
                    <td>{f3(x.baseline)}</td>
                    <td>{x.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

export const panel: PanelSpec = {
  kind: 'recordProbe',
  title: 'Sequence probe',
  order: 21,
  Component: RecordProbePanel,
};
