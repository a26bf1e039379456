// A finished dependency map: its summary, zoom bar and log switch, the map with axes and colour bar (hover
// read-out and its positions on the tracks, click or Enter to focus the substituted base), the focused row's
// variant influence, and exports.
import { useCallback, useMemo, useState } from 'react';
import type { DependencyMap } from '../../analysis/dependency/dependencyMap';
import { describeCell, describeInfluence } from '../../analysis/dependency/describe';
import { dependencyTsv } from '../../export/dependencyTsv';
import { LOG_DECADES } from '../../render/colorScale';
import { dependencyScale, drawDependencyMap } from '../../render/dependencyMap';
import { useApp } from '../../state/store';
import { downloadCanvas, downloadSvg, downloadText, stem } from '../download';
import { mapSvg } from './mapFigure';
import { MapFrame } from './MapFrame';
import { mapLayout } from './mapLayout';
import { MapZoomBar } from './MapZoomBar';
import { useSquareMap } from './useSquareMap';

export function DependencyMapView({ map, name, seq }: { map: DependencyMap; name: string; seq: string }) {
  const setFocus = useApp((st) => st.setFocus);
  const [log, setLog] = useState(false);
  const n = map.end - map.start;
  const { wrapRef, width, canvasRef, hover, onHover, win, setWin, focusRow, axes } = useSquareMap({
    map: 'dependency',
    start: map.start,
    n,
    windowKey: map,
    name,
    sequence: seq,
    titles: ['substituted (i)', 'read (j)'],
  });
  const vmax = useMemo(() => dependencyScale(map.values, n), [map, n]);
  const scale = useMemo(() => ({ log, vmax }), [log, vmax]);
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, px: number) => drawDependencyMap(ctx, map.values, n, win, px, scale, focusRow),
    [map, n, win, scale, focusRow],
  );
  const { size } = mapLayout(width, window.innerHeight, false);
  const bar = { scale, title: 'e(i, j), bits', saturates: true };
  const rows = `${map.start + win.r0 + 1}-${map.start + win.r0 + win.span}`;
  const cols = `${map.start + win.c0 + 1}-${map.start + win.c0 + win.span}`;
  const file = stem(name);
  return (
    <div ref={wrapRef}>
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
        Colour: viridis, {log ? `log scale over ${LOG_DECADES} decades up to` : '0 to'} {vmax.toFixed(3)} bits (the 99th
        percentile; larger values saturate).
      </p>
      <MapZoomBar
        what="dependency map"
        n={n}
        win={win}
        setWin={setWin}
        at={hover}
        windowLabel={`rows ${rows}, columns ${cols}`}
      >
        <label>
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log colour scale
        </label>
      </MapZoomBar>
      <p className="readout map-readout" aria-live="polite" data-testid="dependency-readout">
        {hover
          ? describeCell(map, seq, hover.row, hover.col)
          : 'Hover the map for values; click a row to focus its base (its row appears as a track under the per-base tracks).'}
      </p>
      <MapFrame
        testId="dependency-map"
        label="Dependency map: arrow keys move over substituted rows and read columns (Shift: ten), + and - (or the wheel) zoom, Enter focuses the substituted base; the read-out below gives the value."
        n={n}
        win={win}
        setWin={setWin}
        size={size}
        axes={axes}
        colorBar={bar}
        draw={draw}
        hover={hover}
        onHover={onHover}
        onActivate={(c) => setFocus(map.start + c.row)}
        canvasRef={canvasRef}
      />
      {focusRow !== null && (
        <p className="readout" data-testid="dep-influence">
          {describeInfluence(map, seq, focusRow)}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => downloadText(`${file}.dependency.tsv`, dependencyTsv(name, seq, map))}>
          Download matrix TSV
        </button>
        <button type="button" onClick={() => downloadCanvas(`${file}.dependency.png`, canvasRef.current)}>
          Download map PNG
        </button>
        <button
          type="button"
          onClick={() =>
            // the matrix stays a raster in the SVG (a 1,000-base map would be a million rectangles); axes are vector
            downloadSvg(
              `${file}.dependency.svg`,
              mapSvg(
                canvasRef.current!,
                axes,
                win,
                bar,
                `Dependency map, rows (substituted) ${rows}, columns (read) ${cols}; colour 0-${vmax.toFixed(3)} bits${log ? ' (log)' : ''}`,
              ),
            )
          }
        >
          Download map SVG
        </button>
      </div>
    </div>
  );
}
