// The maps' axes: ticks at round coordinates (genomic for a region), letters only when a cell fits one, and the
// colour bar's scale and ticks; all against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { axisLetters, axisTicks, describeAxis, drawColAxis, drawRowAxis, type AxisSpec } from './axis';
import { colorBarEnds, describeColorBar, drawColorBar } from './colorBar';
import { formatValue, niceStep, scalePosition, scaleTicks } from './colorScale';
import { asCanvasContext, SvgContext } from './svgContext';

const SEQ = 'ACGTACGTAC'.repeat(60); // 600 bases
const spec = (a: Partial<AxisSpec>): AxisSpec => ({
  first: 0,
  span: 512,
  length: 512,
  coordStart: 1,
  sequence: SEQ,
  title: 'key position',
  ...a,
});

describe('axis ticks', () => {
  it('puts ticks at multiples of the smallest round step that keeps them minGap pixels apart', () => {
    // 512 cells on 512 px, 24 px apart: step 50 (20 would be 20 px); positions 1-512 -> 50, 100, ..., 500
    const t = axisTicks(spec({}), 24);
    expect(t.map((x) => x.label)).toEqual(['50', '100', '150', '200', '250', '300', '350', '400', '450', '500']);
    expect(t[0]!.cell).toBe(49); // position 50 is sequence index 49, the 50th cell
    // 16 cells on 640 px (40 px a cell): every position, from first = 100 (position 101)
    const z = axisTicks(spec({ first: 100, span: 16, length: 640 }), 24);
    expect(z.map((x) => x.label)).toEqual(Array.from({ length: 16 }, (_, k) => String(101 + k)));
    expect(z.map((x) => x.cell)).toEqual(Array.from({ length: 16 }, (_, k) => k));
  });

  it('reads genomic coordinates from the region the record is named as', () => {
    // chr22:17558674-...: index 40 is 17,558,714; 24 cells on 480 px (20 px), 90 px apart -> step 5
    const a = spec({ first: 40, span: 24, length: 480, coordStart: 17558674 });
    expect(axisTicks(a, 90).map((x) => [x.cell, x.label])).toEqual([
      [1, '17,558,715'],
      [6, '17,558,720'],
      [11, '17,558,725'],
      [16, '17,558,730'],
      [21, '17,558,735'],
    ]);
    expect(describeAxis(a)).toBe(`key position: 17,558,714-17,558,737, sequence ${SEQ.slice(40, 64)}`);
  });

  it('shows the letters once a cell is 9 pixels wide, not before', () => {
    expect(axisLetters(spec({ first: 3, span: 64, length: 576 }))).toBe(SEQ.slice(3, 67)); // 9 px a cell
    expect(axisLetters(spec({ first: 3, span: 65, length: 576 }))).toBe(''); // 8.9 px
    expect(describeAxis(spec({}))).toBe('key position: 1-512');
  });
});

describe('colour scale', () => {
  it('places values linearly from 0, or over three decades below the top on a log scale', () => {
    expect(scalePosition(0.25, { log: false, vmax: 0.5 })).toBe(0.5);
    expect(scalePosition(2, { log: false, vmax: 0.5 })).toBe(1); // saturates
    // log: 0.5 x 10^-3 is the bottom, each decade a third of the bar
    expect(scalePosition(0.5e-3, { log: true, vmax: 0.5 })).toBeCloseTo(0, 12);
    expect(scalePosition(0.5e-2, { log: true, vmax: 0.5 })).toBeCloseTo(1 / 3, 12);
    expect(scalePosition(0.05, { log: true, vmax: 0.5 })).toBeCloseTo(2 / 3, 12);
    expect(scalePosition(1e-9, { log: true, vmax: 0.5 })).toBe(0);
  });

  it('ticks the bar at round values that fit', () => {
    expect(niceStep(0.13)).toBe(0.2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(10)).toBe(10);
    expect([0.30000000000000004, 1.53e-4, 12345, 0].map(formatValue)).toEqual(['0.3', '1.53e-4', '1.23e4', '0']);
    // 0 to 0.153 on 300 px, 28 px apart: 10 fit, step 0.02 -> 0, 0.02, ..., 0.14
    const lin = scaleTicks({ log: false, vmax: 0.153 }, 300, 28);
    expect(lin.map((t) => formatValue(t.value))).toEqual(['0', '0.02', '0.04', '0.06', '0.08', '0.1', '0.12', '0.14']);
    expect(lin[7]!.pos).toBeCloseTo(0.14 / 0.153, 12);
    // log from 1.53e-4 to 0.153 on 300 px: 100 px a decade holds 1, 2, 5 (3 x 28 = 84 px)
    const lg = scaleTicks({ log: true, vmax: 0.153 }, 300, 28).map((t) => formatValue(t.value));
    expect(lg).toEqual(['2e-4', '5e-4', '0.001', '0.002', '0.005', '0.01', '0.02', '0.05', '0.1']);
    // on 150 px (50 px a decade) only the powers of ten
    expect(scaleTicks({ log: true, vmax: 0.153 }, 150, 28).map((t) => t.value)).toEqual([0.001, 0.01, 0.1]);
  });

  it('names its ends, with ≥ where larger values saturate', () => {
    const b = { scale: { log: true, vmax: 0.153 }, title: 'e(i, j), bits', saturates: true };
    expect(colorBarEnds(b)).toEqual({ bottom: '≤1.53e-4', top: '≥0.153' });
    expect(colorBarEnds({ ...b, scale: { log: false, vmax: 1 }, saturates: false })).toEqual({ bottom: '0', top: '1' });
    expect(describeColorBar(b)).toBe(
      'Colour bar, e(i, j), bits: viridis from ≤1.53e-4 (dark) to ≥0.153 (bright), log scale',
    );
  });
});

describe('axes and colour bar as SVG', () => {
  it('draws the same labels through an SvgContext, the titles rotated along the axes', () => {
    const svg = new SvgContext(700, 700);
    const ctx = asCanvasContext(svg);
    const a = spec({ first: 40, span: 24, length: 480, coordStart: 17558674, title: 'read (j) position on chr22' });
    drawRowAxis(ctx, { ...a, title: 'substituted (i) position on chr22' });
    drawColAxis(ctx, a, 100, 480);
    drawColorBar(ctx, { scale: { log: false, vmax: 0.153 }, title: 'e(i, j), bits', saturates: true }, 480, 600);
    const s = svg.toString();
    const count = (re: RegExp) => (s.match(re) ?? []).length;
    expect(count(/<g /g)).toBe(count(/<\/g>/g));
    // the row axis's and the bar's titles turn a quarter; the column axis's title does not
    expect(count(/<g transform="rotate\(-90\)">/g)).toBe(2);
    expect(s).toContain('>substituted (i) position on chr22</text></g></g>');
    expect(s).toContain('>read (j) position on chr22</text>');
    // 20 px a cell: both axes carry the 24 letters, coloured by base
    expect(count(/fill="#(009E73|0072B2|E69F00|D55E00)">[ACGT]<\/text>/g)).toBe(48);
    expect(s).toContain('>17,558,715</text>');
    expect(s).toContain('>≥0.153</text>');
  });
});
