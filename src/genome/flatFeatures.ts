// The FEATURES table of a GenBank or EMBL record: the gene, mRNA, CDS and exon entries with their locations,
// read onto the record's own bases (the other keys, such as source or primer_bind, are not drawn).

import { LocationError, parseLocation, type SequenceFeature } from './features';

/** The keys drawn on the annotation track. */
export const FEATURE_KEYS = new Set(['gene', 'mRNA', 'CDS', 'exon']);

/** One line of the table as it stood in the pasted text (0-based line number), EMBL's "FT" already blanked. */
export interface TableLine {
  text: string;
  line: number;
}

interface Entry {
  key: string;
  line: number;
  location: string;
  qualifiers: Map<string, string>;
}

/** Splits the table into entries: a key in column 6, its location and /qualifiers on the lines below. */
function entries(lines: TableLine[]): Entry[] {
  const out: Entry[] = [];
  let cur: Entry | null = null;
  let inLocation = false;
  let qualifier: { name: string; value: string } | null = null;
  const closeQualifier = () => {
    if (cur && qualifier) cur.qualifiers.set(qualifier.name, qualifier.value.replace(/^"|"$/g, ''));
    qualifier = null;
  };
  for (const { text, line } of lines) {
    const key = /^ {5}(\S+)\s+(.*)$/.exec(text);
    if (key) {
      closeQualifier();
      cur = { key: key[1]!, line, location: key[2]!.trim(), qualifiers: new Map() };
      out.push(cur);
      inLocation = true;
      continue;
    }
    const body = text.trim();
    if (!cur || body === '') continue;
    const q = /^\/([^=]+)(?:=(.*))?$/.exec(body);
    if (q && !(qualifier && open(qualifier.value))) {
      closeQualifier();
      inLocation = false;
      qualifier = { name: q[1]!, value: q[2] ?? '' };
    } else if (inLocation) cur.location += body;
    else if (qualifier) qualifier.value += (qualifier.name === 'translation' ? '' : ' ') + body;
  }
  closeQualifier();
  return out;
}

/** A quoted value still open (its closing quote is on a later line). */
const open = (v: string) => v.startsWith('"') && (v.length === 1 || !v.endsWith('"'));

function nameOf(e: Entry): string {
  const q = e.qualifiers;
  const base = q.get('gene') ?? q.get('locus_tag') ?? q.get('product') ?? q.get('label') ?? q.get('standard_name');
  const number = q.get('number');
  if (e.key === 'exon' && number) return `${base ?? ''} exon ${number}`.trim();
  if (e.key === 'CDS' && q.get('protein_id')) return `${base ?? 'CDS'} (${q.get('protein_id')})`;
  return base ?? e.key;
}

/**
 * The drawn features of a record's table, and a message for each entry of those keys that could not be placed
 * (its location unreadable, on another record, or past the record's `length` bases).
 */
export function readFeatureTable(
  lines: TableLine[],
  length: number,
  record: string,
): { features: SequenceFeature[]; skipped: string[] } {
  const features: SequenceFeature[] = [];
  const skipped: string[] = [];
  for (const e of entries(lines)) {
    if (!FEATURE_KEYS.has(e.key)) continue;
    const where = `Record "${record}", line ${e.line + 1}: the ${e.key} feature's location "${e.location}"`;
    try {
      const loc = parseLocation(e.location);
      const end = loc.parts[loc.parts.length - 1]![1];
      if (end > length) {
        skipped.push(`${where} runs to base ${end}, past the record's ${length} bases; it is not drawn.`);
        continue;
      }
      features.push({
        type: e.key,
        name: nameOf(e),
        start: loc.parts[0]![0],
        end: Math.max(...loc.parts.map((p) => p[1])),
        strand: loc.strand,
        parts: loc.parts,
        source: 'record',
      });
    } catch (err) {
      if (!(err instanceof LocationError)) throw err;
      skipped.push(`${where} cannot be read (${err.message}); it is not drawn.`);
    }
  }
  return { features, skipped };
}
