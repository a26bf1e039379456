// The mutagenesis result's downloads: the scores as TSV, the heatmap as PNG (the canvas) and as SVG (redrawn).
import type { RefObject } from 'react';
import type { MutagenesisResult } from '../../analysis/mutagenesis';
import { mutagenesisTsv } from '../../export/tables';
import { drawMutagenesis, MUT_ROW_HEIGHT, scoreScale } from '../../render/mutagenesis';
import { asCanvasContext, SvgContext } from '../../render/svgContext';
import { downloadCanvas, downloadSvg, downloadText, stem } from '../download';

export function MutagenesisExports(props: {
  result: MutagenesisResult;
  /** The analysed sequence's name and bases. */
  name: string;
  sequence: string;
  canvasRef: RefObject<HTMLCanvasElement | null>;
  width: number;
}) {
  const { result: r, name, sequence, canvasRef, width } = props;
  return (
    <div className="row">
      <button
        type="button"
        onClick={() => downloadText(`${stem(name)}.mutagenesis.tsv`, mutagenesisTsv(name, sequence, r.start, r.scores))}
      >
        Download TSV
      </button>
      <button type="button" onClick={() => downloadCanvas(`${stem(name)}.mutagenesis.png`, canvasRef.current)}>
        Download PNG
      </button>
      <button
        type="button"
        onClick={() => {
          const svg = new SvgContext(width, 4 * MUT_ROW_HEIGHT);
          drawMutagenesis(asCanvasContext(svg), r.scores, sequence, r.start, { width, scale: scoreScale(r.scores) });
          downloadSvg(`${stem(name)}.mutagenesis.svg`, svg.toString());
        }}
      >
        Download SVG
      </button>
    </div>
  );
}
