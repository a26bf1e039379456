// The mutagenesis panel's controls: the region (1-based, inclusive), the score method, Run, and what a run costs.
import { useShallow } from 'zustand/react/shallow';
import { MAX_MUTAGENESIS_LENGTH } from '../../analysis/mutagenesis';
import { chooseMethod, METHODS, methodsFor, type ScoreMethod } from '../../analysis/variantEffect';
import type { Objective } from '../../model/family';
import { selectBusy } from '../../state/selectors';
import { useApp } from '../../state/store';
import { RangeInputs, type BaseRange } from '../RangeInputs';

/** What a run of `n` positions with `method` costs, or which ranges are allowed when `valid` is false. */
function plan(n: number, L: number, method: ScoreMethod, valid: boolean): string {
  if (!valid)
    return `choose 1-${Math.min(L, MAX_MUTAGENESIS_LENGTH).toLocaleString('en-US')} positions inside 1-${L.toLocaleString('en-US')}`;
  const rows =
    method === 'dll'
      ? `${n.toLocaleString('en-US')} reference rows, each substitution run from its position on`
      : `${n.toLocaleString('en-US')} forward rows`;
  return `${(3 * n).toLocaleString('en-US')} substitutions, ${rows}`;
}

export function MutagenesisControls(props: {
  /** Length of the analysed sequence. */
  L: number;
  objective: Objective;
  range: BaseRange;
  setRange: (r: BaseRange) => void;
}) {
  const { L, objective, range, setRange } = props;
  const s = useApp(
    useShallow((st) => ({
      busy: selectBusy(st),
      method: st.mutagenesisMethod,
      run: st.runMutagenesis,
      setScoreSettings: st.setScoreSettings,
    })),
  );
  const methods = methodsFor(objective);
  const method = chooseMethod(objective, s.method);
  const n = range.to - range.from + 1;
  const valid = range.from >= 1 && range.to <= L && n >= 1 && n <= MAX_MUTAGENESIS_LENGTH;
  return (
    <div className="row">
      <RangeInputs id="mut" labels={['From', 'to']} L={L} range={range} setRange={setRange} />
      {methods.length > 1 && (
        <>
          <label htmlFor="mut-method">Score</label>
          <select
            id="mut-method"
            value={method}
            onChange={(e) => s.setScoreSettings({ mutagenesisMethod: e.target.value as ScoreMethod })}
          >
            {methods.map((m) => (
              <option key={m} value={m}>
                {METHODS[m].label}
              </option>
            ))}
          </select>
        </>
      )}
      <button
        type="button"
        className="primary"
        disabled={!valid || s.busy}
        onClick={() => void s.run({ start: range.from - 1, end: range.to, method })}
      >
        Run mutagenesis
      </button>
      <span className="muted">{plan(n, L, method, valid)}</span>
    </div>
  );
}
