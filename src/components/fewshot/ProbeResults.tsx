// A fitted few-shot probe as the page shows it: the probe's cross-validated metric beside the baseline's on the
// same folds and their paired difference, what that is worth in words, calibration, the features that weigh
// most, and the predictions for the variants table's variants.
import type { Variant } from '../../analysis/scoring/plan';
import type { FitSummary, SequenceProbeResult } from '../../fewshot/sequenceProbe';
import { probeVerdict } from '../../fewshot/verdict';
import { Calibration } from './Calibration';
import { PredictionDownloads } from './PredictionDownloads';

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const withInterval = (m: FitSummary['metric']) =>
  Number.isFinite(m.lo) ? `${f3(m.value)} (95% CI ${m.lo.toFixed(2)}–${m.hi.toFixed(2)})` : f3(m.value);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

const SCHEME: Record<SequenceProbeResult['scheme'], string> = {
  'leave-one-group-out': 'leave one group out',
  'grouped-k-fold': 'grouped k-fold',
  'stratified-k-fold': 'stratified k-fold',
};

interface Props {
  result: SequenceProbeResult;
  predict: readonly Variant[];
  /** The sequence's record name (genomic coordinates of the downloads). */
  record: string;
}

export function ProbeResults({ result: r, predict, record }: Props) {
  const d = r.difference,
    metric = r.probe.metric.name;
  const p = Number.isFinite(d.p) ? (d.p < 0.001 ? 'p < 0.001' : `p = ${d.p.toFixed(3)}`) : 'untested';
  const what = r.kind === 'binary' ? 'probability' : 'prediction';
  return (
    <div data-testid="fewshot-result">
      <p className="muted">
        {r.n} labelled variants{r.kind === 'binary' ? `, ${r.positives} positive` : ' with numeric labels'};{' '}
        {SCHEME[r.scheme]} cross-validation, {r.folds} folds{r.grouped ? ' by group' : ''}, the penalty chosen inside
        each training part. {metric} of the predictions each variant got from a probe that never saw it.
        {r.kind === 'binary' &&
          r.values.length > 0 &&
          ` Labels read: ${r.values.map(([v, n]) => `'${v}' ${n}`).join(', ')}.`}
      </p>
      {r.fromLink && (
        <p data-testid="fewshot-from-link">
          This probe came with the link: fitted on the sender&apos;s labels, which the link does not hold, and applied
          to the table&apos;s variants as it is. Its metrics are those measured when it was fitted.
        </p>
      )}
      <table className="metrics" data-testid="fewshot-metrics">
        <thead>
          <tr>
            <th scope="col">features</th>
            <th scope="col">{metric}</th>
            <th scope="col">columns</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="fewshot-probe">
            <th scope="row">probe: {r.features.join(' + ')}</th>
            <td>{withInterval(r.probe.metric)}</td>
            <td>{r.probe.columns}</td>
          </tr>
          <tr data-testid="fewshot-baseline">
            <th scope="row">baseline: bases around the site only</th>
            <td>{withInterval(r.baseline.metric)}</td>
            <td>{r.baseline.columns}</td>
          </tr>
          <tr data-testid="fewshot-difference">
            <th scope="row">probe minus baseline ({d.test === 'DeLong' ? 'DeLong' : "Fisher's z"}, same folds)</th>
            <td colSpan={2}>
              {signed(d.diff)}
              {Number.isFinite(d.lo) && ` (95% CI ${signed(d.lo)} to ${signed(d.hi)}; ${p})`}
            </td>
          </tr>
        </tbody>
      </table>
      <div data-testid="fewshot-verdict">
        {probeVerdict(r).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {[...r.probe.warnings, ...r.baseline.warnings].map((w) => (
        <p key={w} className="muted">
          Note: {w}
        </p>
      ))}
      {r.probe.calibration && <Calibration bins={r.probe.calibration} />}
      {r.probe.importance.length > 0 && (
        <p className="muted" data-testid="fewshot-importance">
          Weighs most (per standard deviation of the feature; sign agreement over folds):{' '}
          {r.probe.importance
            .map(
              (i) => `${i.name} ${i.coef >= 0 ? '+' : ''}${i.coef.toFixed(2)} (${Math.round(100 * i.signAgreement)}%)`,
            )
            .join(', ')}
          .
        </p>
      )}
      <h3>Predictions for the variants table</h3>
      {predict.length === 0 ? (
        <p className="muted">Add variants to the table above and fit again to have the probe predict them.</p>
      ) : (
        <>
          <table data-testid="fewshot-predictions">
            <thead>
              <tr>
                <th scope="col">variant</th>
                <th scope="col">probe {what}</th>
                <th scope="col">baseline {what}</th>
                <th scope="col">note</th>
              </tr>
            </thead>
            <tbody>
              {predict.map((v, i) => {
                const got = r.predictions[i];
                return (
                  <tr key={`${v.pos}${v.ref}${v.alt}`}>
                    <td>
                      {v.pos + 1}
                      {v.ref}&gt;{v.alt}
                    </td>
                    <td>{got?.probe == null ? '' : got.probe.toFixed(3)}</td>
                    <td>{got?.baseline == null ? '' : got.baseline.toFixed(3)}</td>
                    <td>{got?.note}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <PredictionDownloads result={r} predict={predict} record={record} />
        </>
      )}
    </div>
  );
}
