// Nested cross-validation of a penalised linear probe: the outer folds give every example one out-of-fold
// prediction; inside each outer training part an inner cross-validation picks the penalty from a grid, so
// neither the held-out rows nor their groups touch the choice.

import { checkpoint, type RunOptions } from '../analysis/run';
import { makeFolds, type FoldScheme } from './folds';
import { ProbeInputError } from './inputError';
import { linearPredictor, type LinearModel } from './linear';
import { fitLogistic, sigmoid, softplus } from './logistic';
import type { Matrix } from './matrix';
import { fitRidge } from './ridge';

export type ProbeKind = 'binary' | 'continuous';

export interface CvOptions {
  /** Penalties to choose from (any order; searched from the strongest down, each fit starting at the last). */
  lambdas: readonly number[];
  folds: number;
  innerFolds: number;
  /** Leave-one-group-out at the outer level with at most this many groups. */
  leaveOneOutUpTo: number;
  seed: number;
  /**
   * Solver tolerance (largest gradient entry) of the inner fits, which only rank penalties by held-out loss:
   * a loose one moves those losses far less than neighbouring penalties differ (crossValidation.test.ts).
   */
  innerTol: number;
}

export interface PenaltyChoice {
  lambda: number;
  /** The grid, strongest first, and the held-out loss at each (mean log-loss, or mean squared error). */
  lambdas: Float64Array;
  loss: Float64Array;
}

export interface OuterFold {
  test: Int32Array;
  groups: string[];
  choice: PenaltyChoice;
  /** The model fitted on the fold's training part with the chosen penalty. */
  model: LinearModel;
}

export interface CrossValidation {
  scheme: FoldScheme;
  folds: OuterFold[];
  /** Per example, the prediction of the fold that held it out (a probability for binary labels). */
  outOfFold: Float64Array;
  /** Penalty chosen by the same inner search over all examples, and the model fitted on all of them with it. */
  choice: PenaltyChoice;
  model: LinearModel;
}

type Labels = ArrayLike<number>;
type Groups = readonly string[] | undefined;

function fit(
  kind: ProbeKind,
  X: Matrix,
  y: Labels,
  rows: Int32Array,
  lambda: number,
  start?: LinearModel,
  tol?: number,
): LinearModel {
  return (kind === 'binary' ? fitLogistic : fitRidge)(X, y, rows, lambda, { start: start?.fit, tol });
}

/** The prediction scale: probability for binary labels, the fitted value for continuous ones. */
function predict(kind: ProbeKind, m: LinearModel, X: Matrix, rows?: Int32Array): Float64Array {
  const eta = linearPredictor(m, X, rows);
  return kind === 'binary' ? eta.map(sigmoid) : eta;
}

/** Both classes must be in every training part, or the unpenalised intercept runs off to infinity. */
function checkClasses(kind: ProbeKind, y: Labels, train: Int32Array, heldGroups: string[]): void {
  if (kind !== 'binary') return;
  let pos = 0;
  for (const r of train) pos += y[r]!;
  if (pos > 0 && pos < train.length) return;
  const missing = pos === 0 ? 'positive' : 'negative';
  const held = heldGroups.map((g) => `'${g}'`).join(', ');
  const where = heldGroups.length ? `with group${heldGroups.length > 1 ? 's' : ''} ${held} held out` : 'in a fold';
  throw new ProbeInputError(
    `${where}, no ${missing} example is left to train on: ` + `give ${missing} examples in more groups`,
  );
}

/** Once this many weaker penalties in a row have not beaten the best held-out loss, the rest are not tried. */
const PATIENCE = 2;

/**
 * Pick the penalty by cross-validation within `rows` (folds of at most opts.innerFolds, groups kept whole),
 * from the strongest penalty down, each fold's fit starting from its fit at the previous penalty. The search
 * stops PATIENCE penalties past the best so far (weak penalties cost the most solver passes); penalties not
 * tried keep a NaN loss.
 */
export function choosePenalty(
  kind: ProbeKind,
  X: Matrix,
  y: Labels,
  groups: Groups,
  rows: Int32Array,
  opts: CvOptions,
  seed: number,
): PenaltyChoice {
  const lambdas = Float64Array.from(opts.lambdas).sort().reverse();
  const loss = new Float64Array(lambdas.length).fill(NaN);
  const plan = makeFolds(rows, y, groups, { k: opts.innerFolds, leaveOneOutUpTo: opts.innerFolds, seed });
  for (const fold of plan.folds) checkClasses(kind, y, fold.train, fold.groups);
  const last: (LinearModel | undefined)[] = plan.folds.map(() => undefined);
  let best = 0; // the strongest penalty among equals
  for (let l = 0; l < lambdas.length && l - best <= PATIENCE; l++) {
    let total = 0;
    plan.folds.forEach((fold, f) => {
      const m = fit(kind, X, y, fold.train, lambdas[l]!, last[f], opts.innerTol);
      last[f] = m;
      const eta = linearPredictor(m, X, fold.test);
      fold.test.forEach((r, i) => {
        total += kind === 'binary' ? softplus(eta[i]!) - y[r]! * eta[i]! : (y[r]! - eta[i]!) ** 2;
      });
    });
    loss[l] = total / rows.length;
    if (loss[l]! < loss[best]!) best = l;
  }
  return { lambda: lambdas[best]!, lambdas, loss };
}

/** The nested cross-validation and the final fit; progress counts outer folds and the final fit. */
export async function crossValidate(
  kind: ProbeKind,
  X: Matrix,
  y: Labels,
  groups: Groups,
  opts: CvOptions,
  run: RunOptions = {},
): Promise<CrossValidation> {
  const all = Int32Array.from({ length: X.rows }, (_, i) => i);
  const plan = makeFolds(all, y, groups, { k: opts.folds, leaveOneOutUpTo: opts.leaveOneOutUpTo, seed: opts.seed });
  const outOfFold = new Float64Array(X.rows).fill(NaN);
  const folds: OuterFold[] = [];
  const total = plan.folds.length + 1;
  for (const [f, fold] of plan.folds.entries()) {
    await checkpoint(run.signal);
    checkClasses(kind, y, fold.train, fold.groups);
    const choice = choosePenalty(kind, X, y, groups, fold.train, opts, opts.seed + 1 + f);
    const model = fit(kind, X, y, fold.train, choice.lambda);
    predict(kind, model, X, fold.test).forEach((v, i) => {
      outOfFold[fold.test[i]!] = v;
    });
    folds.push({ test: fold.test, groups: fold.groups, choice, model });
    run.onProgress?.(f + 1, total);
  }
  await checkpoint(run.signal);
  const choice = choosePenalty(kind, X, y, groups, all, opts, opts.seed);
  const model = fit(kind, X, y, all, choice.lambda);
  run.onProgress?.(total, total);
  return { scheme: plan.scheme, folds, outOfFold, choice, model };
}
