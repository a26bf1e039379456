// Labelled variants from a TSV: the label table (labels.ts) and, for each of its rows, the variant named by the
// chrom, pos, ref and alt columns (any case; a VCF's #CHROM header works too). Bad lines listed in one message.

import { ProbeInputError } from './inputError';
import { parseLabels, type LabelSpec, type LabelTable } from './labels';

/** A variant as a VCF or an SGE table gives it (1-based position). */
export interface LabelledVariant {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
}

const COLUMNS = ['chrom', 'pos', 'ref', 'alt'] as const;
const QUOTED = 5;

/** The labels as `spec` reads them (readLabelKind chooses the kind) and the variant of each row. */
export function readLabelledVariants(
  text: string,
  spec: LabelSpec,
): { table: LabelTable; variants: LabelledVariant[] } {
  const table = parseLabels(text, spec);
  const lines = text.split(/\r?\n/),
    first = lines.findIndex((l) => l.trim() !== '');
  const header = lines[first]!.replace(/^#/, '')
    .split('\t')
    .map((h) => h.trim().toLowerCase());
  const at = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => at[i]! < 0);
  if (missing.length) {
    throw new ProbeInputError(
      `the label file names its variants by columns chrom, pos, ref and alt; ` +
        `no ${missing.join(', ')} in its header (columns: ${header.join(', ')})`,
      [first + 1],
    );
  }
  const bad: string[] = [],
    badLines: number[] = [];
  const variants = Array.from(table.lines, (line) => {
    const cells = lines[line - 1]!.split('\t').map((c) => c.trim());
    const [chrom, pos, ref, alt] = at.map((i) => cells[i]!) as [string, string, string, string];
    const v = { chrom, pos: Number(pos), ref: ref.toUpperCase(), alt: alt.toUpperCase() };
    if (!/^\d+$/.test(pos) || v.pos < 1 || chrom === '' || ref === '' || alt === '') {
      badLines.push(line);
      if (bad.length < QUOTED) bad.push(`line ${line} ('${chrom}', '${pos}', '${ref}', '${alt}')`);
    }
    return v;
  });
  if (badLines.length) {
    const more = badLines.length > QUOTED ? ', ...' : '';
    throw new ProbeInputError(
      `${badLines.length} of ${table.lines.length} labelled lines do not name a variant ` +
        `(chrom, a position from 1, ref and alt): ${bad.join(', ')}${more}`,
      badLines,
    );
  }
  return { table, variants };
}

/**
 * Binary when a positive class is named or when every label is 0 or 1; otherwise continuous (numbers). A label
 * that is neither is refused with its line and a hint (`hint`: where the person names it) to name the positive class.
 */
export function readLabelKind(text: string, spec: Omit<LabelSpec, 'kind'>, hint = 'with --positive'): LabelSpec {
  if (spec.positive !== undefined) return { ...spec, kind: 'binary' };
  try {
    const { y } = parseLabels(text, { ...spec, kind: 'continuous' });
    return { ...spec, kind: y.every((v) => v === 0 || v === 1) ? 'binary' : 'continuous' };
  } catch (e) {
    if (!(e instanceof ProbeInputError) || !/not a number/.test(e.message)) throw e;
    throw new ProbeInputError(`${e.message}; for classes, name the positive one ${hint}`, e.lines);
  }
}

/** Why a labelled variant has no few-shot features ('' when it has): only single-base substitutions do. */
export function substitutionProblem(v: LabelledVariant): string {
  if (!/^[ACGT]$/.test(v.ref) || !/^[ACGT]$/.test(v.alt)) {
    return `few-shot features are defined for single-base substitutions (A, C, G, T), not ${v.ref}>${v.alt}`;
  }
  return v.ref === v.alt ? 'the alternative allele equals the reference' : '';
}

/** One refusal naming the label-file lines of the unusable variants (notes[i] non-empty), before any model runs. */
export function refuseUnusable(train: { variants: unknown[]; lines: Int32Array }, notes: string[]): void {
  const unusable = train.variants.map((_, i) => i).filter((i) => notes[i]);
  if (unusable.length === 0) return;
  const quoted = unusable
    .slice(0, QUOTED)
    .map((i) => `line ${train.lines[i]} (${notes[i]})`)
    .join(', ');
  throw new ProbeInputError(
    `${unusable.length} of ${train.variants.length} labelled variants cannot be used: ` +
      `${quoted}${unusable.length > QUOTED ? ', ...' : ''}`,
    unusable.map((i) => train.lines[i]!),
  );
}
