// Labelled variants of the one sequence the page analyses: the label TSV the CLI reads (chrom, pos, ref, alt, a
// label column, an optional group column), each variant placed on the sequence's record as the variants table
// places its own. Every refused line is named in one message, and nothing runs on labels that are refused.

import type { Variant } from '../analysis/scoring/plan';
import { placeVariant, type NamedSequence } from '../genome/locate';
import type { ProbeKind } from './crossValidation';
import { readLabelKind, readLabelledVariants, refuseUnusable, substitutionProblem } from './labelledVariants';
import { validateLabels } from './validate';

/** Which columns of the pasted table hold what (the CLI's --label, --positive and --group). */
export interface LabelColumns {
  label: string;
  /** Binary labels: the value of a positive; without it labels are 0/1 or numbers. */
  positive?: string;
  group?: string;
}

export interface SequenceLabels {
  /** Each labelled variant, placed on the sequence (0-based). */
  variants: Variant[];
  y: Float64Array;
  kind: ProbeKind;
  groups?: string[];
  /** The pasted text's line of each variant. */
  lines: Int32Array;
  /** Binary labels: how often each raw value occurs, to show which were read as negative. */
  values: [string, number][];
}

/** Where the page asks for the positive class, for the message that tells a person to name it. */
const HINT = "in 'Positive value'";

/**
 * The labels of `text` placed on `record`. Throws ProbeInputError naming the lines that cannot be read, are not
 * single-base substitutions, or do not lie on this record with its base; or why the labels give no honest probe
 * (one class, fewer than 10 of a class, fewer than 3 groups).
 */
export function readSequenceLabels(text: string, columns: LabelColumns, record: NamedSequence): SequenceLabels {
  const spec = readLabelKind(text, columns, HINT);
  const { table, variants } = readLabelledVariants(text, spec);
  const notes: string[] = [],
    placed: Variant[] = [];
  for (const v of variants) {
    const loc = placeVariant([record], v);
    const problem = substitutionProblem(v) || ('problem' in loc ? loc.problem : '');
    notes.push(problem);
    placed.push({ pos: 'problem' in loc ? -1 : loc.index, ref: v.ref, alt: v.alt });
  }
  refuseUnusable({ variants, lines: table.lines }, notes);
  validateLabels(table.y, spec.kind, table.groups);
  return {
    variants: placed,
    y: table.y,
    kind: spec.kind,
    groups: table.groups,
    lines: table.lines,
    values: [...table.values],
  };
}
