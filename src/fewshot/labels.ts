// A person's labelled examples as a TSV: a header row, a label column (a class or a number), an optional
// group column (exon, gene: kept whole by cross-validation) and a key column naming the example. Bad lines
// are gathered into one message, not one error per row.

import { ProbeInputError } from './inputError';

export interface LabelSpec {
  kind: 'binary' | 'continuous';
  /** Header names of the columns. */
  label: string;
  group?: string;
  key?: string;
  /** Binary: the label value of a positive; every other value is negative. Without it labels must be 0 or 1. */
  positive?: string;
}

export interface LabelTable {
  /** Per data row: 1 / 0 (binary) or the number. */
  y: Float64Array;
  groups?: string[];
  keys?: string[];
  /** The 1-based line of each data row in the text. */
  lines: Int32Array;
  /** How often each raw label value occurs (binary), to show which values were read as negative. */
  values: Map<string, number>;
}

/** At most this many offending lines are quoted per problem. */
const QUOTED = 5;

export function parseLabels(text: string, spec: LabelSpec): LabelTable {
  const raw = text.split(/\r?\n/);
  const first = raw.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new ProbeInputError('the label file is empty');
  const header = raw[first]!.replace(/^#/, '')
    .split('\t')
    .map((h) => h.trim());
  const column = (name: string | undefined) => {
    if (name === undefined) return -1;
    const at = header.indexOf(name);
    if (at < 0) {
      throw new ProbeInputError(`no column '${name}' in the header (columns: ${header.join(', ')})`, [first + 1]);
    }
    return at;
  };
  const labelAt = column(spec.label),
    groupAt = column(spec.group),
    keyAt = column(spec.key);
  const problems = new Map<string, { lines: number[]; quoted: string[] }>();
  const bad = (problem: string, line: number, quote: string) => {
    const p = problems.get(problem) ?? { lines: [], quoted: [] };
    problems.set(problem, p);
    p.lines.push(line);
    if (p.quoted.length < QUOTED) p.quoted.push(`${line}${quote}`);
  };
  const y: number[] = [],
    groups: string[] = [],
    keys: string[] = [],
    lines: number[] = [];
  const values = new Map<string, number>();
  for (let i = first + 1; i < raw.length; i++) {
    if (raw[i]!.trim() === '') continue;
    const cells = raw[i]!.split('\t').map((c) => c.trim()),
      line = i + 1;
    if (cells.length !== header.length) {
      bad(`with a field count other than the header's ${header.length}`, line, ` (${cells.length})`);
      continue;
    }
    const value = readLabel(cells[labelAt]!, spec);
    if (typeof value === 'string') {
      bad(value, line, ` ('${cells[labelAt]}')`);
      continue;
    }
    if (groupAt >= 0 && cells[groupAt] === '') {
      bad(`with an empty '${spec.group}' (group)`, line, '');
      continue;
    }
    y.push(value);
    lines.push(line);
    if (groupAt >= 0) groups.push(cells[groupAt]!);
    if (keyAt >= 0) keys.push(cells[keyAt]!);
    if (spec.kind === 'binary') values.set(cells[labelAt]!, (values.get(cells[labelAt]!) ?? 0) + 1);
  }
  if (problems.size > 0) {
    const all = [...problems.values()].flatMap((p) => p.lines).sort((a, b) => a - b);
    const parts = [...problems].map(
      ([problem, p]) =>
        `${p.lines.length} ${problem} (line ${p.quoted.join(', ')}${p.lines.length > QUOTED ? ', ...' : ''})`,
    );
    throw new ProbeInputError(`${all.length} of ${all.length + y.length} data lines refused: ${parts.join('; ')}`, all);
  }
  if (y.length === 0) throw new ProbeInputError('the label file has a header but no data lines');
  return {
    y: Float64Array.from(y),
    groups: groupAt >= 0 ? groups : undefined,
    keys: keyAt >= 0 ? keys : undefined,
    lines: Int32Array.from(lines),
    values,
  };
}

/** The label as a number, or the problem with it (phrased to follow "N lines"). */
function readLabel(cell: string, spec: LabelSpec): number | string {
  const name = `'${spec.label}'`;
  if (cell === '') return `with an empty ${name}`;
  if (spec.kind === 'binary') {
    if (spec.positive !== undefined) return cell === spec.positive ? 1 : 0;
    if (cell === '1' || cell === '0') return Number(cell);
    return `with a ${name} other than 0 or 1 (name the positive value to read classes)`;
  }
  const v = Number(cell);
  return Number.isFinite(v) ? v : `with a ${name} that is not a number`;
}
