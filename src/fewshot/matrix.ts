// Dense row-major feature matrices and the standardised products the solvers need, over a subset of rows,
// without copying the rows or the standardised values.

/** rows x cols, row-major: entry (i, j) at data[i * cols + j]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array | Float32Array;
}

/** Per-column mean and population standard deviation of the training rows; scale 0 marks a column constant there. */
export interface Standardisation {
  mean: Float64Array;
  scale: Float64Array;
}

/** A column whose spread is below this share of its magnitude is constant (rounding, not signal). */
const CONSTANT = 1e-10;

export function matrix(rows: number, cols: number, data?: Float64Array | Float32Array): Matrix {
  const d = data ?? new Float64Array(rows * cols);
  if (d.length !== rows * cols) {
    throw new Error(`a ${rows} x ${cols} matrix needs ${rows * cols} values, got ${d.length}`);
  }
  return { rows, cols, data: d };
}

/** Mean and population (n, not n - 1) standard deviation of each column over `rows`. */
export function standardisation(X: Matrix, rows: Int32Array): Standardisation {
  const p = X.cols,
    mean = new Float64Array(p),
    scale = new Float64Array(p);
  for (const r of rows) for (let j = 0, b = r * p; j < p; j++) mean[j]! += X.data[b + j]!;
  for (let j = 0; j < p; j++) mean[j]! /= rows.length;
  for (const r of rows) {
    for (let j = 0, b = r * p; j < p; j++) {
      const d = X.data[b + j]! - mean[j]!;
      scale[j]! += d * d;
    }
  }
  for (let j = 0; j < p; j++) {
    const sd = Math.sqrt(scale[j]! / rows.length);
    scale[j] = sd > CONSTANT * Math.max(1, Math.abs(mean[j]!)) ? sd : 0;
  }
  return { mean, scale };
}

/**
 * The standardised design Z (z_ij = (x_ij - mean_j) / scale_j, 0 in constant columns) restricted to `rows`,
 * as two products: Z v and Z' t.
 */
export class StandardisedRows {
  readonly n: number;
  readonly p: number;
  private readonly inv: Float64Array;
  private readonly v1: Float64Array;

  constructor(
    readonly X: Matrix,
    readonly rows: Int32Array,
    readonly std: Standardisation,
  ) {
    this.n = rows.length;
    this.p = X.cols;
    this.inv = std.scale.map((s) => (s > 0 ? 1 / s : 0));
    this.v1 = new Float64Array(this.p);
  }

  /** out[k] = z_{rows[k]} . v */
  times(v: Float64Array, out: Float64Array): Float64Array {
    const { p, inv, v1 } = this,
      data = this.X.data,
      mean = this.std.mean;
    let shift = 0;
    for (let j = 0; j < p; j++) {
      v1[j] = v[j]! * inv[j]!;
      shift += mean[j]! * v1[j]!;
    }
    for (let k = 0; k < this.n; k++) {
      const b = this.rows[k]! * p;
      let s = 0;
      for (let j = 0; j < p; j++) s += data[b + j]! * v1[j]!;
      out[k] = s - shift;
    }
    return out;
  }

  /** out = Z' t (t has one entry per row in `rows`). */
  transposeTimes(t: Float64Array, out: Float64Array): Float64Array {
    const { p, inv } = this,
      data = this.X.data,
      mean = this.std.mean;
    out.fill(0);
    let total = 0;
    for (let k = 0; k < this.n; k++) {
      const tk = t[k]!,
        b = this.rows[k]! * p;
      total += tk;
      if (tk === 0) continue;
      for (let j = 0; j < p; j++) out[j]! += tk * data[b + j]!;
    }
    for (let j = 0; j < p; j++) out[j] = (out[j]! - mean[j]! * total) * inv[j]!;
    return out;
  }
}

/** The indices 0..n-1 as rows. */
export function allRows(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
