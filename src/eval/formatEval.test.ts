// The markdown report from hand-made results: which rows and columns, and how each number is written.
import { describe, expect, it } from 'vitest';
import type { CountedAuroc, EvalSummary, MethodResult, ModelResult, PairedResult } from './evaluate';
import { formatEval, withDifference, withInterval } from './formatEval';
import type { AurocDifference } from './metrics';

const a = (auc: number, lo: number, hi: number): CountedAuroc => ({
  auc,
  se: (hi - lo) / 3.92,
  lo,
  hi,
  positives: 3,
  negatives: 5,
});
const none: CountedAuroc = { auc: NaN, se: NaN, lo: NaN, hi: NaN, positives: 0, negatives: 5 };
const d = (diff: number, lo: number, hi: number, p: number): AurocDifference => ({
  a: 0.6,
  b: 0.6 - diff,
  diff,
  se: 0.01,
  lo,
  hi,
  p,
  m: 3,
  n: 5,
});
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

const method = (m: MethodResult['method'], all: CountedAuroc): MethodResult => ({
  method: m,
  window: 63,
  strands: 1,
  all,
  contrasts: [a(0.6094, 0.52, 0.69), none, a(0.5, 0.45, 0.55), a(0.5, 0.45, 0.55)],
  byGroup: [0.49, NaN, 0.25, 0.7, 0.3, NaN],
  variantsPerSecond: 187.94,
  scores: [],
});
const summary: EvalSummary = {
  regionSource: 'brca1/region.fa',
  variants: 8,
  lof: 3,
  heldoutGenes: 52,
  sites: { donor: 400, acceptor: 400, stop: 400, random: 624, 'random repeat': 376 },
  groupLof: [1, 1, 0, 1, 0, 0],
};
const models: ModelResult[] = [
  {
    name: 'mlm-a',
    kind: 'MLM 1.52M',
    heldout: { bits: 1.4939, positions: 2000, seconds: 103.04 },
    probe: { donor: { n: 400, meanP: 0.5836, bits: 1 }, random: { n: 624, meanP: 0.3, bits: 1.857 } },
    methods: [method('masked', a(0.5477, 0.513, 0.584))],
  },
  { name: 'mlm-b', kind: 'MLM 1.52M', heldout: null, probe: {}, methods: [method('masked', a(0.466, 0.43, 0.5))] },
];
const paired: PairedResult[] = [
  {
    name: 'mlm-b',
    method: 'masked',
    window: 63,
    strands: 1,
    all: d(-0.082, -0.11, -0.06, 0.0001),
    contrasts: [d(0, 0, 0, 1), d(0, 0, 0, 1), d(0, 0, 0, 1), d(0, 0, 0, 1)],
  },
];

describe('formatEval', () => {
  it('writes an AUROC with its interval and a difference with its interval and p-value', () => {
    expect(withInterval(a(0.5477, 0.513, 0.584))).toBe('0.548 (0.51-0.58)');
    expect(withInterval(none)).toBe('–');
    expect(withDifference(d(0.0123, -0.03, 0.054, 0.58))).toBe('+0.012 (-0.03 to +0.05; p 0.580)');
    expect(withDifference(d(-0.2, -0.3, -0.1, 0.0004))).toBe('-0.200 (-0.30 to -0.10; p <0.001)');
  });

  it('makes one row per model and method, in the order given, with the counts in the headings', () => {
    const lines = formatEval({ backend: 'wasm', summary, models, paired }).split('\n');
    expect(lines[0]).toBe('# gLM Playground evaluation (wasm backend)');
    expect(lines).toContain('## Held-out bits per nucleotide: brca1/region.fa, 2000 fixed positions, 256-bp windows');
    // mlm-b measured no held-out bits: its row is left out, the uniform line closes the table
    const heldout = lines.filter((l) => l.startsWith('| mlm-') && l.includes('2000'));
    expect(heldout).toEqual([row(['mlm-a', 'MLM 1.52M', '1.494', 2000, '103.0'])]);
    expect(lines).toContain(row(['mlm-a', '0.584', '–', '–', '0.300', '–', '1.857', '–']));
    expect(lines).toContain('Sites: donor 400, acceptor 400, stop 400, random 624, random repeat 376.');
    expect(lines).toContain('## BRCA1 SGE dev AUROC (LOF 3 vs FUNC+INT 5; score < 0 = damaging)');
    const header = lines.find((l) => l.startsWith('| model | method |') && l.endsWith('variants/s |'))!;
    expect(header).toContain('| missense (1 LOF) | nonsense (1 LOF) | synonymous (0 LOF) |');
    expect(lines[lines.indexOf(header) + 1]).toBe(`|${'---|'.repeat(header.split(' | ').length)}`);
    const half = '0.500 (0.45-0.55)';
    expect(lines).toContain(
      row([
        'mlm-a',
        'masked',
        63,
        1,
        '0.548 (0.51-0.58)',
        '0.609 (0.52-0.69)',
        '–',
        half,
        half,
        '0.490',
        '–',
        '0.250',
        '0.700',
        '0.300',
        '–',
        '187.9',
      ]),
    );
    expect(lines).toContain('## Paired against mlm-a (the first network): AUROC differences on the same dev variants');
    const nothing = '+0.000 (+0.00 to +0.00; p 1.000)';
    const worse = '-0.082 (-0.11 to -0.06; p <0.001)';
    expect(lines).toContain(row(['mlm-b', 'masked', 63, 1, worse, nothing, nothing, nothing, nothing]));
    expect(formatEval({ backend: 'cpu', summary, models: models.slice(0, 1), paired: [] })).not.toContain('## Paired');
  });
});
