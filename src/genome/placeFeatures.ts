// A brought file's features placed on the analysed record: its name gives the region (chr17:41208960-41209260,
// 1-based inclusive, or a plain name read as positions 1-L), so genomic feature g lands on base g - (start - 1).
// Features on another chromosome or outside the region are not drawn, and the message says which it was.

import type { SequenceFeature } from './features';
import type { GenomicFeature } from './featureFile';
import { normalizeChrom, parseRegion } from './region';

export interface Placement {
  features: SequenceFeature[];
  /** What was drawn, or why nothing was. */
  message: string;
  /** Nothing could be drawn. */
  empty: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function listed(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

export function placeFeatures(all: GenomicFeature[], recordName: string, length: number, file: string): Placement {
  const region = parseRegion(recordName);
  const isRegion = region.end !== undefined;
  const offset = region.start - 1;
  const where = isRegion
    ? `${recordName.trim()} (${fmt(length)} bp)`
    : `"${recordName}" (its name is no chrom:start-end region, so its bases are positions 1-${fmt(length)})`;
  if (all.length === 0) return { features: [], message: `${file} holds no features.`, empty: true };
  const same = all.filter((f) => normalizeChrom(f.chrom) === region.chrom);
  if (same.length === 0) {
    const chroms = [...new Set(all.map((f) => f.chrom))];
    return {
      features: [],
      message:
        `${file} has ${fmt(all.length)} feature${all.length > 1 ? 's' : ''} on ${listed(chroms)}, ` +
        'none on the chromosome ' +
        `of the analysed record, ${where}.`,
      empty: true,
    };
  }
  const placed: SequenceFeature[] = [];
  for (const f of same) {
    const s = f.start - offset,
      e = f.end - offset;
    if (e <= 0 || s >= length) continue;
    const inside = (ps: [number, number][]) =>
      ps.flatMap(([a, b]): [number, number][] => {
        const [x, y] = [Math.max(0, a - offset), Math.min(length, b - offset)];
        return y > x ? [[x, y]] : [];
      });
    const parts = inside(f.parts);
    const coding = f.coding && inside(f.coding);
    placed.push({
      ...{ type: f.type, name: f.name, start: Math.max(0, s), end: Math.min(length, e), strand: f.strand },
      ...{ parts: parts.length ? parts : [[Math.max(0, s), Math.min(length, e)]], source: file },
      ...(coding?.length ? { coding } : {}),
    });
  }
  if (placed.length === 0) {
    const dist = (f: GenomicFeature) => (f.end <= offset ? offset - f.end + 1 : f.start - (offset + length) + 1);
    const near = same.reduce((a, b) => (dist(b) < dist(a) ? b : a));
    return {
      features: [],
      message:
        `${file} has ${fmt(same.length)} feature${same.length > 1 ? 's' : ''} on ${near.chrom}, ` +
        `none inside ${where}: ` +
        `the nearest, ${near.name} (${fmt(near.start + 1)}-${fmt(near.end)}), is ${fmt(dist(near))} bp away.`,
      empty: true,
    };
  }
  const other = all.length - placed.length;
  return {
    features: placed,
    message:
      `${file}: ${fmt(placed.length)} feature${placed.length > 1 ? 's' : ''} inside ${where}` +
      (other ? ` (${fmt(other)} elsewhere not drawn).` : '.'),
    empty: false,
  };
}
