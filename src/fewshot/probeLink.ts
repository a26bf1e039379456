// A fitted probe and its baseline as a share link carries them without the training labels: both models as
// probeModel.ts's JSON, the model they read, and the cross-validated metrics measured when they were fitted.
// Read back checked field by field; applied to new rows only when their features are the ones it was fitted on.

import type { FoldScheme } from './folds';
import { ProbeInputError } from './inputError';
import { matrix } from './matrix';
import { predictProbe, probeFromJSON, probeToJSON, type ProbeJSON, type ProbeModel } from './probeModel';
import type { FeatureRows, Fitted } from './probePair';
import type { Interval, PairedDifference } from './report';
import type { FeatureSet } from './variantFeatures';

export interface Prediction {
  probe: number | null;
  baseline: number | null;
  note: string;
}

export type Metric = Interval & { name: 'AUROC' | 'Spearman rho' };

/** The metrics of the fit, as the page shows them. */
export interface StoredCv {
  kind: 'binary' | 'continuous';
  n: number;
  positives?: number;
  scheme: FoldScheme;
  folds: number;
  grouped: boolean;
  probe: Metric;
  baseline: Metric;
  difference: PairedDifference;
}

export interface FittedProbes {
  /** The id of the model whose features the probe reads. */
  model: string;
  probe: ProbeJSON;
  baseline: ProbeJSON;
  cv: StoredCv;
}

export function storeFit(model: string, probe: Fitted, baseline: Fitted, cv: StoredCv): FittedProbes {
  return { model, probe: probeToJSON(probe.model), baseline: probeToJSON(baseline.model), cv };
}

const SCHEMES: FoldScheme[] = ['leave-one-group-out', 'grouped-k-fold', 'stratified-k-fold'];

function fail(what: string): never {
  throw new ProbeInputError(`its few-shot probe is not valid: ${what}`);
}

/** A number, or NaN from JSON's null (an interval that could not be computed is NaN, and JSON writes null). */
function num(v: unknown, field: string, finite = false): number {
  if (v === null && !finite) return NaN;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${field} is ${JSON.stringify(v)}, expected a finite number`);
  return v;
}

function metric(v: unknown, field: string): Metric {
  const o = (v ?? {}) as Record<string, unknown>;
  if (o.name !== 'AUROC' && o.name !== 'Spearman rho') fail(`${field}.name is ${JSON.stringify(o.name)}`);
  return {
    name: o.name,
    value: num(o.value, `${field}.value`),
    lo: num(o.lo, `${field}.lo`),
    hi: num(o.hi, `${field}.hi`),
  };
}

function count(v: unknown, field: string, min: number): number {
  const x = num(v, field, true);
  if (!Number.isInteger(x) || x < min) fail(`${field} is ${x}, expected an integer of at least ${min}`);
  return x;
}

function readCv(v: unknown): StoredCv {
  const o = (typeof v === 'object' && v !== null ? v : fail('cv is missing')) as Record<string, unknown>;
  if (o.kind !== 'binary' && o.kind !== 'continuous') fail(`cv.kind is ${JSON.stringify(o.kind)}`);
  if (!SCHEMES.includes(o.scheme as FoldScheme)) fail(`cv.scheme is ${JSON.stringify(o.scheme)}`);
  if (typeof o.grouped !== 'boolean') fail('cv.grouped must be true or false');
  const d = (o.difference ?? {}) as Record<string, unknown>;
  if (d.test !== 'DeLong' && d.test !== 'Fisher z') fail(`cv.difference.test is ${JSON.stringify(d.test)}`);
  const n = count(o.n, 'cv.n', 1);
  return {
    kind: o.kind,
    n,
    ...(o.positives !== undefined ? { positives: count(o.positives, 'cv.positives', 0) } : {}),
    scheme: o.scheme as FoldScheme,
    folds: count(o.folds, 'cv.folds', 2),
    grouped: o.grouped,
    probe: metric(o.probe, 'cv.probe'),
    baseline: metric(o.baseline, 'cv.baseline'),
    difference: {
      test: d.test,
      ...Object.fromEntries(
        (['a', 'b', 'diff', 'lo', 'hi', 'p'] as const).map((k) => [k, num(d[k], `cv.difference.${k}`)]),
      ),
    } as PairedDifference,
  };
}

/** The stored probe from a link, each field checked; a ProbeInputError names the bad one. */
export function readFitted(json: unknown): FittedProbes {
  const o = (typeof json === 'object' && json !== null ? json : fail('expected an object')) as Record<string, unknown>;
  if (typeof o.model !== 'string' || !o.model || o.model.length > 200) fail('model must name the model it reads');
  const probe = probeToJSON(probeFromJSON(o.probe)),
    baseline = probeToJSON(probeFromJSON(o.baseline));
  const cv = readCv(o.cv);
  if (probe.kind !== cv.kind || baseline.kind !== cv.kind) fail(`its models are not all ${cv.kind}`);
  return { model: o.model, probe, baseline, cv };
}

const some = (names: string[]) => `${names.slice(0, 3).join(', ')}${names.length > 3 ? '...' : ''}`;

/** Why a stored model cannot read the given columns (null when they are the ones it was fitted on, in order). */
function mismatch(m: ProbeModel, names: readonly string[], which: string, source: string): string | null {
  if (m.names.length === names.length && m.names.every((n, j) => n === names[j])) return null;
  const lacks = m.names.filter((n) => !names.includes(n)),
    extra = names.filter((n) => !m.names.includes(n));
  const why = lacks.length
    ? `; ${source} lacks ${some(lacks)}`
    : extra.length
      ? `; it was fitted without ${some(extra)}`
      : '';
  const counts = `the link's ${which} reads ${m.names.length} features, ${source} gives ${names.length}`;
  return counts + (why || ' in another order');
}

/**
 * The stored probe and baseline applied to feature rows (null rows stay unpredicted), after checking the columns
 * each reads are the ones it was fitted on. `source`: what made the rows (the model and feature choice), for messages.
 */
export function applyFitted(f: FittedProbes, features: FeatureRows, source: string): Prediction[] {
  const probe = probeFromJSON(f.probe),
    baseline = probeFromJSON(f.baseline);
  const cols = (keep: (s: FeatureSet) => boolean) =>
    features.names.map((_, j) => j).filter((j) => keep(features.sets[j]!));
  const probeCols = cols((s) => s !== 'baseline'),
    baseCols = cols((s) => s === 'baseline');
  const named = (c: number[]) => c.map((j) => features.names[j]!);
  const wrong =
    mismatch(probe, named(probeCols), 'probe', source) ?? mismatch(baseline, named(baseCols), 'baseline', source);
  if (wrong) throw new ProbeInputError(wrong);
  const ok = features.rows.filter((r): r is Float64Array => r !== null);
  const run = (m: ProbeModel, c: number[]) => {
    const X = matrix(ok.length, c.length);
    ok.forEach((r, i) => c.forEach((col, j) => (X.data[i * c.length + j] = r[col]!)));
    return predictProbe(m, X);
  };
  const p = run(probe, probeCols),
    b = run(baseline, baseCols);
  let k = 0;
  return features.rows.map((r, i) =>
    r === null
      ? { probe: null, baseline: null, note: features.notes[i]! }
      : { probe: p[k]!, baseline: b[k++]!, note: '' },
  );
}
