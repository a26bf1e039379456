// The few-shot prediction files on a hand-written case: header by label kind, six decimals, empty cells and '.'
// where a row has no prediction, and the VCF's INFO declared before it is used.
import { describe, expect, it } from 'vitest';
import { predictionsTsv, predictionsVcf, type PredictionRow } from './predictions';

const rows: PredictionRow[] = [
  { chrom: '17', pos: 41209148, ref: 'T', alt: 'G', probe: 0.25, baseline: 1 / 3, note: '' },
  { chrom: '17', pos: 41209154, ref: 'T', alt: 'TA', probe: null, baseline: null, note: 'not a substitution' },
  { chrom: '', pos: null, ref: '', alt: '', probe: null, baseline: null, note: 'VCF line 7 not read: bad POS' },
];

describe('few-shot prediction files', () => {
  it('writes the TSV npm run fewshot writes, probability columns for class labels', () => {
    expect(predictionsTsv('binary', rows).split('\n')).toEqual([
      'chrom\tpos\tref\talt\tprobability\tbaseline_probability\tnote',
      '17\t41209148\tT\tG\t0.250000\t0.333333\t',
      '17\t41209154\tT\tTA\t\t\tnot a substitution',
      '\t\t\t\t\t\tVCF line 7 not read: bad POS',
      '',
    ]);
    expect(predictionsTsv('continuous', []).split('\t')[4]).toBe('prediction');
  });

  it('writes a VCF whose INFO fields are declared, a row without a position left out', () => {
    const lines = predictionsVcf('binary', 'embedding, 35 labels', rows).trim().split('\n');
    expect(lines[0]).toBe('##fileformat=VCFv4.2');
    expect(lines.filter((l) => l.startsWith('##INFO=<ID=GLM_PROBE,Number=A,Type=Float,'))).toHaveLength(1);
    expect(lines[2]).toContain('embedding, 35 labels');
    expect(lines[3]).toBe('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO');
    expect(lines.slice(4)).toEqual([
      '17\t41209148\t.\tT\tG\t.\t.\tGLM_PROBE=0.250000;GLM_BASELINE=0.333333',
      '17\t41209154\t.\tT\tTA\t.\t.\tGLM_PROBE=.;GLM_BASELINE=.',
    ]);
  });
});
