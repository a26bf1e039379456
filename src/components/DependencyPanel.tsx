// Nucleotide dependency map of a region: run it, then an L x L heatmap with zoom (buttons, keys, wheel), pan,
// hover read-out, click (or Enter) to focus the substituted base (its variant influence shown), and exports.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  DEFAULT_DEPENDENCY_LENGTH,
  MAX_DEPENDENCY_LENGTH,
  type MapStrands,
} from '../analysis/dependency/dependencyMap';
import { describeCell, describeInfluence } from '../analysis/dependency/describe';
import { dependencyTsv } from '../export/dependencyTsv';
import {
  depCellAt,
  dependencyScale,
  drawDependencyMap,
  LOG_DECADES,
  zoomAround,
  type DepMapView,
} from '../render/dependencyMap';
import { SvgContext } from '../render/svgContext';
import { progressOf, resultOf, selectBusy } from '../state/selectors';
import { useApp } from '../state/store';
import { downloadCanvas, downloadSvg, downloadText, stem } from './download';
import { prepareSquareCanvas } from './useCanvas';
import { isActivation, stepCell, type GridCell } from './gridKeys';
import { ProgressBar } from './ProgressBar';

const SIZE = 480;
const MIN_SPAN = 16;

export function DependencyPanel() {
  const s = useApp(
    useShallow((st) => ({
      analysed: st.analysed,
      model: st.model,
      focus: st.focus,
      busy: selectBusy(st),
      map: resultOf(st, 'dependency'),
      progress: progressOf(st, 'dependency'),
      error: st.jobs.dependency?.error,
      run: st.runDependencyMap,
      cancelJob: st.cancelJob,
      setFocus: st.setFocus,
    })),
  );
  const L = s.analysed?.sequence.length ?? 0;
  const centre = s.focus ?? Math.floor(L / 2);
  const [range, setRange] = useState(() => {
    const from = Math.max(1, Math.min(centre - DEFAULT_DEPENDENCY_LENGTH / 2 + 1, L - DEFAULT_DEPENDENCY_LENGTH + 1));
    return { from, to: Math.min(L, from + DEFAULT_DEPENDENCY_LENGTH - 1) };
  });
  const [strands, setStrands] = useState<MapStrands>('forward');
  const [log, setLog] = useState(false);
  const [win, setWin] = useState({ r0: 0, c0: 0, span: 0 });
  const [hover, setHover] = useState<GridCell | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const drag = useRef<{ x: number; y: number; r0: number; c0: number; moved: boolean } | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const map = s.map;
  const n = map ? map.end - map.start : 0;
  const vmax = useMemo(() => (map ? dependencyScale(map.values, n) : 1), [map, n]);
  // a new map resets the zoom, and one opened from a link or the gallery shows its own settings in the controls
  const [shown, setShown] = useState(map);
  if (map !== shown) {
    setShown(map);
    setWin({ r0: 0, c0: 0, span: n });
    if (map) {
      setRange({ from: map.start + 1, to: map.end });
      setStrands(map.strands);
    }
  }
  const view: DepMapView = { ...win, span: win.span || n, px: SIZE, log, vmax };
  const focusRow = map && s.focus !== null && s.focus >= map.start && s.focus < map.end ? s.focus - map.start : null;

  useEffect(() => {
    const c = canvasRef.current;
    if (!c || !map) return;
    const ctx = prepareSquareCanvas(c, SIZE);
    if (ctx) drawDependencyMap(ctx, map.values, n, { ...view, px: c.width }, focusRow);
  }, [map, n, view.r0, view.c0, view.span, log, vmax, focusRow]); // eslint-disable-line react-hooks/exhaustive-deps

  // the wheel (plain, or with ctrl as a trackpad pinch sends it) zooms around the pointer: a native listener,
  // as React's are passive and cannot keep the page from scrolling; with nothing left to zoom the page scrolls
  useEffect(() => {
    const c = canvasRef.current;
    if (!c || !map) return;
    const onWheel = (e: WheelEvent) => {
      const dy = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? SIZE : 1);
      if (dy === 0) return;
      const next = zoomAround(view, n, e.offsetX, e.offsetY, SIZE, Math.exp(dy / 250), MIN_SPAN);
      if (next.span === view.span && next.r0 === view.r0 && next.c0 === view.c0) return;
      e.preventDefault();
      setWin(next);
      setKeyboard(false);
      setHover(depCellAt(e.offsetX, e.offsetY, { ...view, ...next }, SIZE));
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, [map, n, view.r0, view.c0, view.span]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!s.analysed || !s.model) return null;
  const seq = s.analysed.sequence;
  const causal = s.model.objective === 'clm';
  const len = range.to - range.from + 1;
  const valid = range.from >= 1 && range.to <= L && len >= 2 && len <= MAX_DEPENDENCY_LENGTH;
  const clamp = (v: number, span: number) => Math.max(0, Math.min(n - span, Math.round(v)));
  const zoomTo = (span: number, at: GridCell = { row: view.r0 + view.span / 2, col: view.c0 + view.span / 2 }) => {
    const sp = Math.max(Math.min(MIN_SPAN, n), Math.min(n, Math.round(span)));
    setWin({ r0: clamp(at.row - sp / 2, sp), c0: clamp(at.col - sp / 2, sp), span: sp });
  };
  const moveCursor = (c: GridCell) => {
    setKeyboard(true);
    setHover(c);
    // keep the cursor inside the window shown
    const r0 = c.row < view.r0 ? c.row : c.row >= view.r0 + view.span ? c.row - view.span + 1 : view.r0;
    const c0 = c.col < view.c0 ? c.col : c.col >= view.c0 + view.span ? c.col - view.span + 1 : view.c0;
    if (r0 !== view.r0 || c0 !== view.c0) setWin({ r0, c0, span: view.span });
  };
  const focusCell = (c: GridCell | null) => {
    if (c && map) s.setFocus(map.start + c.row);
  };
  const name = stem(s.analysed.name);
  return (
    <section className="panel" aria-labelledby="dep-h">
      <h2 id="dep-h">Nucleotide dependency map</h2>
      <p className="muted">
        How a change at one base moves the model's beliefs at every other (Tomaz da Silva et al., Nature Genetics 2025):
        row i, column j holds e(i, j), the largest change in log2 odds of any base at j over the three substitutions at
        i, from unmasked passes (3 per base, plus one of the reference per window).
      </p>
      <div className="row">
        <label htmlFor="dep-from">Map bases</label>
        <input
          id="dep-from"
          type="number"
          min={1}
          max={L}
          value={range.from}
          onChange={(e) => setRange({ ...range, from: Number(e.target.value) })}
        />
        <label htmlFor="dep-to">through</label>
        <input
          id="dep-to"
          type="number"
          min={1}
          max={L}
          value={range.to}
          onChange={(e) => setRange({ ...range, to: Number(e.target.value) })}
        />
        {causal && (
          <>
            <label htmlFor="dep-strands">Strands</label>
            <select id="dep-strands" value={strands} onChange={(e) => setStrands(e.target.value as MapStrands)}>
              <option value="forward">forward only (j &gt; i)</option>
              <option value="both">both (lower triangle from the reverse complement)</option>
            </select>
          </>
        )}
        <button
          type="button"
          className="primary"
          disabled={!valid || s.busy}
          onClick={() => void s.run({ start: range.from - 1, end: range.to, strands: causal ? strands : 'forward' })}
        >
          Run dependency map
        </button>
        <span className="muted" data-testid="dep-plan">
          {valid
            ? `${(3 * len).toLocaleString('en-US')} substitutions${causal && strands === 'both' ? ' on each strand' : ''}, each a forward pass${len > s.model.context ? ` (windows of ${s.model.context} bases: the model's context)` : ''}`
            : `choose 2-${Math.min(L, MAX_DEPENDENCY_LENGTH).toLocaleString('en-US')} positions inside 1-${L.toLocaleString('en-US')}`}
        </span>
      </div>
      {s.progress && (
        <div className="row">
          <ProgressBar progress={s.progress} />
          <button type="button" onClick={() => s.cancelJob('dependency')}>
            Cancel dependency map
          </button>
        </div>
      )}
      {s.error && (
        <p className={/cancelled\.$/.test(s.error) ? 'notice' : 'error'} role="status">
          {s.error}
        </p>
      )}
      {map && (
        <>
          <p className="muted" data-testid="dep-summary">
            Positions {map.start + 1}-{map.end}: {map.passes.toLocaleString('en-US')} forward passes (
            {Math.round(map.forwardRows).toLocaleString('en-US')} full-pass equivalents)
            {map.workers > 1 ? `, shared among ${map.workers} workers` : ''}.
            {map.causal &&
              map.strands === 'forward' &&
              ' A causal model reads only the bases before each position, so only j > i (above the diagonal) can be non-zero.'}
            {map.causal &&
              map.strands === 'both' &&
              " Above the diagonal: the forward strand; below: the reverse complement's pass, mapped back to these positions and bases."}
            {map.windows.length > 1 &&
              ` The region is longer than the model's context: each row comes from the ${map.windows[0]!.end - map.windows[0]!.start}-base window it is most central in; grey cells lie outside it.`}{' '}
            Colour: viridis, {log ? `log scale over ${LOG_DECADES} decades up to` : '0 to'} {vmax.toFixed(3)} bits (the
            99th percentile; larger values saturate).
          </p>
          <div className="row">
            <button
              type="button"
              aria-label="Zoom in on the map"
              disabled={view.span <= Math.min(MIN_SPAN, n)}
              onClick={() => zoomTo(view.span / 2, hover ?? undefined)}
            >
              +
            </button>
            <button
              type="button"
              aria-label="Zoom out of the map"
              disabled={view.span >= n}
              onClick={() => zoomTo(view.span * 2, hover ?? undefined)}
            >
              −
            </button>
            <button type="button" disabled={view.span >= n} onClick={() => setWin({ r0: 0, c0: 0, span: n })}>
              Whole map
            </button>
            <span className="muted">
              rows {map.start + view.r0 + 1}-{map.start + view.r0 + view.span}, columns {map.start + view.c0 + 1}-
              {map.start + view.c0 + view.span}
            </span>
            <label>
              <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log colour scale
            </label>
          </div>
          <div className="cursor-host" style={{ width: SIZE, height: SIZE }}>
            <canvas
              ref={canvasRef}
              data-testid="dependency-map"
              tabIndex={0}
              width={SIZE}
              height={SIZE}
              aria-label="Dependency map: arrow keys move over substituted rows and read columns (Shift: ten), + and - (or the wheel) zoom, Enter focuses the substituted base; the read-out below gives the value."
              onMouseDown={(e) => {
                drag.current = {
                  x: e.nativeEvent.offsetX,
                  y: e.nativeEvent.offsetY,
                  r0: view.r0,
                  c0: view.c0,
                  moved: false,
                };
              }}
              onMouseUp={() => {
                setTimeout(() => {
                  drag.current = null;
                });
              }}
              onMouseMove={(e) => {
                const { offsetX: x, offsetY: y } = e.nativeEvent;
                const d = drag.current;
                if (d && e.buttons === 1 && (d.moved || Math.hypot(x - d.x, y - d.y) > 3)) {
                  // drag pans
                  d.moved = true;
                  const k = view.span / SIZE;
                  setWin({
                    r0: clamp(d.r0 - (y - d.y) * k, view.span),
                    c0: clamp(d.c0 - (x - d.x) * k, view.span),
                    span: view.span,
                  });
                  return;
                }
                setKeyboard(false);
                setHover(depCellAt(x, y, view, SIZE));
              }}
              onMouseLeave={() => {
                setHover(null);
                drag.current = null;
              }}
              onClick={(e) => {
                if (!drag.current?.moved)
                  focusCell(depCellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, view, SIZE));
              }}
              onKeyDown={(e) => {
                const next = stepCell(hover, e.key, n, n, e.shiftKey);
                if (next) {
                  e.preventDefault();
                  moveCursor(next);
                } else if (e.key === '+' || e.key === '=' || e.key === '-') {
                  e.preventDefault();
                  zoomTo(view.span * (e.key === '-' ? 2 : 0.5), hover ?? undefined);
                } else if (isActivation(e.key) && hover) {
                  e.preventDefault();
                  focusCell(hover);
                }
              }}
              onBlur={() => {
                if (keyboard) setHover(null);
              }}
            />
            {keyboard &&
              hover &&
              hover.row >= view.r0 &&
              hover.row < view.r0 + view.span &&
              hover.col >= view.c0 &&
              hover.col < view.c0 + view.span && (
                <div
                  className="cell-cursor"
                  aria-hidden="true"
                  style={{
                    left: ((hover.col - view.c0) * SIZE) / view.span,
                    top: ((hover.row - view.r0) * SIZE) / view.span,
                    width: Math.max(3, SIZE / view.span),
                    height: Math.max(3, SIZE / view.span),
                  }}
                />
              )}
          </div>
          <p className="readout" aria-live="polite" data-testid="dependency-readout">
            {hover
              ? describeCell(map, seq, hover.row, hover.col)
              : 'Hover the map for values; click a row to focus its base (its row appears as a track under the per-base tracks).'}
          </p>
          {focusRow !== null && (
            <p className="readout" data-testid="dep-influence">
              {describeInfluence(map, seq, focusRow)}
            </p>
          )}
          <div className="row">
            <button
              type="button"
              onClick={() => downloadText(`${name}.dependency.tsv`, dependencyTsv(s.analysed!.name, seq, map))}
            >
              Download matrix TSV
            </button>
            <button type="button" onClick={() => downloadCanvas(`${name}.dependency.png`, canvasRef.current)}>
              Download map PNG
            </button>
            <button
              type="button"
              onClick={() => {
                // the matrix stays a raster inside the SVG (a 1,000-base map would be a million rectangles); the labels are text
                const svg = new SvgContext(SIZE + 10, SIZE + 40);
                svg.image(canvasRef.current!.toDataURL('image/png'), 0, 0, SIZE, SIZE);
                svg.fillText(
                  `Dependency map, rows (substituted) ${map.start + view.r0 + 1}-${map.start + view.r0 + view.span}, columns (read) ${map.start + view.c0 + 1}-${map.start + view.c0 + view.span}; colour 0-${vmax.toFixed(3)} bits${log ? ' (log)' : ''}`,
                  0,
                  SIZE + 20,
                );
                downloadSvg(`${name}.dependency.svg`, svg.toString());
              }}
            >
              Download map SVG
            </button>
          </div>
        </>
      )}
    </section>
  );
}
