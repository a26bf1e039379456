// Few-shot probe: the person pastes or drops labelled variants of this sequence (the TSV npm run fewshot reads),
// the worker fits a probe on the loaded model's features beside the sequence-only baseline, and the panel shows
// both metrics side by side, their paired difference, calibration, and predictions for the variants table.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FewshotArgs, FewshotSettings } from '../../analysis/descriptors/fewshot';
import type { FeatureSet } from '../../fewshot/variantFeatures';
import { jobOf, progressOf, resultOf } from '../../state/selectors';
import { useApp } from '../../state/store';
import { ProbeResults } from '../fewshot/ProbeResults';
import { ProgressBar } from '../ProgressBar';
import type { PanelSpec } from './panel';

const MODEL_FEATURES: { set: FeatureSet; label: string }[] = [
  { set: 'embedding', label: "the model's embedding of the site" },
  { set: 'scores', label: 'its zero-shot scores' },
];

/** The header's columns of pasted label text (tab-separated; a VCF-style '#' allowed). */
const headerOf = (text: string) =>
  (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '')
    .replace(/^#/, '')
    .split('\t')
    .map((c) => c.trim())
    .filter(Boolean);

function FewshotPanel() {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      result: resultOf(st, 'fewshot'),
      progress: progressOf(st, 'fewshot'),
      job: jobOf(st, 'fewshot'),
      variants: st.variants,
      runFewshot: st.runFewshot,
      shareLabels: st.fewshotShareLabels,
      setShareLabels: st.setFewshotShareLabels,
      cancelJob: st.cancelJob,
    })),
  );
  const [labels, setLabels] = useState('');
  const [label, setLabel] = useState('');
  const [positive, setPositive] = useState('');
  const [group, setGroup] = useState('');
  const [features, setFeatures] = useState<FeatureSet[]>(['embedding']);
  const args = s.job?.args as FewshotArgs | undefined;
  // a reopened link runs the probe it saved: its labels and columns fill the form (set while rendering, as React
  // advises for state that follows a prop, rather than in an effect)
  const [shown, setShown] = useState(args);
  if (args !== shown) {
    setShown(args);
    if (args) {
      setLabels(args.labels ?? '');
      setLabel(args.label);
      setPositive(args.positive ?? '');
      setGroup(args.group ?? '');
      setFeatures(args.features);
    }
  }
  if (!s.analysed) return null;
  const columns = headerOf(labels);
  const chosen = columns.includes(label) ? label : '';
  const settings: FewshotSettings = {
    labels,
    label: chosen,
    ...(positive.trim() ? { positive: positive.trim() } : {}),
    ...(group && columns.includes(group) ? { group } : {}),
    features,
  };
  const readFile = async (f: File) => setLabels(await f.text());
  const error = s.job?.status === 'error' || s.job?.status === 'cancelled' ? s.job.error : undefined;
  return (
    <section
      className="panel"
      aria-labelledby="fewshot-h"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer.files[0];
        if (f) void readFile(f);
      }}
    >
      <h2 id="fewshot-h">Few-shot probe on your labels</h2>
      <p className="muted">
        Paste or drop a table of variants of this sequence with a label each: tab-separated, a header naming chrom, pos,
        ref, alt, a label column (a class such as LOF, or a number such as a function score) and optionally a group
        column (an exon) that cross-validation keeps whole. A small model is fitted on the loaded model&apos;s features,
        and beside it the same model on the bases around the site alone (the baseline), on the same folds.
      </p>
      <div className="row">
        <label htmlFor="fewshot-labels">Labels table</label>
        <textarea
          id="fewshot-labels"
          rows={4}
          cols={60}
          value={labels}
          placeholder={'chrom\tpos\tref\talt\tclass\n17\t41209100\tC\tT\tLOF'}
          onChange={(e) => setLabels(e.target.value)}
        />
        <label className="file-label">
          Load table{' '}
          <input
            type="file"
            accept=".tsv,.txt,.vcf,text/plain"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void readFile(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <div className="row">
        <label htmlFor="fewshot-label">Label column</label>
        <select id="fewshot-label" value={chosen} onChange={(e) => setLabel(e.target.value)}>
          <option value="">(choose)</option>
          {columns.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <label htmlFor="fewshot-positive">Positive value</label>
        <input
          id="fewshot-positive"
          value={positive}
          size={8}
          placeholder="e.g. LOF"
          onChange={(e) => setPositive(e.target.value)}
        />
        <label htmlFor="fewshot-group">Group column</label>
        <select id="fewshot-group" value={settings.group ?? ''} onChange={(e) => setGroup(e.target.value)}>
          <option value="">(none)</option>
          {columns.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      <fieldset className="row">
        <legend>The probe reads</legend>
        {MODEL_FEATURES.map(({ set, label: text }) => (
          <label key={set}>
            <input
              type="checkbox"
              checked={features.includes(set)}
              onChange={(e) => setFeatures(e.target.checked ? [...features, set] : features.filter((f) => f !== set))}
            />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button
          type="button"
          disabled={!labels.trim() || !chosen || features.length === 0 || s.progress !== null}
          onClick={() => void s.runFewshot(settings)}
        >
          Fit probe
        </button>
        {!chosen && labels.trim() && <span className="muted">choose the label column</span>}
        {s.progress && (
          <>
            <ProgressBar progress={s.progress} />
            <button type="button" aria-label="Cancel probe" onClick={() => s.cancelJob('fewshot')}>
              Cancel
            </button>
          </>
        )}
      </div>
      <label className="row">
        <input type="checkbox" checked={s.shareLabels} onChange={(e) => s.setShareLabels(e.target.checked)} /> Include
        my training labels in the link
        <span className="muted">
          (without it the link carries the fitted probe and its metrics, and opens it without refitting)
        </span>
      </label>
      {error && (
        <p className="error" role="alert" data-testid="fewshot-error">
          {error}
        </p>
      )}
      {s.result && args && <ProbeResults result={s.result} predict={args.predict} record={args.record} />}
    </section>
  );
}

export const panel: PanelSpec = { kind: 'fewshot', title: 'Few-shot probe', order: 20, Component: FewshotPanel };
