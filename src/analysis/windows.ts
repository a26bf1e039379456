// Splits a sequence longer than the model's context into overlapping windows.

export interface Window {
  /** The model reads [start, end). */
  start: number;
  end: number;
  /** This window's results are kept for [keepStart, keepEnd); kept ranges tile [0, L). */
  keepStart: number;
  keepEnd: number;
}

/**
 * Windows of `context` bases overlapping by half. A masked model keeps each base from the window
 * where it sits most central; a causal model keeps it from the window that gives it the most
 * left context (at least context/2 bases once past the first window).
 */
export function planWindows(length: number, context: number, causal: boolean): Window[] {
  if (length <= context) return [{ start: 0, end: length, keepStart: 0, keepEnd: length }];
  const stride = Math.floor(context / 2);
  const starts: number[] = [];
  for (let s = 0; s + context < length; s += stride) starts.push(s);
  starts.push(length - context);
  return starts.map((start, k) => {
    const end = start + context;
    let keepStart: number, keepEnd: number;
    if (causal) {
      keepStart = k === 0 ? 0 : starts[k - 1]! + context;
      keepEnd = end;
    } else {
      const centre = (s: number) => s + context / 2;
      keepStart = k === 0 ? 0 : Math.ceil((centre(starts[k - 1]!) + centre(start)) / 2);
      keepEnd = k === starts.length - 1 ? length : Math.ceil((centre(start) + centre(starts[k + 1]!)) / 2);
    }
    return { start, end, keepStart, keepEnd };
  });
}
