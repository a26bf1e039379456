// In-silico saturation mutagenesis of a region: every substitution scored, shown as a heatmap.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_MUTAGENESIS_LENGTH } from '../analysis/mutagenesis';
import { chooseMethod, METHODS, methodsFor, type ScoreMethod } from '../analysis/variantEffect';
import { drawMutagenesis, MUT_LABEL_WIDTH, MUT_ROW_HEIGHT, mutCellAt, scoreScale } from '../render/mutagenesis';
import { progressOf, resultOf, selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { mutagenesisTsv } from '../export/tables';
import { asCanvasContext, SvgContext } from '../render/svgContext';
import { downloadCanvas, downloadSvg, downloadText, stem } from './download';
import { ProgressBar } from './ProgressBar';
import { isActivation, stepCell } from './gridKeys';
import { prepareCanvas, useCanvasWidth } from './useCanvas';

export function MutagenesisPanel() {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      model: st.model,
      focus: st.focus,
      busy: selectBusy(st),
      result: resultOf(st, 'mutagenesis'),
      method: st.mutagenesisMethod,
      progress: progressOf(st, 'mutagenesis'),
      error: st.jobs.mutagenesis?.error,
      cancelJob: st.cancelJob,
      run: st.runMutagenesis,
      addVariants: st.addVariants,
      setScoreSettings: st.setScoreSettings,
      setFocus: st.setFocus,
    })),
  );
  const L = s.analysed?.sequence.length ?? 0;
  const centre = s.focus ?? Math.floor(L / 2);
  const [range, setRange] = useState(() => ({ from: Math.max(1, centre - 49), to: Math.min(L, centre + 50) }));
  const [hover, setHover] = useState<{ i: number; base: number } | null>(null);
  const [keyboard, setKeyboard] = useState(false); // show the cell cursor only while the keyboard drives it
  const [wrapRef, width] = useCanvasWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const r = s.result;

  useEffect(() => {
    const c = canvasRef.current;
    if (!c || !r || !s.analysed) return;
    const ctx = prepareCanvas(c, width, 4 * MUT_ROW_HEIGHT);
    if (ctx) drawMutagenesis(ctx, r.scores, s.analysed.sequence, r.start, { width, scale: scoreScale(r.scores) });
  }, [r, width, s.analysed]);

  if (!s.analysed || !s.model) return null;
  const methods = methodsFor(s.model.objective);
  const method = chooseMethod(s.model.objective, s.method);
  const n = range.to - range.from + 1;
  const valid = range.from >= 1 && range.to <= L && n >= 1 && n <= MAX_MUTAGENESIS_LENGTH;
  const seq = s.analysed.sequence;
  const cols = r ? r.scores.length / 4 : 0; // positions in the result
  const cellWidth = (width - MUT_LABEL_WIDTH) / Math.max(1, cols);
  const addCell = (c: { i: number; base: number } | null) => {
    if (!c || !r || Number.isNaN(r.scores[c.i * 4 + c.base]!)) return;
    const p = r.start + c.i;
    s.setFocus(p);
    void s.addVariants(`${p + 1}${seq[p]}>${'ACGT'[c.base]}`);
  };
  const cell =
    hover && r
      ? { pos: r.start + hover.i, alt: 'ACGT'[hover.base]!, score: r.scores[hover.i * 4 + hover.base]! }
      : null;
  return (
    <section className="panel" aria-labelledby="mut-h">
      <h2 id="mut-h">Saturation mutagenesis</h2>
      <div className="row">
        <label htmlFor="mut-from">From</label>
        <input
          id="mut-from"
          type="number"
          min={1}
          max={L}
          value={range.from}
          onChange={(e) => setRange({ ...range, from: Number(e.target.value) })}
        />
        <label htmlFor="mut-to">to</label>
        <input
          id="mut-to"
          type="number"
          min={1}
          max={L}
          value={range.to}
          onChange={(e) => setRange({ ...range, to: Number(e.target.value) })}
        />
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
        <span className="muted">
          {valid
            ? `${(3 * n).toLocaleString('en-US')} substitutions, ${method === 'dll' ? `${n.toLocaleString('en-US')} reference rows, each substitution run from its position on` : `${n.toLocaleString('en-US')} forward rows`}`
            : `choose 1-${Math.min(L, MAX_MUTAGENESIS_LENGTH).toLocaleString('en-US')} positions inside 1-${L.toLocaleString('en-US')}`}
        </span>
      </div>
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
      {r && (
        <p className="muted">
          {METHODS[r.method].label} of every substitution in {r.start + 1}-{r.end} (
          {r.forwardRows.toLocaleString('en-US')} forward rows
          {r.method === 'dll' ? ', partial rows counted by the share of positions they run' : ''}). Orange: less likely
          than the reference (predicted damaging); purple: more likely; grey: the reference base. Click a cell to add
          that variant.
        </p>
      )}
      {/* always mounted, so its width is measured before the first result arrives */}
      <div ref={wrapRef} className="canvas-wrap cursor-host">
        {r && (
          <canvas
            ref={canvasRef}
            data-testid="mutagenesis"
            tabIndex={0}
            aria-label="Mutagenesis heatmap: arrow keys move between positions (left, right) and bases (up, down), Enter adds that variant; the read-out below gives the score."
            onMouseMove={(e) => {
              setKeyboard(false);
              setHover(mutCellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, cols, width));
            }}
            onMouseLeave={() => setHover(null)}
            onClick={(e) => addCell(mutCellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, cols, width))}
            onKeyDown={(e) => {
              const next = stepCell(hover && { row: hover.base, col: hover.i }, e.key, 4, cols, e.shiftKey);
              if (next) {
                e.preventDefault();
                setKeyboard(true);
                setHover({ i: next.col, base: next.row });
              } else if (isActivation(e.key) && hover) {
                e.preventDefault();
                addCell(hover);
              }
            }}
            onBlur={() => {
              if (keyboard) setHover(null);
            }}
          />
        )}
        {r && keyboard && hover && (
          <div
            className="cell-cursor"
            aria-hidden="true"
            style={{
              left: MUT_LABEL_WIDTH + hover.i * cellWidth,
              top: hover.base * MUT_ROW_HEIGHT,
              width: Math.max(2, cellWidth),
              height: MUT_ROW_HEIGHT,
            }}
          />
        )}
      </div>
      {r && (
        <div className="row">
          <button
            type="button"
            onClick={() =>
              downloadText(
                `${stem(s.analysed!.name)}.mutagenesis.tsv`,
                mutagenesisTsv(s.analysed!.name, seq, r.start, r.scores),
              )
            }
          >
            Download TSV
          </button>
          <button
            type="button"
            onClick={() => downloadCanvas(`${stem(s.analysed!.name)}.mutagenesis.png`, canvasRef.current)}
          >
            Download PNG
          </button>
          <button
            type="button"
            onClick={() => {
              const svg = new SvgContext(width, 4 * MUT_ROW_HEIGHT);
              drawMutagenesis(asCanvasContext(svg), r.scores, seq, r.start, { width, scale: scoreScale(r.scores) });
              downloadSvg(`${stem(s.analysed!.name)}.mutagenesis.svg`, svg.toString());
            }}
          >
            Download SVG
          </button>
        </div>
      )}
      {r && (
        <p className="readout" aria-live="polite" data-testid="mutagenesis-readout">
          {cell
            ? `Position ${cell.pos + 1} ${seq[cell.pos]}>${cell.alt}: ${Number.isNaN(cell.score) ? 'reference base' : cell.score.toFixed(3)}`
            : 'Hover the heatmap for scores.'}
        </p>
      )}
    </section>
  );
}
