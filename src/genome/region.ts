// Genomic coordinates of a sequence record: 'chr17:40577017-41752017' (samtools style, 1-based,
// inclusive) or a plain chromosome name. Internally positions are 0-based, half-open.

export interface Region {
  /** Chromosome name without a 'chr' prefix, so 'chr17' and '17' match ('chrM', 'M' and 'MT' all read as 'MT'). */
  chrom: string;
  /** 1-based genomic position of the record's first base. */
  start: number;
  /** 1-based inclusive end, when the name gave one. */
  end?: number;
}

export function normalizeChrom(name: string): string {
  const c = name.replace(/^chr/i, '');
  // UCSC names the mitochondrion chrM, Ensembl and NCBI MT
  return /^MT?$/i.test(c) ? 'MT' : c;
}

/** A position as typed: 41209148 or 41,209,148 (commas only between groups of three digits); null otherwise. */
export function readPosition(text: string): number | null {
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** Reads a record name as a region; a plain name is taken to start at position 1. */
export function parseRegion(name: string): Region {
  const m = /^([^:\s]+):([\d,]+)-([\d,]+)$/.exec(name.trim());
  if (m) {
    const start = Number(m[2]!.replace(/,/g, ''));
    const end = Number(m[3]!.replace(/,/g, ''));
    if (start >= 1 && end >= start) return { chrom: normalizeChrom(m[1]!), start, end };
  }
  return { chrom: normalizeChrom(name.trim().split(/\s+/)[0] ?? name), start: 1 };
}
