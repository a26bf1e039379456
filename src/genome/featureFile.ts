// A BED, GFF3 or GTF file the person brings, read as features in genomic coordinates (0-based half-open):
// BED through @gmod/bed, GFF3 through @gmod/gff (GMOD's maintained readers); GTF, which @gmod/gff does not read
// (its `key "value";` attributes come back empty), by the nine-column reader below. Transcripts are drawn with
// their exons as parts and their CDS as the coding parts, as genome browsers draw them.

import BED from '@gmod/bed';
import { parseStringSync } from '@gmod/gff';
import { SequenceInputError } from './inputError';

export type FeatureFormat = 'BED' | 'GFF3' | 'GTF';

export interface GenomicFeature {
  chrom: string;
  type: string;
  name: string;
  start: number;
  end: number;
  strand: 1 | -1 | 0;
  parts: [number, number][];
  coding?: [number, number][];
}

/** The format from the file name (.bed, .gff, .gff3, .gtf, any of them .gz), else from the text. */
export function featureFormat(fileName: string, text: string): FeatureFormat {
  const n = fileName.toLowerCase().replace(/\.gz$/, '');
  if (n.endsWith('.bed')) return 'BED';
  if (n.endsWith('.gtf')) return 'GTF';
  if (n.endsWith('.gff') || n.endsWith('.gff3')) return 'GFF3';
  if (/^##gff-version\s+3/m.test(text)) return 'GFF3';
  if (/\t(gene_id|transcript_id) "/.test(text)) return 'GTF';
  const first = text.split('\n').find((l) => l.trim() && !/^(#|track|browser)/.test(l));
  if (first && /^\S+\t\d+\t\d+/.test(first)) return 'BED';
  throw new SequenceInputError(
    `"${fileName}" is not a BED, GFF3 or GTF file by its name or its first lines (expected .bed, .gff3 or .gtf, ` +
      'or tab-separated columns chrom, start, end).',
  );
}

const strandOf = (s: unknown): 1 | -1 | 0 => (s === '+' || s === 1 ? 1 : s === '-' || s === -1 ? -1 : 0);
const span = (parts: [number, number][]) => [Math.min(...parts.map((p) => p[0])), Math.max(...parts.map((p) => p[1]))];
const sorted = (parts: [number, number][]) => [...parts].sort((a, b) => a[0] - b[0]);

function readBed(text: string, file: string): GenomicFeature[] {
  const bed = new BED();
  const out: GenomicFeature[] = [];
  text.split(/\r?\n/).forEach((line, ln) => {
    if (!line.trim() || /^(#|track\b|browser\b)/.test(line)) return;
    const cols = line.split('\t');
    const f = bed.parseLine(cols.length >= 3 ? cols : line.split(/\s+/));
    const start = Number(f.chromStart),
      end = Number(f.chromEnd);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start)
      throw new SequenceInputError(
        `${file}, line ${ln + 1}: expected chrom, start and end (whole numbers, start <= end), found ` +
          `${JSON.stringify(line.slice(0, 60))}.`,
      );
    const sizes = f.blockSizes as number[] | undefined,
      starts = f.blockStarts as number[] | undefined;
    const parts: [number, number][] =
      sizes && starts && sizes.length === starts.length && sizes.length > 0
        ? sizes.map((sz, i) => [start + starts[i]!, start + starts[i]! + sz])
        : [[start, end]];
    const thick = [Number(f.thickStart), Number(f.thickEnd)];
    const coding = thick[1]! > thick[0]! ? clip(parts, thick[0]!, thick[1]!) : undefined;
    const feature: GenomicFeature = {
      ...{ chrom: String(f.chrom), type: 'BED', name: typeof f.name === 'string' ? f.name : `line ${ln + 1}` },
      ...{ start, end, strand: strandOf(f.strand), parts: sorted(parts) },
    };
    out.push(coding ? { ...feature, coding } : feature);
  });
  return out;
}

/** The parts within [a, b). */
function clip(parts: [number, number][], a: number, b: number): [number, number][] {
  return parts.flatMap(([s, e]) => (Math.min(e, b) > Math.max(s, a) ? [[Math.max(s, a), Math.min(e, b)]] : []));
}

interface Row {
  chrom: string;
  type: string;
  start: number;
  end: number;
  strand: 1 | -1 | 0;
  name: string;
  /** Its own id (GFF3 ID, GTF gene_id of a gene row or transcript_id of a transcript row). */
  id?: string;
  /** What it belongs to: an exon's or CDS's transcript, a transcript's gene. */
  parent?: string;
}

/** Rows grouped as transcripts (exon and CDS rows under one parent); rows not drawn through one, alone. */
function assemble(rows: Row[], names: Map<string, string>, geneOf = new Map<string, string>()): GenomicFeature[] {
  const isPart = (r: Row) => r.parent !== undefined && (r.type === 'exon' || r.type === 'CDS');
  const groups = new Map<string, Row[]>();
  for (const r of rows) if (isPart(r)) groups.set(r.parent!, [...(groups.get(r.parent!) ?? []), r]);
  const out: GenomicFeature[] = [];
  for (const [id, rs] of groups) {
    const exons = rs.filter((r) => r.type === 'exon').map((r): [number, number] => [r.start, r.end]);
    const cds = rs.filter((r) => r.type === 'CDS').map((r): [number, number] => [r.start, r.end]);
    const parts = sorted(exons.length ? exons : cds);
    const [start, end] = span(parts);
    const f: GenomicFeature = {
      ...{ chrom: rs[0]!.chrom, type: 'transcript', name: names.get(id) ?? id },
      ...{ start: start!, end: end!, strand: rs[0]!.strand, parts },
    };
    out.push(cds.length ? { ...f, coding: sorted(cds) } : f);
  }
  // a transcript drawn through its exons, and a gene with such a transcript, are not drawn again
  for (const r of rows) if (r.id && r.parent) geneOf.set(r.id, r.parent);
  const covered = new Set(groups.keys());
  for (const t of groups.keys()) if (geneOf.has(t)) covered.add(geneOf.get(t)!);
  for (const r of rows) {
    if (isPart(r) || (r.id && covered.has(r.id))) continue;
    const parts: [number, number][] = [[r.start, r.end]];
    out.push({ chrom: r.chrom, type: r.type, name: r.name, start: r.start, end: r.end, strand: r.strand, parts });
  }
  return out;
}

/** GTF: nine tab-separated columns, 1-based inclusive, attributes `gene_id "X"; transcript_id "Y";`. */
function readGtf(text: string, file: string): GenomicFeature[] {
  const rows: Row[] = [];
  const names = new Map<string, string>();
  const geneOf = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, ln) => {
    if (!line.trim() || line.startsWith('#')) return;
    const c = line.split('\t');
    const start = Number(c[3]),
      end = Number(c[4]);
    if (c.length < 9 || !Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start)
      throw new SequenceInputError(
        `${file}, line ${ln + 1}: expected 9 tab-separated GTF columns with whole-number start <= end, found ` +
          `${c.length} column${c.length === 1 ? '' : 's'} (${JSON.stringify(line.slice(0, 60))}).`,
      );
    const attr = new Map([...c[8]!.matchAll(/(\w+)\s+"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const [tid, gid] = [attr.get('transcript_id'), attr.get('gene_id')];
    const label = attr.get('gene_name') ?? gid ?? tid ?? c[2]!;
    if (tid) names.set(tid, `${label}${tid !== label ? ` (${tid})` : ''}`);
    // a gene row is its gene_id; a transcript row its transcript_id, under its gene; other rows under their transcript
    const [id, parent] = c[2] === 'gene' ? [gid] : c[2] === 'transcript' ? [tid, gid] : [undefined, tid];
    if (tid && gid) geneOf.set(tid, gid);
    rows.push({
      ...{ chrom: c[0]!, type: c[2]!, start: start - 1, end, strand: strandOf(c[6]), name: label },
      ...(id ? { id } : {}),
      ...(parent ? { parent } : {}),
    });
  });
  return assemble(rows, names, geneOf);
}

type GffLine = ReturnType<typeof parseStringSync>[number][number];

function readGff3(text: string, file: string): GenomicFeature[] {
  let items: ReturnType<typeof parseStringSync>;
  try {
    items = parseStringSync(text, { parseSequences: false });
  } catch (e) {
    throw new SequenceInputError(`${file} could not be read as GFF3: ${(e as Error).message}`);
  }
  const rows: Row[] = [];
  const names = new Map<string, string>();
  const walk = (line: GffLine, parent?: string) => {
    const a = line.attributes ?? {};
    const id = a.ID?.[0];
    const name = a.Name?.[0] ?? a.gene_name?.[0] ?? id ?? line.type ?? 'feature';
    if (id) names.set(id, name);
    if (line.start === null || line.end === null || line.seq_id === null)
      throw new SequenceInputError(`${file}: a ${line.type ?? ''} row has no seqid, start or end.`);
    rows.push({
      ...{ chrom: line.seq_id, type: line.type ?? 'feature', start: line.start - 1, end: line.end },
      ...{ strand: strandOf(line.strand), name, ...(id ? { id } : {}), ...(parent ? { parent } : {}) },
    });
    for (const child of line.child_features) for (const c of child) walk(c, id);
  };
  for (const f of items) for (const line of f) walk(line);
  return assemble(rows, names);
}

/** The features of a BED, GFF3 or GTF text; throws a SequenceInputError naming the file and line when it cannot. */
export function readFeatureFile(text: string, fileName: string): { format: FeatureFormat; features: GenomicFeature[] } {
  const format = featureFormat(fileName, text);
  const features =
    format === 'BED' ? readBed(text, fileName) : format === 'GTF' ? readGtf(text, fileName) : readGff3(text, fileName);
  return { format, features };
}
