// Paste box, record picker, Run and Cancel, progress and input messages.
import { useShallow } from 'zustand/react/shallow';
import { progressOf, selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { ProgressBar } from './ProgressBar';

const EXAMPLE_URL = `${import.meta.env.BASE_URL}examples/lambda_cI_cro.fa`;

export function SequencePanel() {
  const s = useApp(
    useShallow((st) => ({
      input: st.input,
      records: st.records,
      recordIndex: st.recordIndex,
      notices: st.notices,
      inputError: st.inputError,
      model: st.model,
      busy: selectBusy(st),
      loading: st.loading,
      scanning: progressOf(st, 'scan'),
      runError: st.runError,
      setInput: st.setInput,
      selectRecord: st.selectRecord,
      run: st.run,
      cancel: st.cancel,
    })),
  );
  const record = s.records[s.recordIndex];
  const windows = record && s.model && record.sequence.length > s.model.context;
  const loadExample = async () => s.setInput(await (await fetch(EXAMPLE_URL)).text());
  return (
    <section className="panel" aria-labelledby="input-h">
      <h2 id="input-h">Sequence</h2>
      <label htmlFor="seq-input">DNA sequence or FASTA</label>
      <textarea
        id="seq-input"
        value={s.input}
        rows={6}
        spellCheck={false}
        placeholder=">my_region&#10;ACGTACGT…"
        onChange={(e) => s.setInput(e.target.value)}
      />
      <div className="row">
        <button type="button" onClick={() => void loadExample()}>
          Load example (phage lambda, 1 kb)
        </button>
        {s.records.length > 1 && (
          <>
            <label htmlFor="record-select">Record</label>
            <select id="record-select" value={s.recordIndex} onChange={(e) => s.selectRecord(Number(e.target.value))}>
              {s.records.map((r, i) => (
                <option key={i} value={i}>
                  {r.name} ({r.sequence.length.toLocaleString('en-US')} bp)
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" className="primary" disabled={!record || !s.model || s.busy} onClick={() => void s.run()}>
          Run
        </button>
        {s.busy && (
          <button type="button" onClick={s.cancel}>
            Cancel
          </button>
        )}
        {record && (
          <span className="muted">
            {record.name}: {record.sequence.length.toLocaleString('en-US')} bp
          </span>
        )}
      </div>
      {s.inputError && (
        <p className="error" role="alert" data-testid="input-error">
          {s.inputError}
        </p>
      )}
      {s.notices.map((n) => (
        <p key={n} className="notice">
          {n}
        </p>
      ))}
      {windows && (
        <p className="notice" data-testid="windows-notice">
          The sequence is longer than the model's {s.model!.context}-bp context: it is read in overlapping windows of{' '}
          {s.model!.context} bp, each base scored from the window where it sits most{' '}
          {s.model!.objective === 'mlm' ? 'central' : 'to the right'}.
        </p>
      )}
      {s.loading && <ProgressBar progress={s.loading} />}
      {s.scanning && <ProgressBar progress={s.scanning} />}
      {s.runError && (
        <p className="error" role="alert">
          {s.runError}
        </p>
      )}
    </section>
  );
}
