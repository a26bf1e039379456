// Annotated features of a record (genes, transcripts, CDS, exons) in the record's own coordinates, and the
// INSDC location syntax of GenBank/EMBL feature tables (1..10, <1..>10, complement(), join(), order()).

/** A feature on the analysed record: 0-based half-open, sorted parts (exons of a join, blocks of a BED12). */
export interface SequenceFeature {
  /** The feature key or GFF type: gene, mRNA, CDS, exon, ... */
  type: string;
  name: string;
  start: number;
  end: number;
  /** 1 plus, -1 minus, 0 unknown. */
  strand: 1 | -1 | 0;
  /** The pieces it is made of, [start, end) each, sorted by start; one piece when it is contiguous. */
  parts: [number, number][];
  /** Coding pieces (a transcript's CDS, a BED's thickStart-thickEnd), drawn taller; none when not known. */
  coding?: [number, number][];
  /** Where it came from: 'record' (the flat file's table) or the dropped file's name. */
  source: string;
}

export interface ParsedLocation {
  parts: [number, number][];
  strand: 1 | -1;
}

/** Why a location could not be read; the reader turns it into a message naming the feature and its line. */
export class LocationError extends Error {}

/**
 * Reads an INSDC location: 'a..b' (1-based inclusive), 'a' (one base), 'a^b' (the site between two bases, drawn
 * as base a), partial ends '<a' and '>b', 'a.b' (one base somewhere in a..b, drawn as a..b), and
 * complement(), join() and order() nested. A location on another record ('X12345.1:10..20') is refused.
 */
export function parseLocation(text: string): ParsedLocation {
  const s = text.replace(/\s+/g, '');
  let i = 0;
  const fail = (why: string): never => {
    throw new LocationError(`${why} at character ${i + 1} of "${s}"`);
  };
  const number = (): number => {
    const m = /^[<>]?(\d+)/.exec(s.slice(i));
    if (!m) return fail('expected a base number');
    i += m[0].length;
    return Number(m[1]);
  };
  // each piece with its own strand, in the order the location lists them
  const read = (): { part: [number, number]; strand: 1 | -1 }[] => {
    const fn = /^(complement|join|order)\(/.exec(s.slice(i));
    if (fn) {
      i += fn[0].length;
      const inner = [read()];
      while (s[i] === ',') {
        i++;
        inner.push(read());
      }
      if (s[i] !== ')') fail(`expected ")" closing ${fn[1]}(`);
      i++;
      const flat = inner.flat();
      return fn[1] === 'complement' ? flat.reverse().map((p) => ({ ...p, strand: p.strand === 1 ? -1 : 1 })) : flat;
    }
    if (/^[A-Za-z_]/.test(s.slice(i))) fail('a location on another record (accession:range) cannot be drawn here;');
    const a = number();
    let b = a;
    if (s.startsWith('..', i)) {
      i += 2;
      b = number();
    } else if (s[i] === '^') {
      i++;
      number(); // the site between a and the next base: drawn as base a
    } else if (s[i] === '.') {
      i++;
      b = number();
    }
    if (b < a) fail(`the range ends (${b}) before it starts (${a})`);
    if (a < 1) fail('base numbers start at 1');
    return [{ part: [a - 1, b], strand: 1 }];
  };
  const pieces = read();
  if (i !== s.length) fail('unexpected text');
  const strands = new Set(pieces.map((p) => p.strand));
  return {
    parts: pieces.map((p) => p.part).sort((x, y) => x[0] - y[0]),
    strand: strands.size === 1 && strands.has(-1) ? -1 : 1,
  };
}
