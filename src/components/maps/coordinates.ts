// The coordinates the maps' axes read: genomic when the record is named as a region (chr22:17558674-17559073),
// else positions in the sequence from 1.
import { parseRegion } from '../../genome/region';

export interface AxisCoordinates {
  /** The coordinate of the sequence's first base. */
  coordStart: number;
  /** The sequence the coordinates are on ("chr22"), or '' for the record's own positions. */
  on: string;
}

export function coordinatesOf(recordName: string): AxisCoordinates {
  const r = parseRegion(recordName);
  if (r.end === undefined) return { coordStart: 1, on: '' };
  return { coordStart: r.start, on: recordName.trim().slice(0, recordName.trim().lastIndexOf(':')) };
}

/** An axis title: "query position", or "query position on chr22". */
export const axisTitle = (what: string, c: AxisCoordinates): string =>
  c.on ? `${what} position on ${c.on}` : `${what} position`;
