// Every layer and head's attention around the focus as small maps (BertViz's model view): a grid of layers x
// heads, coloured as the main map is; a click (or Enter) opens that layer and head in the main map.
import { useEffect, useRef } from 'react';
import type { AttentionOverview as Overview } from '../../analysis/attentionOverview';
import { attentionColouring, drawHeatmap, type AttentionColour } from '../../render/heatmap';
import { wholeMap } from '../../render/mapWindow';
import { prepareSquareCanvas } from '../useCanvas';

function Thumbnail({
  overview,
  index,
  size,
  colour,
  focusRow,
}: {
  overview: Overview;
  /** layer x heads + head */
  index: number;
  size: number;
  colour: AttentionColour;
  focusRow: number | null;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c && prepareSquareCanvas(c, size);
    if (!c || !ctx) return;
    const k = overview.cells;
    const grid = overview.grid.subarray(index * k * k, (index + 1) * k * k);
    drawHeatmap(ctx, k, wholeMap(k), c.width, attentionColouring(grid, k, colour), focusRow);
  }, [overview, index, size, colour, focusRow]);
  return <canvas ref={ref} width={size} height={size} aria-hidden="true" />;
}

export function AttentionOverview({
  overview,
  layer,
  head,
  colour,
  focus,
  width,
  onOpen,
}: {
  overview: Overview | null;
  layer: number;
  head: number;
  /** Memoised: the thumbnails redraw when it changes. */
  colour: AttentionColour;
  focus: number | null;
  /** The room it has, in CSS pixels. */
  width: number;
  onOpen(layer: number, head: number): void;
}) {
  if (!overview) return <p className="muted">Computing every layer and head…</p>;
  const { layers, heads, cells, start, size: n } = overview;
  const thumb = Math.max(24, Math.min(96, Math.floor((width - 28) / heads) - 8));
  const focusRow =
    focus !== null && focus >= start && focus < start + n ? Math.floor(((focus - start) * cells) / n) : null;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="muted">
        Every layer (rows) and head (columns) over the same positions,{' '}
        {cells < n ? `${cells} x ${cells} blocks` : 'each cell'}: click one to open it.
      </figcaption>
      <div
        className="overview"
        data-testid="attention-overview"
        style={{ gridTemplateColumns: `auto repeat(${heads}, ${thumb + 4}px)` }}
      >
        <span />
        {Array.from({ length: heads }, (_, h) => (
          <span key={`h${h}`} aria-hidden="true">
            H{h + 1}
          </span>
        ))}
        {Array.from({ length: layers }, (_, l) => [
          <span key={`l${l}`} aria-hidden="true">
            L{l + 1}
          </span>,
          ...Array.from({ length: heads }, (_, h) => (
            <button
              key={`${l}.${h}`}
              type="button"
              aria-pressed={l === layer && h === head}
              title={`Layer ${l + 1}, head ${h + 1}`}
              onClick={() => onOpen(l, h)}
            >
              <Thumbnail overview={overview} index={l * heads + h} size={thumb} colour={colour} focusRow={focusRow} />
              <span className="sr-only">
                Open layer {l + 1} head {h + 1}
              </span>
            </button>
          )),
        ])}
      </div>
    </figure>
  );
}
