// Annotation tracks: genes, transcripts, CDS and exons (a record's FEATURES table, a brought BED/GFF3/GTF) and
// the gallery's marks, drawn as genome browsers draw them: a thin line across a feature's span with strand
// chevrons, a box per part (exon), taller boxes for the coding parts, the name underneath; overlapping
// features go on separate rows.

import type { TrackMark } from '../gallery/examples';
import type { SequenceFeature } from '../genome/features';
import { drawLabel, type Band } from './trackAxis';
import { LABEL_WIDTH, xOf, type TrackView } from './trackGeometry';

export interface AnnotationSet {
  title: string;
  unit: string;
  features: SequenceFeature[];
}

export const ANNOTATION_ROW = 26;
const CHAR_PX = 6; // width allowed for a character of the 10-px sans-serif names

/** The marks as features, so they draw like the rest. */
export const marksAsFeatures = (marks: TrackMark[]): SequenceFeature[] =>
  marks.map((m) => ({
    ...{ type: m.kind, name: m.label, start: m.start, end: m.end, strand: 0 as const },
    ...{ parts: [[m.start, m.end]] as [number, number][], source: 'mark' },
  }));

/** Row of each feature: the first row whose last feature ends before it starts (features sorted by start). */
export function packRows(features: SequenceFeature[]): number[] {
  const order = features.map((_, i) => i).sort((a, b) => features[a]!.start - features[b]!.start);
  const ends: number[] = [];
  const rows = new Array<number>(features.length);
  for (const i of order) {
    const f = features[i]!;
    let r = ends.findIndex((e) => e <= f.start);
    if (r < 0) r = ends.push(0) - 1;
    ends[r] = f.end;
    rows[i] = r;
  }
  return rows;
}

export const annotationHeight = (set: AnnotationSet): number =>
  Math.max(1, ...packRows(set.features).map((r) => r + 1)) * ANNOTATION_ROW + 4;

const COLOURS: Record<string, string> = { gene: '#6b6b6b', exon: '#3d6fc4', CDS: '#1b3f8b' };
const colourOf = (f: SequenceFeature) => (f.source === 'mark' ? '#a6361f' : (COLOURS[f.type] ?? '#2a5bb0'));

export interface DrawnFeature {
  name: string;
  type: string;
  start: number;
  end: number;
  row: number;
}

export function drawAnnotation(
  ctx: CanvasRenderingContext2D,
  set: AnnotationSet,
  view: TrackView,
  band: Band,
): DrawnFeature[] {
  drawLabel(ctx, band, set.title, set.unit);
  ctx.fillStyle = '#fbfbfb';
  ctx.fillRect(LABEL_WIDTH, band.top, view.width - LABEL_WIDTH, band.height);
  const rows = packRows(set.features);
  const drawn: DrawnFeature[] = [];
  set.features.forEach((f, i) => {
    const [x0, x1] = [xOf(view, f.start), xOf(view, f.end)];
    if (x1 < LABEL_WIDTH || x0 > view.width) return;
    const mid = band.top + 2 + rows[i]! * ANNOTATION_ROW + 8;
    const colour = colourOf(f);
    ctx.fillStyle = colour;
    if (f.parts.length > 1) {
      ctx.fillRect(Math.max(LABEL_WIDTH, x0), mid, Math.min(view.width, x1) - Math.max(LABEL_WIDTH, x0), 1);
      chevrons(ctx, f, view, mid);
    }
    const tall = f.type === 'CDS' ? 7 : f.type === 'gene' ? 3 : 5;
    for (const [a, b] of f.parts) box(ctx, view, a, b, mid, tall);
    for (const [a, b] of f.coding ?? []) box(ctx, view, a, b, mid, 7);
    if (f.parts.length === 1 && f.strand !== 0) {
      ctx.fillStyle = '#fff';
      chevrons(ctx, f, view, mid);
    }
    const label = `${f.name}${f.strand === -1 ? ' (−)' : f.strand === 1 ? ' (+)' : ''}`;
    const cx = (Math.max(x0, LABEL_WIDTH) + Math.min(x1, view.width)) / 2;
    ctx.fillStyle = '#222';
    ctx.font = '10px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    if (label.length * CHAR_PX < view.width - LABEL_WIDTH) ctx.fillText(label, cx, mid + 8);
    drawn.push({ name: f.name, type: f.type, start: f.start, end: f.end, row: rows[i]! });
  });
  return drawn;
}

function box(ctx: CanvasRenderingContext2D, view: TrackView, a: number, b: number, mid: number, half: number) {
  const x = Math.max(LABEL_WIDTH, xOf(view, a)),
    w = Math.min(view.width, xOf(view, b)) - x;
  if (w > 0) ctx.fillRect(x, mid - half + 0.5, Math.max(1, w), 2 * half);
}

/** Small arrowheads along the span pointing the strand's way, every 30 px. */
function chevrons(ctx: CanvasRenderingContext2D, f: SequenceFeature, view: TrackView, mid: number) {
  if (f.strand === 0) return;
  const a = Math.max(LABEL_WIDTH + 4, xOf(view, f.start) + 6),
    b = Math.min(view.width - 4, xOf(view, f.end) - 6);
  for (let x = a; x <= b; x += 30) {
    const d = 3 * f.strand;
    ctx.beginPath();
    ctx.moveTo(x - d, mid - 3);
    ctx.lineTo(x + d, mid + 0.5);
    ctx.lineTo(x - d, mid + 4);
    ctx.fill();
  }
}
