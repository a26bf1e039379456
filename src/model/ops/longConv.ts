// The Hyena long convolution (fft_causal_conv in training/model.py) on typed arrays:
// y[t, d] = sum_{j <= t} h[j, d] v[t - j, d], by FFT zero-padded past 2T (no wrap-around), in float64.
// Two real channels share one complex transform (a + ib), so a channel pair costs three FFTs of its filters
// and signals and one inverse.

import { fft, nextPow2 } from './fft';

/** Channels transformed per block: the channel-major copies hold this many channels at a time, not all D. */
const BLOCK = 16;

/**
 * v [B, T, D] row-major, h [>= T, D] (only lags < T are read) -> y [B, T, D] (float32), plus skip[d] * v.
 * The filter's spectrum is computed once per call and shared by the B rows. Channels go in blocks of BLOCK,
 * copied channel-major so the transforms read and write contiguous runs: whole channel-major copies of v, h
 * and y were 3 x 156 MiB at medium-160k's 160,000 positions and 256 channels.
 */
export function causalLongConv(
  v: Float32Array,
  h: Float32Array,
  B: number,
  T: number,
  D: number,
  skip?: Float32Array,
): Float32Array {
  if (v.length !== B * T * D || h.length < T * D) {
    throw new Error(`causalLongConv: v has ${v.length} values for [${B}, ${T}, ${D}], h ${h.length}`);
  }
  const n = nextPow2(2 * T),
    G = Math.min(BLOCK, D);
  const y = new Float32Array(B * T * D);
  const vT = new Float32Array(B * G * T),
    hT = new Float32Array(G * T),
    yT = new Float32Array(B * G * T);
  const hr = new Float64Array(n),
    hi = new Float64Array(n),
    zr = new Float64Array(n),
    zi = new Float64Array(n);
  const spec = new Float64Array(4 * n); // the pair's filter spectra: Ha (re, im), Hb (re, im)
  for (let d0 = 0; d0 < D; d0 += G) {
    const g = Math.min(G, D - d0);
    for (let t = 0; t < T; t++) for (let c = 0; c < g; c++) hT[c * T + t] = h[t * D + d0 + c]!;
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        const row = (b * T + t) * D + d0;
        for (let c = 0; c < g; c++) vT[(b * g + c) * T + t] = v[row + c]!;
      }
    }
    for (let c = 0; c < g; c += 2) {
      const pair = c + 1 < g,
        d = d0 + c;
      hr.fill(0);
      hi.fill(0);
      hr.set(hT.subarray(c * T, (c + 1) * T));
      if (pair) hi.set(hT.subarray((c + 1) * T, (c + 2) * T));
      fft(hr, hi);
      splitSpectra(hr, hi, spec);
      for (let b = 0; b < B; b++) {
        const ca = (b * g + c) * T,
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
          const qr = br * spec[2 * n + k]! - bi * spec[3 * n + k]!; // B Hb
          const qi = br * spec[3 * n + k]! + bi * spec[2 * n + k]!;
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
      for (let t = 0; t < T; t++) {
        const row = (b * T + t) * D + d0;
        for (let c = 0; c < g; c++) y[row + c] = yT[(b * g + c) * T + t]!;
      }
    }
  }
  return y;
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
