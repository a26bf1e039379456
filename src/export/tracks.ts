// Per-base tracks as bedGraph and WIG, placed on the genome when the record is named chrom:start-end
// (otherwise on the record's own name from position 1), so they load in IGV or the UCSC browser.

import { parseRegion } from '../genome/region';

export interface TrackExport {
  /** Track name shown by the genome browser. */
  name: string;
  description: string;
  values: Float32Array;
}

/** UCSC wants 'chr17'; a region named '17:…' or plain '17' gets the prefix. */
function browserChrom(recordName: string): { chrom: string; start0: number } {
  const r = parseRegion(recordName);
  const chrom = /^(\d+|X|Y|M|MT)$/i.test(r.chrom) ? `chr${r.chrom}` : r.chrom;
  return { chrom, start0: r.start - 1 };
}

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(5)).toString() : null);

/**
 * bedGraph: 0-based half-open intervals; runs of equal values are merged; non-finite values are skipped (an N, or a
 * base the model makes no prediction for: a causal model without a start token has none for the first base).
 */
export function toBedGraph(recordName: string, t: TrackExport): string {
  const { chrom, start0 } = browserChrom(recordName);
  const lines = [`track type=bedGraph name="${t.name}" description="${t.description}"`];
  const v = t.values;
  for (let i = 0; i < v.length;) {
    const s = fmt(v[i]!);
    let j = i + 1;
    while (j < v.length && fmt(v[j]!) === s) j++;
    if (s !== null) lines.push(`${chrom}\t${start0 + i}\t${start0 + j}\t${s}`);
    i = j;
  }
  return `${lines.join('\n')}\n`;
}

/** WIG fixedStep (1-based starts); a new block starts after every skipped (non-finite) value. */
export function toWig(recordName: string, t: TrackExport): string {
  const { chrom, start0 } = browserChrom(recordName);
  const lines = [`track type=wiggle_0 name="${t.name}" description="${t.description}"`];
  let open = false;
  t.values.forEach((x, i) => {
    const s = fmt(x);
    if (s === null) {
      open = false;
      return;
    }
    if (!open) {
      lines.push(`fixedStep chrom=${chrom} start=${start0 + i + 1} step=1 span=1`);
      open = true;
    }
    lines.push(s);
  });
  return `${lines.join('\n')}\n`;
}
