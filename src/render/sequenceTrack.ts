// The sequence track: the bases as coloured letters where a letter fits (soft-masked bases in lower case), one
// coloured bar per base down to a pixel per base, and past that no bases (as igv.js's sequence track), only a note.

import { BASE_COLORS, N_COLOR } from './colors';
import { detailAt, type Detail } from './lod';
import { drawLabel, inPlot, type Band } from './trackAxis';
import { columns, LABEL_WIDTH, visibleRange, type TrackView } from './trackGeometry';

export const SEQUENCE_HEIGHT = 28;

export interface SequenceReport {
  detail: Detail;
  /** The letters drawn (the visible bases), when drawn as letters. */
  letters: string;
  first: number;
}

export function drawSequence(
  ctx: CanvasRenderingContext2D,
  d: { sequence: string; softMasked?: Uint8Array },
  view: TrackView,
  band: Band,
): SequenceReport {
  const { first, last, plotW } = visibleRange(view, d.sequence.length);
  const detail = detailAt(view.bpPerPixel);
  drawLabel(ctx, band, 'sequence', detail === 'bars' ? 'zoom in for letters' : '');
  const mid = band.top + band.height / 2;
  if (detail === 'summary') {
    ctx.fillStyle = '#777';
    ctx.font = 'italic 11px sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(`zoom in to see the bases (${view.bpPerPixel.toFixed(1)} bases per pixel)`, LABEL_WIDTH + 6, mid);
    return { detail, letters: '', first };
  }
  const pxPerBase = 1 / view.bpPerPixel;
  ctx.font = `bold ${Math.min(15, Math.floor(pxPerBase * 1.3))}px monospace`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  let letters = '';
  inPlot(ctx, view.width, band, () => {
    for (const c of columns(view, first, last, plotW)) {
      const ch = d.sequence[c.p0]!;
      ctx.fillStyle = BASE_COLORS['ACGT'.indexOf(ch)] ?? N_COLOR;
      if (detail === 'letters') {
        const shown = d.softMasked?.[c.p0] ? ch.toLowerCase() : ch;
        ctx.fillText(shown, c.x + pxPerBase / 2, mid + 1);
        letters += shown;
      } else ctx.fillRect(c.x, band.top + 5, c.w, band.height - 10);
    }
  });
  return { detail, letters, first };
}
