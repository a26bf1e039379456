// Penalised linear models (logistic, least squares) fitted by truncated Newton: each Newton step solved by
// conjugate gradients on Hessian-vector products, so a step costs a few passes over the rows and no p x p
// matrix is ever formed (at 512 embedding columns an explicit Hessian and its Cholesky cost more than the fit).

import type { StandardisedRows } from './matrix';

/** A loss of the linear predictor eta against the label y, summed over rows. */
export interface Loss {
  /** Sum of losses; per row the first (d) and second (h) derivative in eta. */
  evaluate(eta: Float64Array, y: Float64Array, d: Float64Array, h: Float64Array): number;
  /** Sum of losses only (line search). */
  value(eta: Float64Array, y: Float64Array): number;
  /** The intercept of the model with no features (the starting point). */
  start(y: Float64Array): number;
  /** A quadratic loss: its Newton step is exact, so it is solved to the final tolerance at once. */
  quadratic: boolean;
}

/** A fit on the standardised scale: eta = intercept + z . coef. */
export interface LinearFit {
  intercept: number;
  coef: Float64Array;
  iterations: number;
  /** Largest gradient entry at the end; converged when it fell below the tolerance. */
  gradient: number;
  converged: boolean;
}

export interface SolveOptions {
  /** Stop when every gradient entry is below this (default 1e-9). */
  tol?: number;
  maxIter?: number;
  /** A nearby solution (the previous penalty on a path) to start from. */
  start?: LinearFit;
}

/**
 * Minimise (1/n) sum loss(intercept + z_i . w, y_i) + (lambda / 2) |w|^2 over the rows of Z; the intercept
 * is not penalised. y has one entry per row of Z, in its order. lambda > 0 keeps the minimum finite and
 * unique even for separable labels or duplicated columns.
 */
export function solve(
  Z: StandardisedRows,
  y: Float64Array,
  loss: Loss,
  lambda: number,
  opts: SolveOptions = {},
): LinearFit {
  if (!(lambda > 0)) throw new Error(`the penalty must be positive, got ${lambda}`);
  const { n, p } = Z,
    tol = opts.tol ?? 1e-9,
    maxIter = opts.maxIter ?? 100;
  const theta = new Float64Array(p + 1); // [intercept, w...]
  if (opts.start) {
    theta[0] = opts.start.intercept;
    theta.set(opts.start.coef, 1);
  } else theta[0] = loss.start(y);
  const w = theta.subarray(1);
  const eta = new Float64Array(n),
    d = new Float64Array(n),
    h = new Float64Array(n),
    u = new Float64Array(n);
  const g = new Float64Array(p + 1),
    s = new Float64Array(p + 1),
    trial = new Float64Array(n);
  const cg = workspace(p + 1, n);
  const result = (converged: boolean): LinearFit => ({
    intercept: theta[0]!,
    coef: Float64Array.from(w),
    iterations,
    gradient: gmax,
    converged,
  });
  Z.times(w, eta);
  for (let i = 0; i < n; i++) eta[i]! += theta[0]!;
  let iterations = 0,
    gmax = Infinity;
  for (; iterations <= maxIter; iterations++) {
    const f = loss.evaluate(eta, y, d, h) / n + (lambda / 2) * dot(w, w);
    Z.transposeTimes(d, g.subarray(1));
    g[0] = sum(d) / n;
    for (let j = 1; j <= p; j++) g[j] = g[j]! / n + lambda * theta[j]!;
    gmax = g.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    if (gmax <= tol || iterations === maxIter) break;
    const gnorm = Math.sqrt(dot(g, g));
    // truncated Newton (Nocedal and Wright, algorithm 7.1): loose steps far from the minimum, tight ones near it
    conjugateGradient(Z, h, lambda, g, s, loss.quadratic ? tol / 2 : Math.min(0.5, Math.sqrt(gnorm)) * gnorm, cg);
    Z.times(s.subarray(1), u); // change of eta along s
    for (let i = 0; i < n; i++) u[i]! += s[0]!;
    const slope = dot(g, s),
      sw = dot(s.subarray(1), w),
      ss = dot(s.subarray(1), s.subarray(1)),
      ww = dot(w, w);
    // a predicted decrease below the objective's rounding cannot be checked against it: near the minimum the
    // full Newton step is the right one, and halving it there only stalls
    const checkable = -slope > 1e-13 * Math.max(1, Math.abs(f));
    let step = 1;
    for (;;) {
      for (let i = 0; i < n; i++) trial[i] = eta[i]! + step * u[i]!;
      const ft = loss.value(trial, y) / n + (lambda / 2) * (ww + 2 * step * sw + step * step * ss);
      if (!checkable || ft <= f + 1e-4 * step * slope) break;
      step /= 2;
      if (step < 1e-12) return result(false);
    }
    for (let j = 0; j <= p; j++) theta[j]! += step * s[j]!;
    eta.set(trial);
  }
  return result(gmax <= tol);
}

interface Workspace {
  r: Float64Array;
  dir: Float64Array;
  q: Float64Array;
  u: Float64Array;
}

function workspace(m: number, n: number): Workspace {
  return { r: new Float64Array(m), dir: new Float64Array(m), q: new Float64Array(m), u: new Float64Array(n) };
}

/** x = approximately -H^{-1} g to a residual below `tol`, H = (1/n) [1 Z]' diag(h) [1 Z] + lambda (w part). */
function conjugateGradient(
  Z: StandardisedRows,
  h: Float64Array,
  lambda: number,
  g: Float64Array,
  x: Float64Array,
  tol: number,
  ws: Workspace,
): void {
  const { r, dir, q, u } = ws,
    m = g.length,
    n = Z.n;
  x.fill(0);
  for (let j = 0; j < m; j++) {
    r[j] = -g[j]!;
    dir[j] = r[j]!;
  }
  let rr = dot(r, r);
  // in exact arithmetic m steps solve it; rounding on an ill-conditioned H can ask for a few more
  for (let k = 0; k < 2 * m && Math.sqrt(rr) > tol; k++) {
    Z.times(dir.subarray(1), u);
    for (let i = 0; i < n; i++) u[i] = h[i]! * (u[i]! + dir[0]!);
    Z.transposeTimes(u, q.subarray(1));
    q[0] = sum(u) / n;
    for (let j = 1; j < m; j++) q[j] = q[j]! / n + lambda * dir[j]!;
    const alpha = rr / dot(dir, q);
    for (let j = 0; j < m; j++) {
      x[j]! += alpha * dir[j]!;
      r[j]! -= alpha * q[j]!;
    }
    const next = dot(r, r),
      beta = next / rr;
    rr = next;
    for (let j = 0; j < m; j++) dir[j] = r[j]! + beta * dir[j]!;
  }
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
