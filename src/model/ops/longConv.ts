// The Hyena long convolution (fft_causal_conv in training/model.py) on typed arrays:
// y[t, d] = sum_{j <= t} h[j, d] v[t - j, d], by FFT zero-padded past 2T (no wrap-around), in float64.
// Two real channels share one complex transform (a + ib), so a channel pair costs three FFTs of its filters
// and signals and one inverse.

import { fft, nextPow2 } from './fft';

/**
 * v [B, T, D] row-major, h [>= T, D] (only lags < T are read) -> y [B, T, D] (float32), plus skip[d] * v.
 * The filter's spectrum is computed once per call and shared by the B rows.
 */
export function causalLongConv(
  v: Float32Array,
  h: Float32Array,
  B: number,
  T: number,
  D: number,
  skip?: Float32Array,
): Float32Array {
  if (v.length !== B * T * D || h.length < T * D)
    throw new Error(`causalLongConv: v has ${v.length} values for [${B}, ${T}, ${D}], h ${h.length}`);
  const n = nextPow2(2 * T);
  const y = new Float32Array(B * T * D);
  // channel-major copies, so the transforms read and write contiguous runs (position-major strides D)
  const vT = transpose(v, B, T, D),
    hT = transpose(h.subarray(0, T * D), 1, T, D),
    yT = new Float32Array(B * D * T);
  const hr = new Float64Array(n),
    hi = new Float64Array(n),
    zr = new Float64Array(n),
    zi = new Float64Array(n);
  const spec = new Float64Array(4 * n); // the pair's filter spectra: Ha (re, im), Hb (re, im)
  for (let d = 0; d < D; d += 2) {
    const pair = d + 1 < D;
    hr.fill(0);
    hi.fill(0);
    hr.set(hT.subarray(d * T, (d + 1) * T));
    if (pair) hi.set(hT.subarray((d + 1) * T, (d + 2) * T));
    fft(hr, hi);
    splitSpectra(hr, hi, spec);
    for (let b = 0; b < B; b++) {
      const ca = (b * D + d) * T,
        cb = ca + T; // this row's channels d and d + 1
      zr.fill(0);
      zi.fill(0);
      zr.set(vT.subarray(ca, ca + T));
      if (pair) zi.set(vT.subarray(cb, cb + T));
      fft(zr, zi);
      // Z = A + iB with A, B the spectra of the real channels; W = A Ha + i B Hb transforms back to ya + i yb
      for (let k = 0; k <= n / 2; k++) {
        const m = (n - k) % n;
        const ar = (zr[k]! + zr[m]!) / 2,
          ai = (zi[k]! - zi[m]!) / 2; // A_k = (Z_k + conj Z_{n-k}) / 2
        const br = (zi[k]! + zi[m]!) / 2,
          bi = (zr[m]! - zr[k]!) / 2; // B_k = (Z_k - conj Z_{n-k}) / 2i
        const pr = ar * spec[k]! - ai * spec[n + k]!,
          pi = ar * spec[n + k]! + ai * spec[k]!; // A Ha
        const qr = br * spec[2 * n + k]! - bi * spec[3 * n + k]!,
          qi = br * spec[3 * n + k]! + bi * spec[2 * n + k]!; // B Hb
        // W_k = P + iQ; W_{n-k} = conj(P) + i conj(Q) (both results real)
        zr[k] = pr - qi;
        zi[k] = pi + qr;
        if (m !== k) {
          zr[m] = pr + qi;
          zi[m] = qr - pi;
        }
      }
      fft(zr, zi, true);
      const sa = skip ? skip[d]! : 0,
        sb = skip && pair ? skip[d + 1]! : 0;
      for (let t = 0; t < T; t++) {
        yT[ca + t] = zr[t]! / n + sa * vT[ca + t]!;
        if (pair) yT[cb + t] = zi[t]! / n + sb * vT[cb + t]!;
      }
    }
  }
  for (let b = 0; b < B; b++) {
    for (let d = 0; d < D; d++) {
      const c = (b * D + d) * T,
        o = b * T * D + d;
      for (let t = 0; t < T; t++) y[o + t * D] = yT[c + t]!;
    }
  }
  return y;
}

/** [B, T, D] -> [B, D, T]. */
function transpose(x: Float32Array, B: number, T: number, D: number): Float32Array {
  const out = new Float32Array(B * T * D);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const i = (b * T + t) * D;
      for (let d = 0; d < D; d++) out[(b * D + d) * T + t] = x[i + d]!;
    }
  }
  return out;
}

/** The spectra of two real signals packed as (a + ib) -> A and B (each re, im) in out [4n]. */
function splitSpectra(zr: Float64Array, zi: Float64Array, out: Float64Array): void {
  const n = zr.length;
  for (let k = 0; k < n; k++) {
    const m = (n - k) % n;
    out[k] = (zr[k]! + zr[m]!) / 2;
    out[n + k] = (zi[k]! - zi[m]!) / 2;
    out[2 * n + k] = (zi[k]! + zi[m]!) / 2;
    out[3 * n + k] = (zr[m]! - zr[k]!) / 2;
  }
}

/** The same sum computed directly, O(T^2 D): the reference the FFT path is tested against. */
export function directCausalConv(
  v: Float32Array,
  h: Float32Array,
  B: number,
  T: number,
  D: number,
  skip?: Float32Array,
): Float32Array {
  const y = new Float32Array(B * T * D);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      for (let d = 0; d < D; d++) {
        let s = skip ? skip[d]! * v[(b * T + t) * D + d]! : 0;
        for (let j = 0; j <= t; j++) s += h[j * D + d]! * v[(b * T + t - j) * D + d]!;
        y[(b * T + t) * D + d] = s;
      }
    }
  }
  return y;
}
