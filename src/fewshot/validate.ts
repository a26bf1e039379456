// The refusals of a probe's input: what cannot give an honest cross-validated estimate is stopped before any
// fit, with a message that says what was found and what is needed.

import type { CvOptions, ProbeKind } from './crossValidation';
import { ProbeInputError } from './inputError';
import type { Matrix } from './matrix';

/** Fewer labelled examples per class (or in all, for a continuous label) give no metric. */
export const MIN_PER_CLASS = 10;
/** Groups needed so that the inner cross-validation still has two groups once the outer fold holds one out. */
export const MIN_GROUPS = 3;

interface Input {
  X: Matrix;
  names: readonly string[];
  y: ArrayLike<number>;
  kind: ProbeKind;
  groups?: readonly string[];
}

/** Throws ProbeInputError for unusable input; returns the number of positives (binary) or 0. */
export function validateProbeInput(input: Input, opts: CvOptions): number {
  const { X, names, y, kind, groups } = input;
  if (names.length !== X.cols) throw new ProbeInputError(`${names.length} feature names for ${X.cols} columns`);
  if (y.length !== X.rows) throw new ProbeInputError(`${y.length} labels for ${X.rows} rows of features`);
  if (groups && groups.length !== X.rows) {
    throw new ProbeInputError(`${groups.length} groups for ${X.rows} rows of features`);
  }
  const cell = X.data.findIndex((v) => !Number.isFinite(v));
  if (cell >= 0) {
    const r = Math.floor(cell / X.cols),
      c = cell % X.cols;
    throw new ProbeInputError(`feature '${names[c]}' of example ${r + 1} is ${X.data[cell]}, not a number`);
  }
  if (opts.lambdas.length === 0 || opts.lambdas.some((l) => !(l > 0) || !Number.isFinite(l))) {
    throw new ProbeInputError(`penalties must be positive numbers, got [${opts.lambdas.join(', ')}]`);
  }
  if (groups) {
    const distinct = new Set(groups).size;
    if (distinct < MIN_GROUPS) {
      throw new ProbeInputError(
        `grouped cross-validation needs at least ${MIN_GROUPS} groups, found ${distinct}: ` +
          'add examples from more groups, or fit without groups',
      );
    }
  }
  if (kind === 'continuous') {
    const bad = Array.from(y).findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new ProbeInputError(`label of example ${bad + 1} is ${y[bad]}, not a number`);
    if (y.length < MIN_PER_CLASS) {
      throw new ProbeInputError(
        `${y.length} labelled examples: a probe needs at least ${MIN_PER_CLASS} ` +
          'to be cross-validated, so no metric is given',
      );
    }
    if (Array.from(y).every((v) => v === y[0])) throw new ProbeInputError(`every label is ${y[0]}: nothing to predict`);
    return 0;
  }
  const bad = Array.from(y).findIndex((v) => v !== 0 && v !== 1);
  if (bad >= 0) throw new ProbeInputError(`label of example ${bad + 1} is ${y[bad]}; binary labels are 0 or 1`);
  const positives = Array.from(y).reduce((a, b) => a + b, 0),
    negatives = y.length - positives;
  if (positives === 0 || negatives === 0) {
    const which = positives ? 'positive' : 'negative';
    throw new ProbeInputError(`all ${y.length} examples are ${which}: a probe needs both classes`);
  }
  if (Math.min(positives, negatives) < MIN_PER_CLASS) {
    throw new ProbeInputError(
      `${positives} positive and ${negatives} negative examples: a probe needs at least ` +
        `${MIN_PER_CLASS} of each class to be cross-validated, so no metric is given`,
    );
  }
  return positives;
}
