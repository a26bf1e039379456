// "What each architecture costs": forward-pass time against input length, measured here on this device's
// backend, drawn log-log with each curve's fitted slope (1: linear in the length; 2: quadratic).
import { useShallow } from 'zustand/react/shallow';
import { COST_LENGTHS } from '../bench/costCurve';
import { useApp } from '../state/store';
import type { ControlResults } from '../worker/protocol';

type Measured = ControlResults['costCurve'];

/** ?costlengths=512,1024 measures only those lengths (the e2e test keeps its run short). */
function lengths(): number[] {
  const q = new URLSearchParams(location.search).get('costlengths');
  const ls = q
    ?.split(',')
    .map(Number)
    .filter((n) => COST_LENGTHS.includes(n));
  return ls?.length ? ls : COST_LENGTHS;
}
const COLOURS = ['#1a5fb4', '#c01c28', '#26a269', '#986a44'];
const W = 460,
  H = 260,
  PAD = { l: 56, r: 12, t: 10, b: 36 };

function Plot({ data }: { data: Measured }) {
  const all = data.curves.flatMap((c) => c.points);
  if (!all.length) return null;
  const x0 = Math.log2(COST_LENGTHS[0]!),
    x1 = Math.log2(COST_LENGTHS[COST_LENGTHS.length - 1]!);
  const y0 = Math.floor(Math.log10(Math.min(...all.map((p) => p.ms)))),
    y1 = Math.ceil(Math.log10(Math.max(...all.map((p) => p.ms))));
  const px = (L: number) => PAD.l + ((Math.log2(L) - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
  const py = (ms: number) => H - PAD.b - ((Math.log10(ms) - y0) / Math.max(1, y1 - y0)) * (H - PAD.t - PAD.b);
  const decades = Array.from({ length: Math.max(1, y1 - y0) + 1 }, (_, i) => 10 ** (y0 + i));
  return (
    <svg
      width={W}
      height={H}
      role="img"
      aria-label="Forward time against input length, log-log"
      data-testid="cost-plot"
    >
      {COST_LENGTHS.map((L) => (
        <g key={L}>
          <line x1={px(L)} x2={px(L)} y1={PAD.t} y2={H - PAD.b} stroke="#ddd" />
          <text x={px(L)} y={H - PAD.b + 14} fontSize="10" textAnchor="middle">
            {L >= 1024 ? `${L / 1024}k` : L}
          </text>
        </g>
      ))}
      {decades.map((d) => (
        <g key={d}>
          <line x1={PAD.l} x2={W - PAD.r} y1={py(d)} y2={py(d)} stroke="#ddd" />
          <text x={PAD.l - 4} y={py(d) + 3} fontSize="10" textAnchor="end">
            {d >= 1000 ? `${d / 1000} s` : `${d} ms`}
          </text>
        </g>
      ))}
      <text x={(W + PAD.l) / 2} y={H - 4} fontSize="11" textAnchor="middle">
        input length (bases)
      </text>
      {data.curves.map((c, i) => (
        <g key={c.id}>
          <polyline
            fill="none"
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth="2"
            points={c.points.map((p) => `${px(p.length)},${py(p.ms)}`).join(' ')}
          />
          {c.points.map((p) => (
            <circle key={p.length} cx={px(p.length)} cy={py(p.ms)} r="3" fill={COLOURS[i % COLOURS.length]} />
          ))}
        </g>
      ))}
    </svg>
  );
}

export function CostCurvePanel() {
  const { models, costCurve, measureCosts, cancelCosts } = useApp(
    useShallow((s) => ({
      models: s.models,
      costCurve: s.costCurve,
      measureCosts: s.measureCosts,
      cancelCosts: s.cancelCosts,
    })),
  );
  const state = costCurve ?? { running: false };
  const bundled = models.filter((m) => !m.user);
  const d = state.data;
  return (
    <section className="panel" aria-labelledby="cost-h">
      <h2 id="cost-h">What each architecture costs</h2>
      <p className="muted">
        Forward-pass time against input length on this device's backend, one bundled model per architecture: a model
        whose context covers the input reads it in one pass; the attention hybrid reads its 512-base windows
        (overlapping by half) as one batch. Medians of 3 passes after a warm-up; a length whose pass takes over 20 s is
        the last one measured.
      </p>
      <button type="button" onClick={() => void measureCosts(lengths())} disabled={state.running || !bundled.length}>
        Measure on this device
      </button>{' '}
      {state.running && (
        <>
          <span role="status">measuring{state.total ? ` ${state.done} of ${state.total}` : ''}…</span>{' '}
          <button type="button" onClick={cancelCosts}>
            Cancel
          </button>
        </>
      )}
      {state.error && <span className="error">{state.error}</span>}
      {d && (
        <div data-testid="cost-result" data-backend={d.backend}>
          <Plot data={d} />
          <table className="cost-table">
            <thead>
              <tr>
                <th>model ({d.backend})</th>
                {COST_LENGTHS.map((L) => (
                  <th key={L}>{L.toLocaleString('en-US')}</th>
                ))}
                <th>slope</th>
              </tr>
            </thead>
            <tbody>
              {d.curves.map((c, i) => (
                <tr key={c.id} data-testid={`cost-${c.architecture}`}>
                  <td>
                    <span style={{ color: COLOURS[i % COLOURS.length] }}>■</span> {c.id} ({c.architecture})
                  </td>
                  {COST_LENGTHS.map((L) => {
                    const p = c.points.find((q) => q.length === L);
                    return <td key={L}>{p ? `${p.ms.toFixed(p.ms < 10 ? 1 : 0)} ms` : '–'}</td>;
                  })}
                  <td data-testid="cost-slope">
                    {c.slope === null ? '–' : c.slope.toFixed(2)}
                    {c.stopped ? ` (${c.stopped})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
