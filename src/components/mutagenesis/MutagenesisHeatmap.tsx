// The mutagenesis heatmap: positions across, the four bases down; the mouse or the arrow keys pick a cell,
// a click or Enter adds that variant. Its wrapper is always mounted, so its width is measured before a result.
import { useEffect, useState, type RefObject } from 'react';
import type { MutagenesisResult } from '../../analysis/mutagenesis';
import { drawMutagenesis, MUT_LABEL_WIDTH, MUT_ROW_HEIGHT, mutCellAt, scoreScale } from '../../render/mutagenesis';
import { isActivation, stepCell } from '../gridKeys';
import { prepareCanvas } from '../useCanvas';

/** A cell: result position i, base 0-3 (A, C, G, T). */
export interface MutCell {
  i: number;
  base: number;
}

export function MutagenesisHeatmap(props: {
  result: MutagenesisResult | null;
  sequence: string;
  wrapRef: RefObject<HTMLDivElement | null>;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  width: number;
  hover: MutCell | null;
  setHover: (c: MutCell | null) => void;
  /** A cell chosen (clicked, or Enter on the keyboard's cell). */
  onPick: (c: MutCell | null) => void;
}) {
  const { result: r, sequence, wrapRef, canvasRef, width, hover, setHover, onPick } = props;
  const [keyboard, setKeyboard] = useState(false); // show the cell cursor only while the keyboard drives it

  useEffect(() => {
    const c = canvasRef.current;
    if (!c || !r) return;
    const ctx = prepareCanvas(c, width, 4 * MUT_ROW_HEIGHT);
    if (ctx) drawMutagenesis(ctx, r.scores, sequence, r.start, { width, scale: scoreScale(r.scores) });
  }, [r, width, sequence, canvasRef]);

  const cols = r ? r.scores.length / 4 : 0; // positions in the result
  const cellWidth = (width - MUT_LABEL_WIDTH) / Math.max(1, cols);
  return (
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
          onClick={(e) => onPick(mutCellAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY, cols, width))}
          onKeyDown={(e) => {
            const next = stepCell(hover && { row: hover.base, col: hover.i }, e.key, 4, cols, e.shiftKey);
            if (next) {
              e.preventDefault();
              setKeyboard(true);
              setHover({ i: next.col, base: next.row });
            } else if (isActivation(e.key) && hover) {
              e.preventDefault();
              onPick(hover);
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
  );
}
