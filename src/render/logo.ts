// The sequence logo: at each base the four letters stacked, each as tall as P(base) x information, where the
// information is 2 - entropy bits (Schneider and Stephens 1990; GPN's logo tracks draw the model's predictions so).
// A uniform guess is 0 bits tall, a certain base 2 bits. The plain probability stack (every column 1 tall) is the
// other mode. The observed base is drawn in full colour, the others pale.

import { BASE_COLORS, N_COLOR } from './colors';
import { drawGlyph } from './glyphs';
import { detailAt } from './lod';
import { drawLabel, drawYAxis, scaleY, type Band } from './trackAxis';
import { columns, visibleRange, type TrackView } from './trackGeometry';

export type LogoMode = 'information' | 'probability';

export interface LogoColumn {
  /** Entropy of the four probabilities, bits. */
  entropy: number;
  /** 2 - entropy, bits. */
  information: number;
  /** Letter heights A, C, G, T: P x information (bits), or P in probability mode. */
  heights: [number, number, number, number];
}

/** The logo column of four probabilities (they are renormalised to sum to 1). */
export function logoColumn(probs: ArrayLike<number>, mode: LogoMode = 'information'): LogoColumn {
  const sum = probs[0]! + probs[1]! + probs[2]! + probs[3]!;
  const p = [0, 1, 2, 3].map((b) => probs[b]! / sum);
  const entropy = -p.reduce((s, q) => (q > 0 ? s + q * Math.log2(q) : s), 0);
  const information = Math.max(0, 2 - entropy);
  const scale = mode === 'information' ? information : 1;
  return { entropy, information, heights: p.map((q) => q * scale) as LogoColumn['heights'] };
}

/** The pale version of a colour, for the bases that were not observed. */
export function pale(hex: string): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${c.map((v) => Math.round(v + (255 - v) * 0.6)).join(',')})`;
}

export interface LogoReport {
  mode: LogoMode;
  detail: ReturnType<typeof detailAt>;
  /** Drawn column heights (bits, or probability) of the visible bases, when drawn per base. */
  heights: { base: number; total: number }[];
}

const probsAt = (logprobs: Float32Array, p: number) => [0, 1, 2, 3].map((b) => Math.exp(logprobs[p * 4 + b]!));

export function drawLogo(
  ctx: CanvasRenderingContext2D,
  d: { sequence: string; logprobs: Float32Array },
  view: TrackView,
  band: Band,
  mode: LogoMode,
): LogoReport {
  const vmax = mode === 'information' ? 2 : 1;
  const y = scaleY(band, 0, vmax);
  const ticks = mode === 'information' ? [0, 1, 2] : [0, 0.5, 1];
  drawYAxis(
    ctx,
    band,
    view.width,
    ticks.map((v) => ({ value: v, label: String(v) })),
    y,
  );
  drawLabel(
    ctx,
    band,
    mode === 'information' ? 'logo (bits)' : 'P(A, C, G, T)',
    mode === 'information' ? 'P × (2 − entropy)' : 'probability',
  );
  const { first, last, plotW } = visibleRange(view, d.sequence.length);
  const detail = detailAt(view.bpPerPixel);
  const px = band.height / vmax;
  const report: LogoReport = { mode, detail, heights: [] };
  for (const c of columns(view, first, last, plotW)) {
    if (detail === 'summary') {
      // a pixel holds several bases: the mean information (or the mean probability stack)
      const cols = [];
      for (let p = c.p0; p < c.p1; p++) cols.push(logoColumn(probsAt(d.logprobs, p), mode).heights);
      let acc = band.top + band.height;
      for (let b = 0; b < 4; b++) {
        const h = (cols.reduce((s, hs) => s + hs[b]!, 0) / cols.length) * px;
        ctx.fillStyle = mode === 'information' ? '#777' : BASE_COLORS[b]!;
        ctx.fillRect(c.x, acc - h, c.w, h);
        acc -= h;
      }
      continue;
    }
    const col = logoColumn(probsAt(d.logprobs, c.p0), mode);
    const observed = 'ACGT'.indexOf(d.sequence[c.p0]!);
    const total = col.heights.reduce((s, h) => s + h, 0);
    report.heights.push({ base: c.p0, total });
    // smallest at the bottom, the likeliest on top, as logos are read
    const order = [0, 1, 2, 3].sort((a, b) => col.heights[a]! - col.heights[b]!);
    let acc = band.top + band.height;
    for (const b of order) {
      const h = col.heights[b]! * px;
      ctx.fillStyle = b === observed ? BASE_COLORS[b]! : pale(BASE_COLORS[b]!);
      if (detail === 'letters') drawGlyph(ctx, b, c.x + 0.5, acc - h, c.w - 1, h);
      else ctx.fillRect(c.x, acc - h, c.w, h);
      acc -= h;
    }
    if (observed < 0) {
      ctx.fillStyle = N_COLOR;
      ctx.fillRect(c.x, band.top + band.height - 2, c.w, 2);
    }
  }
  return report;
}
