// The attention map of a chosen layer and head over the window around the focus: axes, colour bar, zoom and
// pan, hover read-out (and its positions on the tracks), click or Enter to focus a query base; beside it every
// layer and head as a thumbnail.
import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { attentionColouring, drawHeatmap } from '../../render/heatmap';
import { resultOf } from '../../state/selectors';
import { useApp } from '../../state/store';
import { downloadCanvas, downloadSvg, stem } from '../download';
import { AttentionOverview } from './AttentionOverview';
import { mapSvg } from './mapFigure';
import { MapFrame } from './MapFrame';
import { ASIDE_WIDTH, mapLayout } from './mapLayout';
import { MapZoomBar } from './MapZoomBar';
import { useSquareMap } from './useSquareMap';

export function AttentionMap({ layers, heads }: { layers: number; heads: number }) {
  const s = useApp(
    useShallow((st) => ({
      attention: resultOf(st, 'attention'),
      overview: resultOf(st, 'attentionOverview'),
      layer: st.attentionSettings.layer,
      head: st.attentionSettings.head,
      setAttention: st.setAttention,
      focus: st.focus,
      setFocus: st.setFocus,
      analysed: st.analysed,
    })),
  );
  const { attention, layer, head } = s;
  const [rowNormalized, setRowNorm] = useState(true);
  const [log, setLog] = useState(false);
  const n = attention?.size ?? 0;
  const seq = s.analysed?.sequence ?? '';
  // another layer or head over the same positions keeps the zoom; another window shows the whole map
  const { wrapRef, width, canvasRef, hover, onHover, win, setWin, focusRow, coords, axes } = useSquareMap({
    map: 'attention',
    start: attention?.start ?? 0,
    n,
    windowKey: attention && `${attention.start}:${n}`,
    name: s.analysed?.name ?? '',
    sequence: seq,
    titles: ['query', 'key'],
  });
  const colour = useMemo(() => ({ rowNormalized, log }), [rowNormalized, log]);
  const colouring = useMemo(
    () => (attention ? attentionColouring(attention.probs, n, colour) : null),
    [attention, n, colour],
  );
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, px: number) => colouring && drawHeatmap(ctx, n, win, px, colouring, focusRow),
    [colouring, n, win, focusRow],
  );
  const { size, asideBeside } = mapLayout(width, window.innerHeight, true);
  const bar = colouring && { scale: colouring.scale, title: colouring.title, saturates: false };
  const cell =
    hover && attention
      ? {
          q: attention.start + hover.row,
          k: attention.start + hover.col,
          p: attention.probs[hover.row * n + hover.col]!,
        }
      : null;
  const g = (p: number) => (coords.coordStart + p).toLocaleString('en-US');
  const readout = cell
    ? `Query ${cell.q + 1} (${seq[cell.q]}) → key ${cell.k + 1} (${seq[cell.k]}): ${cell.p.toFixed(4)}` +
      (coords.on ? ` (${coords.on}:${g(cell.q)} → ${g(cell.k)})` : '')
    : 'Hover the heatmap for values.';
  const name = `${stem(s.analysed?.name ?? 'sequence')}.attention-L${layer + 1}H${head + 1}`;
  const at = attention?.start ?? 0;
  const shownRange = (o: number) => `${at + o + 1}-${at + o + win.span}`;
  return (
    <div ref={wrapRef}>
      <div className="row">
        <label htmlFor="layer-select">Layer</label>
        <select id="layer-select" value={layer} onChange={(e) => s.setAttention({ layer: Number(e.target.value) })}>
          {Array.from({ length: layers }, (_, i) => (
            <option key={i} value={i}>
              {i + 1}
            </option>
          ))}
        </select>
        <label htmlFor="head-select">Head</label>
        <select id="head-select" value={head} onChange={(e) => s.setAttention({ head: Number(e.target.value) })}>
          {Array.from({ length: heads }, (_, i) => (
            <option key={i} value={i}>
              {i + 1}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={rowNormalized} onChange={(e) => setRowNorm(e.target.checked)} /> scale each
          row to its maximum
        </label>
        <label>
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> log colour scale
        </label>
        <button type="button" disabled={!attention} onClick={() => downloadCanvas(`${name}.png`, canvasRef.current)}>
          Download PNG
        </button>
        <button
          type="button"
          disabled={!attention}
          onClick={() =>
            // the matrix stays a raster inside the SVG (a 512 x 512 map would be 262,144 rectangles); axes are vector
            downloadSvg(
              `${name}.svg`,
              mapSvg(
                canvasRef.current!,
                axes,
                win,
                bar!,
                `Attention layer ${layer + 1}, head ${head + 1}: positions ${at + 1}-${at + n}; rows query, columns key`,
              ),
            )
          }
        >
          Download SVG
        </button>
      </div>
      {attention && colouring && bar ? (
        <>
          <p className="muted">
            Attention layer {attention.layer + 1}, head {attention.heads[0]! + 1}, over positions {at + 1}–{at + n}:
            rows are the reading (query) base, columns the base it attends to (key). Click a row to focus that base; the
            wheel or + and − zoom, dragging pans.
          </p>
          <MapZoomBar
            what="attention map"
            n={n}
            win={win}
            setWin={setWin}
            at={hover}
            windowLabel={`queries ${shownRange(win.r0)}, keys ${shownRange(win.c0)}`}
          />
          <div className="map-layout">
            <MapFrame
              testId="attention"
              label="Attention heatmap: arrow keys move over query rows and key columns (Shift: ten), + and - (or the wheel) zoom, Enter focuses the query base; the read-out gives the value."
              n={n}
              win={win}
              setWin={setWin}
              size={size}
              axes={axes}
              colorBar={bar}
              draw={draw}
              hover={hover}
              onHover={onHover}
              onActivate={(c) => s.setFocus(attention.start + c.row)}
              canvasRef={canvasRef}
            />
            <div className="map-aside" style={{ flexBasis: asideBeside ? ASIDE_WIDTH : '100%' }}>
              <p className="readout" aria-live="polite" data-testid="attention-readout">
                {readout}
              </p>
              <AttentionOverview
                overview={s.overview && s.overview.start === at && s.overview.size === n ? s.overview : null}
                layer={layer}
                head={head}
                colour={colour}
                focus={s.focus}
                width={asideBeside ? ASIDE_WIDTH : width}
                onOpen={(l, h) => s.setAttention({ layer: l, head: h })}
              />
            </div>
          </div>
        </>
      ) : (
        <p className="muted">Computing attention…</p>
      )}
    </div>
  );
}
