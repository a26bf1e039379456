// In-silico saturation mutagenesis of a region: every substitution scored, shown as a heatmap. The panel holds
// the region and the picked cell; its parts are in mutagenesis/ (controls, heatmap, read-out, exports).
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { progressOf, resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import { MutagenesisControls } from './mutagenesis/MutagenesisControls';
import type { BaseRange } from './RangeInputs';
import { MutagenesisExports } from './mutagenesis/MutagenesisExports';
import { MutagenesisHeatmap, type MutCell } from './mutagenesis/MutagenesisHeatmap';
import { MutagenesisCaption, MutagenesisReadout } from './mutagenesis/MutagenesisReadout';
import { ProgressBar } from './ProgressBar';
import { useCanvasWidth } from './useCanvas';

export function MutagenesisPanel() {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      model: st.model,
      focus: st.focus,
      result: resultOf(st, 'mutagenesis'),
      progress: progressOf(st, 'mutagenesis'),
      error: st.jobs.mutagenesis?.error,
      cancelJob: st.cancelJob,
      addVariants: st.addVariants,
      setFocus: st.setFocus,
    })),
  );
  const L = s.analysed?.sequence.length ?? 0;
  const centre = s.focus ?? Math.floor(L / 2);
  const [range, setRange] = useState<BaseRange>(() => ({
    from: Math.max(1, centre - 49),
    to: Math.min(L, centre + 50),
  }));
  const [hover, setHover] = useState<MutCell | null>(null);
  const [wrapRef, width] = useCanvasWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const r = s.result;

  if (!s.analysed || !s.model) return null;
  const { name, sequence: seq } = s.analysed;
  const addCell = (c: MutCell | null) => {
    if (!c || !r || Number.isNaN(r.scores[c.i * 4 + c.base]!)) return;
    const p = r.start + c.i;
    s.setFocus(p);
    void s.addVariants(`${p + 1}${seq[p]}>${'ACGT'[c.base]}`);
  };
  return (
    <section className="panel" aria-labelledby="mut-h">
      <h2 id="mut-h">Saturation mutagenesis</h2>
      <MutagenesisControls L={L} objective={s.model.objective} range={range} setRange={setRange} />
      {s.progress && (
        <div className="row">
          <ProgressBar progress={s.progress} />
          <button type="button" onClick={() => s.cancelJob('mutagenesis')}>
            Cancel mutagenesis
          </button>
        </div>
      )}
      {s.error && (
        <p className={/cancelled\.$/.test(s.error) ? 'notice' : 'error'} role="status">
          {s.error}
        </p>
      )}
      {r && <MutagenesisCaption result={r} />}
      <MutagenesisHeatmap
        result={r}
        sequence={seq}
        wrapRef={wrapRef}
        canvasRef={canvasRef}
        width={width}
        hover={hover}
        setHover={setHover}
        onPick={addCell}
      />
      {r && <MutagenesisExports result={r} name={name} sequence={seq} canvasRef={canvasRef} width={width} />}
      {r && <MutagenesisReadout result={r} sequence={seq} hover={hover} />}
    </section>
  );
}
