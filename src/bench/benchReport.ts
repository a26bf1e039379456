// npm run bench's main tables, as markdown: the forward pass against PyTorch, Node's load, memory and
// mutagenesis, and the page's load, first result and largest input.

import { MAX_SEQUENCE_LENGTH } from '../genome/parseSequence';
import type { BrowserResults } from './browserBench';

export const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => `|${'---|'.repeat(n)}`;
export const grouped = (n: number) => n.toLocaleString('en-US');

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;

/** "median (min-max) ×ratio" against `ref`, or a dash where the case was not run. */
export const timeCell = (xs: number[] | undefined, ref: number) =>
  xs ? `${median(xs).toFixed(0)} (${spread(xs)}) ×${(median(xs) / ref).toFixed(2)}` : '–';

export function forwardIntro(repeats: number): string {
  return (
    'Forward pass over L bases (planWindows: 512-base windows, stride 256, one batch), milliseconds: median ' +
    `(min-max) over ${repeats} runs after a warm-up (Node cpu and WebGPU: 2, at 512 bases only), and the ratio ` +
    'to single-thread PyTorch measured in this run: the faster median of its two allocator settings. PyTorch times the cases in turn, round by round, once keeping freed memory in the process and ' +
    "once with glibc's default allocator, which unmaps large blocks and page-faults them back in, more or less " +
    "depending on what ran before (training/bench_torch.py). Chromium's WebGPU is SwiftShader (software): it " +
    'proves correctness, not speed.\n'
  );
}

export function forwardHeader(wasmThreads: string): string {
  const columns = [
    'model',
    'L',
    'windows',
    'PyTorch 1 thread, freed memory kept',
    'PyTorch 1 thread, glibc malloc defaults',
    'PyTorch 2 threads, freed memory kept',
    'Node wasm (1 thread)',
    'Node cpu',
    'Chromium wasm, 1 thread',
    `Chromium wasm, ${wasmThreads} threads (app default)`,
    'Chromium WebGPU',
  ];
  return `${row(columns)}\n${rule(columns.length)}`;
}

const NODE_COLUMNS = [
  'model',
  'load + verify (Node wasm, ms)',
  'tfjs memory after load (MB)',
  'tfjs peak during one pass (MB)',
  '1 kb saturation mutagenesis (Node wasm)',
  "100 bp of it (451-550) reusing each window's reference pass vs not",
  'process RSS now (MB)',
  'process peak RSS so far (MB)',
];
export const NODE_HEADER = `${row(NODE_COLUMNS)}\n${rule(NODE_COLUMNS.length)}`;

/** The page's table: load to model ready, Run to a first result, the largest input and the page's memory. */
export function pageTable(models: readonly { id: string }[], browser: BrowserResults): string[] {
  const columns = [
    'model',
    'Chromium wasm: page load to model ready (ms)',
    'Chromium wasm: Run to first result, 1 kb (ms)',
    `Chromium wasm: largest input (${grouped(MAX_SEQUENCE_LENGTH)} bases) to the end (first model of each objective)`,
    'page memory after it (measureUserAgentSpecificMemory, MB)',
    'Chromium WebGPU: page load to model ready (ms)',
  ];
  return [
    row(columns),
    rule(columns.length),
    ...models.map((m) => {
      const w = browser.wasm?.[m.id];
      const largest = w?.largest;
      return row([
        m.id,
        w?.loadMs ?? '–',
        w?.firstResultMs ?? '–',
        largest ? `${(largest.ms / 1000).toFixed(1)} s` : '–',
        largest && Number.isFinite(largest.bytes) ? (largest.bytes / 1e6).toFixed(0) : '–',
        browser.webgpu?.[m.id]?.loadMs ?? '–',
      ]);
    }),
  ];
}
