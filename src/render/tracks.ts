// The genome-browser view of one record on one canvas, top to bottom: the legend (base colour key), a ruler in
// genomic coordinates, the sequence, the variants as lollipops, annotation tracks, the model's logo, then
// log2 P(observed), entropy and attention as bar charts, each with its name, unit and y-axis on the left.
// No React here; drawTracks returns what it drew (letters, logo heights, ticks, features) for read-outs and tests.

import { drawAnnotation, annotationHeight, type AnnotationSet, type DrawnFeature } from './annotationTrack';
import { drawLogo, type LogoMode, type LogoReport } from './logo';
import { drawAttention, drawEntropy, drawSurprise } from './lineTracks';
import { drawRuler, RULER_HEIGHT, type Tick } from './ruler';
import { drawSequence, SEQUENCE_HEIGHT, type SequenceReport } from './sequenceTrack';
import { drawKey, type Band } from './trackAxis';
import { LABEL_WIDTH, xOf, type TrackView } from './trackGeometry';
import { drawVariants, VARIANT_HEIGHT, type TrackVariant } from './variantTrack';

export { baseAt, columns, LABEL_WIDTH, type Column, type TrackView } from './trackGeometry';
export { SURPRISE_MAX_BITS } from './lineTracks';

export interface TrackData {
  /** The record's name: a chrom:start-end region puts the ruler in genomic coordinates. */
  name: string;
  sequence: string;
  softMasked?: Uint8Array;
  logprobs: Float32Array; // [L, 4] natural log
  observedBits: Float32Array;
  entropyBits: Float32Array;
  focus: number | null;
  /** Attention from the focus base to every key in [attnStart, attnStart + attnRow.length). */
  attnRow?: { start: number; values: Float32Array };
  /** Why there is no attention row (no focus, no attention in this model...). */
  attentionNote?: string;
  variants?: TrackVariant[];
  /** The score method the variants' heights and colours show. */
  variantMethod?: string;
  annotations?: AnnotationSet[];
  logoMode?: LogoMode;
}

export type TrackKey =
  'key' | 'ruler' | 'sequence' | 'variants' | 'annotation' | 'logo' | 'surprise' | 'entropy' | 'attention';

export interface PlacedBand extends Band {
  key: TrackKey;
  /** The annotation set drawn there. */
  set?: AnnotationSet;
}

const GAP = 6;

/** Where each track goes; variants and annotation tracks only when there is something to draw. */
export function trackLayout(d: TrackData): PlacedBand[] {
  const rows: Omit<PlacedBand, 'top'>[] = [
    { key: 'key', height: 18 },
    { key: 'ruler', height: RULER_HEIGHT },
    { key: 'sequence', height: SEQUENCE_HEIGHT },
    ...(d.variants?.length ? [{ key: 'variants' as const, height: VARIANT_HEIGHT }] : []),
    ...(d.annotations ?? []).map((set) => ({ key: 'annotation' as const, height: annotationHeight(set), set })),
    { key: 'logo', height: 100 },
    { key: 'surprise', height: 64 },
    { key: 'entropy', height: 40 },
    { key: 'attention', height: 36 },
  ];
  let top = 0;
  return rows.map((r) => {
    const band = { ...r, top };
    top += r.height + GAP;
    return band;
  });
}

export function tracksHeight(d: TrackData): number {
  const last = trackLayout(d).at(-1)!;
  return last.top + last.height;
}

export interface TrackReport {
  bands: PlacedBand[];
  sequence: SequenceReport | null;
  logo: LogoReport | null;
  ticks: Tick[];
  features: (DrawnFeature & { track: string })[];
}

export function drawTracks(ctx: CanvasRenderingContext2D, d: TrackData, view: TrackView): TrackReport {
  const bands = trackLayout(d);
  const report: TrackReport = { bands, sequence: null, logo: null, ticks: [], features: [] };
  ctx.clearRect(0, 0, view.width, tracksHeight(d));
  const mode = d.logoMode ?? 'information';
  for (const b of bands) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, b.top, view.width, b.height); // nothing spills into the next band
    ctx.clip();
    switch (b.key) {
      case 'key':
        drawKey(ctx, b, [
          mode === 'information' ? 'logo: letter height = P × information' : 'stack: letter height = P',
          'observed base full colour, others pale',
          'black box: focused base',
        ]);
        break;
      case 'ruler':
        report.ticks = drawRuler(ctx, view, d.sequence.length, d.name, b);
        break;
      case 'sequence':
        report.sequence = drawSequence(ctx, d, view, b);
        break;
      case 'variants':
        drawVariants(ctx, d.variants!, d.variantMethod ?? '', view, b);
        break;
      case 'annotation':
        report.features.push(...drawAnnotation(ctx, b.set!, view, b).map((f) => ({ ...f, track: b.set!.title })));
        break;
      case 'logo':
        report.logo = drawLogo(ctx, d, view, b, mode);
        break;
      case 'surprise':
        drawSurprise(ctx, d, view, b);
        break;
      case 'entropy':
        drawEntropy(ctx, d, view, b);
        break;
      case 'attention':
        drawAttention(ctx, d, view, b, d.attentionNote ?? 'click a base to see its attention');
        break;
    }
    if (d.focus !== null && b.key !== 'key' && b.key !== 'ruler') focusBox(ctx, d.focus, view, b);
    ctx.restore();
  }
  return report;
}

function focusBox(ctx: CanvasRenderingContext2D, focus: number, view: TrackView, b: Band) {
  const x = xOf(view, focus);
  if (x < LABEL_WIDTH || x > view.width) return;
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, b.top + 0.5, Math.max(1, 1 / view.bpPerPixel) - 1, b.height - 1);
}
