// A fitted probe as plain data: predicts new rows, and travels as a small JSON (coefficients, standardisation,
// penalty, feature names; never the training labels or features).

import { ProbeInputError } from './inputError';
import { rawCoefficients } from './linear';
import { sigmoid } from './logistic';
import { StandardisedRows, type Matrix } from './matrix';

export const PROBE_FORMAT = 'glm-playground/probe@1';

export interface ProbeModel {
  kind: 'binary' | 'continuous';
  names: string[];
  lambda: number;
  /** Standardisation of the training rows (scale 0: a constant column, given no weight). */
  mean: Float64Array;
  scale: Float64Array;
  /** eta = intercept + sum_j coef_j (x_j - mean_j) / scale_j; a probability sigmoid(eta) for binary labels. */
  intercept: number;
  coef: Float64Array;
}

export interface ProbeJSON {
  format: typeof PROBE_FORMAT;
  kind: 'binary' | 'continuous';
  names: string[];
  lambda: number;
  intercept: number;
  mean: number[];
  scale: number[];
  coef: number[];
}

/** Predictions for every row of X, whose columns are the model's features in order. */
export function predictProbe(m: ProbeModel, X: Matrix): Float64Array {
  if (X.cols !== m.names.length) {
    const first = m.names.slice(0, 3).join(', ');
    throw new ProbeInputError(
      `the probe reads ${m.names.length} features (${first}...), ` + `the matrix has ${X.cols} columns`,
    );
  }
  const rows = Int32Array.from({ length: X.rows }, (_, i) => i);
  const eta = new StandardisedRows(X, rows, { mean: m.mean, scale: m.scale }).times(m.coef, new Float64Array(X.rows));
  return eta.map((e) => (m.kind === 'binary' ? sigmoid(e + m.intercept) : e + m.intercept));
}

/** Coefficient per raw unit of each feature, and the matching intercept (for people reading the model). */
export function rawScale(m: ProbeModel): { intercept: number; coef: Float64Array } {
  return rawCoefficients({ mean: m.mean, scale: m.scale }, m.intercept, m.coef);
}

export function probeToJSON(m: ProbeModel): ProbeJSON {
  return {
    format: PROBE_FORMAT,
    kind: m.kind,
    names: [...m.names],
    lambda: m.lambda,
    intercept: m.intercept,
    mean: Array.from(m.mean),
    scale: Array.from(m.scale),
    coef: Array.from(m.coef),
  };
}

/** The model from probeToJSON's output (parsed), checked field by field. */
export function probeFromJSON(json: unknown): ProbeModel {
  const o = json as Partial<Record<keyof ProbeJSON, unknown>>;
  const fail = (what: string): never => {
    throw new ProbeInputError(`not a saved probe: ${what}`);
  };
  if (typeof o !== 'object' || o === null) fail('expected an object');
  if (o.format !== PROBE_FORMAT) fail(`format is ${JSON.stringify(o.format)}, expected '${PROBE_FORMAT}'`);
  if (o.kind !== 'binary' && o.kind !== 'continuous') {
    fail(`kind is ${JSON.stringify(o.kind)}, expected 'binary' or 'continuous'`);
  }
  if (!Array.isArray(o.names) || !o.names.every((n) => typeof n === 'string')) fail('names must be a list of strings');
  const names = o.names as string[];
  const numbers = (key: 'mean' | 'scale' | 'coef') => {
    const v = o[key];
    if (!Array.isArray(v) || v.length !== names.length) {
      fail(`${key} must list ${names.length} numbers, one per feature`);
    }
    const out = Float64Array.from(v as unknown[], (x) => (typeof x === 'number' ? x : NaN));
    const at = out.findIndex((x) => !Number.isFinite(x));
    if (at >= 0) fail(`${key}[${at}] is ${JSON.stringify((v as unknown[])[at])}, not a finite number`);
    return out;
  };
  const scalar = (key: 'lambda' | 'intercept') =>
    typeof o[key] === 'number' && Number.isFinite(o[key]) ? o[key] : fail(`${key} must be a finite number`);
  const scale = numbers('scale');
  if (scale.some((s) => s < 0)) fail('a scale is negative');
  return {
    kind: o.kind as ProbeModel['kind'],
    names,
    lambda: scalar('lambda'),
    intercept: scalar('intercept'),
    mean: numbers('mean'),
    scale,
    coef: numbers('coef'),
  };
}
