// A probe's calibration: out-of-fold probabilities cut into equal-count bins, each bin's mean predicted
// probability against the share of positives observed in it, with its 95% Wilson interval; drawn as a small
// plot (the diagonal is perfect calibration) and listed as a table for reading the numbers.
import type { CalibrationBin } from '../../fewshot/report';

const SIZE = 160,
  PAD = 24;
const at = (v: number) => PAD + v * (SIZE - 2 * PAD);

export function Calibration({ bins }: { bins: CalibrationBin[] }) {
  const y = (v: number) => SIZE - at(v);
  return (
    <figure data-testid="fewshot-calibration">
      <figcaption>
        Calibration: the probe&apos;s out-of-fold probabilities in {bins.length} bins of equal size, against the share
        of positives in each (95% interval). On the diagonal, a probability of 0.3 means 3 in 10 are positive.
      </figcaption>
      <svg width={SIZE} height={SIZE} role="img" aria-label="Calibration plot; the table beside it gives the values.">
        <rect x={at(0)} y={y(1)} width={at(1) - at(0)} height={at(1) - at(0)} fill="none" stroke="#999" />
        <line x1={at(0)} y1={y(0)} x2={at(1)} y2={y(1)} stroke="#999" strokeDasharray="3 3" />
        {bins.map((b, i) => (
          <g key={i}>
            <line x1={at(b.predicted)} x2={at(b.predicted)} y1={y(b.lo)} y2={y(b.hi)} stroke="#3b528b" />
            <circle cx={at(b.predicted)} cy={y(b.observed)} r={3} fill="#3b528b" />
          </g>
        ))}
        <text x={SIZE / 2} y={SIZE - 4} fontSize={10} textAnchor="middle">
          predicted
        </text>
        <text x={8} y={SIZE / 2} fontSize={10} textAnchor="middle" transform={`rotate(-90 8 ${SIZE / 2})`}>
          observed
        </text>
      </svg>
      <table>
        <thead>
          <tr>
            <th scope="col">variants</th>
            <th scope="col">mean predicted</th>
            <th scope="col">observed positive</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b, i) => (
            <tr key={i}>
              <td>{b.n}</td>
              <td>{b.predicted.toFixed(2)}</td>
              <td>
                {b.observed.toFixed(2)} ({b.lo.toFixed(2)}–{b.hi.toFixed(2)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
