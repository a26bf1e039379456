// A fitted few-shot probe's numbers (of variants or of whole records): its cross-validated metric beside the
// baseline's on the same folds and their paired difference, what that is worth in words, calibration, and the
// features that weigh most.
import type { FitSummary, SequenceProbeResult } from '../../fewshot/sequenceProbe';
import type { Unit } from '../../fewshot/verdict';
import { probeVerdict } from '../../fewshot/verdict';
import { Calibration } from './Calibration';

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const withInterval = (m: FitSummary['metric']) =>
  Number.isFinite(m.lo) ? `${f3(m.value)} (95% CI ${m.lo.toFixed(2)}–${m.hi.toFixed(2)})` : f3(m.value);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

const SCHEME: Record<SequenceProbeResult['scheme'], string> = {
  'leave-one-group-out': 'leave one group out',
  'grouped-k-fold': 'grouped k-fold',
  'stratified-k-fold': 'stratified k-fold',
};

export type ProbeSummary = Parameters<typeof probeVerdict>[0];

interface Props {
  result: ProbeSummary;
  unit: Unit;
  /** What the baseline reads, in words. */
  baseline: string;
}

export function ProbeMetrics({ result: r, unit, baseline }: Props) {
  const d = r.difference,
    metric = r.probe.metric.name;
  const p = Number.isFinite(d.p) ? (d.p < 0.001 ? 'p < 0.001' : `p = ${d.p.toFixed(3)}`) : 'untested';
  return (
    <>
      <p className="muted">
        {r.n} labelled {unit}
        {r.kind === 'binary' ? `, ${r.positives} positive` : ' with numeric labels'}; {SCHEME[r.scheme]}{' '}
        cross-validation, {r.folds} folds{r.grouped ? ' by group' : ''}, the penalty chosen in each training part.{' '}
        {metric} of the predictions each of them got from a probe that never saw it.
        {r.kind === 'binary' &&
          r.values.length > 0 &&
          ` Labels read: ${r.values.map(([v, n]) => `'${v}' ${n}`).join(', ')}.`}
      </p>
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
            <th scope="row">baseline: {baseline}</th>
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
        {probeVerdict(r, unit).map((line) => (
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
    </>
  );
}
