// A fitted few-shot probe as the page shows it: its metrics beside the baseline's (ProbeMetrics), whether it came
// with a link, and the predictions for the variants table's variants with their downloads.
import type { Variant } from '../../analysis/scoring/plan';
import type { SequenceProbeResult } from '../../fewshot/sequenceProbe';
import { PredictionDownloads } from './PredictionDownloads';
import { ProbeMetrics } from './ProbeMetrics';

interface Props {
  result: SequenceProbeResult;
  predict: readonly Variant[];
  /** The sequence's record name (genomic coordinates of the downloads). */
  record: string;
}

export function ProbeResults({ result: r, predict, record }: Props) {
  const what = r.kind === 'binary' ? 'probability' : 'prediction';
  return (
    <div data-testid="fewshot-result">
      {r.fromLink && (
        <p data-testid="fewshot-from-link">
          This probe came with the link: fitted on the sender&apos;s labels, which the link does not hold, and applied
          to the table&apos;s variants as it is. Its metrics are those measured when it was fitted.
        </p>
      )}
      <ProbeMetrics result={r} unit="variants" baseline="bases around the site only" />
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
