// Radix-2 complex FFT on Float64Arrays, in place: the long convolution's transform (longConv.ts).
// Written here because tfjs has no FFT kernel on wasm, and its cpu FFT is float32 and falls back to an
// O(n^2) DFT for lengths that are not powers of two.

/** Twiddles cos/sin(2 pi k / n), k < n / 2, kept per size: a forward pass uses one or two sizes. */
const twiddles = new Map<number, { cos: Float64Array; sin: Float64Array }>();

function twiddlesFor(n: number): { cos: Float64Array; sin: Float64Array } {
  let t = twiddles.get(n);
  if (!t) {
    t = { cos: new Float64Array(n / 2), sin: new Float64Array(n / 2) };
    for (let k = 0; k < n / 2; k++) { t.cos[k] = Math.cos((2 * Math.PI * k) / n); t.sin[k] = Math.sin((2 * Math.PI * k) / n); }
    if (twiddles.size > 8) twiddles.clear();
    twiddles.set(n, t);
  }
  return t;
}

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * In-place DFT of (re, im), length n a power of two: X_k = sum_j x_j e^{-2 pi i jk/n}, or with
 * `inverse` the unnormalised inverse (e^{+...}; divide by n yourself).
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (n !== im.length || (n & (n - 1)) !== 0) throw new Error(`fft: length ${n} is not a power of two matching both parts`);
  for (let i = 1, j = 0; i < n; i++) { // bit-reversal permutation
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]!; re[i] = re[j]!; re[j] = t;
      t = im[i]!; im[i] = im[j]!; im[j] = t;
    }
  }
  const { cos, sin } = twiddlesFor(n);
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size *= 2) {
    const half = size / 2, step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!, wi = sign * sin[k * step]!;
        const a = start + k, b = a + half;
        const xr = re[b]! * wr - im[b]! * wi, xi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - xr; im[b] = im[a]! - xi;
        re[a] = re[a]! + xr; im[a] = im[a]! + xi;
      }
    }
  }
}
