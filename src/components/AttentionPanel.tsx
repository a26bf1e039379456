// Attention heatmap for a chosen layer and head, with hover read-out and click to focus a query base.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cellAt, drawHeatmap } from '../render/heatmap';
import { useApp } from '../state/store';
import { SvgContext } from '../render/svgContext';
import { downloadCanvas, downloadSvg, stem } from './download';
import { isActivation, stepCell } from './gridKeys';

const SIZE = 420;

export function AttentionPanel() {
  const { attention, model, layer, head, setLayer, setHead, focus, setFocus, analysed } = useApp(useShallow((s) => ({
    attention: s.attention, model: s.model, layer: s.layer, head: s.head, setLayer: s.setLayer, setHead: s.setHead,
    focus: s.focus, setFocus: s.setFocus, analysed: s.analysed,
  })));
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [rowNorm, setRowNorm] = useState(true);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const [keyboard, setKeyboard] = useState(false); // show the cell cursor only while the keyboard drives it

  useEffect(() => {
    const c = canvasRef.current;
    if (!c || !attention) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = c.height = Math.round(SIZE * dpr);
    c.style.width = c.style.height = `${SIZE}px`;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const focusRow = focus === null ? null : focus - attention.start;
    drawHeatmap(ctx, attention.probs, attention.size, focusRow, { size: c.width, rowNormalized: rowNorm });
  }, [attention, focus, rowNorm]);

  if (!model) return null;
  if (model.nAttentionLayers === 0) {
    return (
      <section className="panel" aria-labelledby="attn-h">
        <h2 id="attn-h">Attention</h2>
        <p data-testid="no-attention">
          {model.name} has no attention: {model.architecture === 'markov'
            ? 'a Markov model reads a fixed number of bases before each position and nothing else. Compare its tracks with a neural model\'s to see what the network learned beyond k-mer statistics.'
            : 'it is a convolutional model in the style of GPN, which reads its context through stacked dilated convolutions (a receptive field of a few hundred bases) instead of attention. The review behind this app makes the point that attention is not required: compare its tracks and variant scores with the hybrid models\'.'}
        </p>
      </section>
    );
  }
  const seq = analysed?.sequence ?? '';
  const n = attention?.size ?? 0;
  const cell = hover && attention ? { q: attention.start + hover.row, k: attention.start + hover.col, p: attention.probs[hover.row * n + hover.col]! } : null;
  return (
    <section className="panel" aria-labelledby="attn-h">
      <h2 id="attn-h">Attention</h2>
      <div className="row">
        <label htmlFor="layer-select">Layer</label>
        <select id="layer-select" value={layer} onChange={(e) => setLayer(Number(e.target.value))}>
          {Array.from({ length: model.nAttentionLayers }, (_, i) => <option key={i} value={i}>{i + 1}</option>)}
        </select>
        <label htmlFor="head-select">Head</label>
        <select id="head-select" value={head} onChange={(e) => setHead(Number(e.target.value))}>
          {Array.from({ length: model.nHeads }, (_, i) => <option key={i} value={i}>{i + 1}</option>)}
        </select>
        <label><input type="checkbox" checked={rowNorm} onChange={(e) => setRowNorm(e.target.checked)} /> scale each row to its maximum</label>
        <button type="button" onClick={() => downloadCanvas(`${stem(analysed?.name ?? 'sequence')}.attention-L${layer + 1}H${head + 1}.png`, canvasRef.current)}>Download PNG</button>
        <button type="button" disabled={!attention} onClick={() => {
          // the matrix stays a raster inside the SVG (a 512 x 512 map would be 262,144 rectangles); the labels are text
          const svg = new SvgContext(SIZE + 10, SIZE + 40);
          svg.image(canvasRef.current!.toDataURL('image/png'), 0, 0, SIZE, SIZE);
          svg.fillText(`Attention layer ${layer + 1}, head ${head + 1}: positions ${attention!.start + 1}-${attention!.start + attention!.size}; rows query, columns key`, 0, SIZE + 20);
          downloadSvg(`${stem(analysed?.name ?? 'sequence')}.attention-L${layer + 1}H${head + 1}.svg`, svg.toString());
        }}>Download SVG</button>
      </div>
      {attention ? (
        <p className="muted">
          Attention layer {attention.layer + 1}, head {attention.heads[0]! + 1}, over positions {attention.start + 1}–{attention.start + n}:
          rows are the reading (query) base, columns the base it attends to (key). Click a row to focus that base.
        </p>
      ) : <p className="muted">Computing attention…</p>}
      <div className="cursor-host" style={{ width: SIZE, height: SIZE }}>
        <canvas ref={canvasRef} data-testid="attention" tabIndex={0} width={SIZE} height={SIZE}
          aria-label="Attention heatmap: arrow keys move over query rows and key columns, Enter focuses the query base; the read-out below gives the value."
          onMouseMove={(e) => { setKeyboard(false); setHover(cellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, n, SIZE)); }}
          onMouseLeave={() => setHover(null)}
          onClick={(e) => { const c = cellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, n, SIZE); if (c && attention) setFocus(attention.start + c.row); }}
          onKeyDown={(e) => {
            const next = stepCell(hover, e.key, n, n, e.shiftKey);
            if (next) { e.preventDefault(); setKeyboard(true); setHover(next); }
            else if (isActivation(e.key) && hover && attention) { e.preventDefault(); setFocus(attention.start + hover.row); }
          }}
          onBlur={() => { if (keyboard) setHover(null); }} />
        {keyboard && hover && n > 0 && (
          <div className="cell-cursor" aria-hidden="true" style={{
            left: (hover.col * SIZE) / n, top: (hover.row * SIZE) / n, width: Math.max(3, SIZE / n), height: Math.max(3, SIZE / n) }} />
        )}
      </div>
      <p className="readout" aria-live="polite" data-testid="attention-readout">
        {cell ? `Query ${cell.q + 1} (${seq[cell.q]}) → key ${cell.k + 1} (${seq[cell.k]}): ${cell.p.toFixed(4)}` : 'Hover the heatmap for values.'}
      </p>
    </section>
  );
}
