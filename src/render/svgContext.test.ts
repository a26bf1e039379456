import { describe, expect, it } from 'vitest';
import { drawMutagenesis } from './mutagenesis';
import { asCanvasContext, SvgContext } from './svgContext';
import { drawTracks, LABEL_WIDTH, SURPRISE_MAX_BITS, trackLayout, tracksHeight } from './tracks';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('SVG export through the canvas drawing code', () => {
  it('draws a mutagenesis matrix as one rectangle per cell plus the base labels', () => {
    const svg = new SvgContext(200, 88);
    drawMutagenesis(asCanvasContext(svg), Float32Array.from([NaN, -1, 0.5, 2, 1, NaN, -2, 0]), 'AC', 0, {
      width: 200,
      scale: 2,
    });
    const s = svg.toString();
    expect(s.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="88"')).toBe(true);
    expect(count(s, /<rect /g)).toBe(8);
    expect(count(s, /<text /g)).toBe(4 + 2); // A C G T row labels, and the two reference letters (cells are wide)
    expect(s).toContain('fill="rgb(179,88,6)"'); // -scale is the full orange end
  });

  it('draws the tracks with balanced clip groups, each named with its unit', () => {
    const L = 20;
    const data = {
      name: 'chr1:101-120',
      sequence: 'ACGTN'.repeat(4),
      logprobs: new Float32Array(L * 4).fill(Math.log(0.25)),
      observedBits: new Float32Array(L).fill(-2),
      entropyBits: new Float32Array(L).fill(2),
      focus: 3,
    };
    const svg = new SvgContext(400, tracksHeight(data));
    drawTracks(asCanvasContext(svg), data, { start: 0, bpPerPixel: L / 250, width: 400 });
    const s = svg.toString();
    expect(count(s, /<g /g)).toBe(count(s, /<\/g>/g));
    expect(s).toContain('>log2 P(observed)</text>');
    expect(s).toContain('>logo (bits)</text>');
    expect(s).toContain('>chr1</text>'); // the ruler names the chromosome
    expect(s).toContain('>101-120 (20 bp)</text>');
  });

  it('escapes text and attribute values, so a record name cannot break the SVG', () => {
    const svg = new SvgContext(100, 20);
    svg.fillStyle = 'rgb(1,2,3)" onload="x';
    svg.fillText('chr1 <A&B> "q"', 0, 0);
    const s = svg.toString();
    expect(s).toContain('>chr1 &lt;A&amp;B&gt; &quot;q&quot;</text>');
    expect(s).toContain('fill="rgb(1,2,3)&quot; onload=&quot;x"');
    expect(s).not.toContain('<A&B>');
  });

  it('draws one column per pixel when zoomed out, each the mean of its bases', () => {
    const L = 100_000,
      width = 400,
      plotW = width - LABEL_WIDTH;
    const observedBits = new Float32Array(L).map((_, i) => (i % 2 ? -2 : -4)); // every pixel holds both: mean -3
    const data = {
      name: 'seq',
      sequence: 'A'.repeat(L),
      logprobs: new Float32Array(L * 4).fill(Math.log(0.25)),
      observedBits,
      entropyBits: new Float32Array(L).fill(1),
      focus: null,
    };
    const svg = new SvgContext(width, tracksHeight(data));
    drawTracks(asCanvasContext(svg), data, { start: 0, bpPerPixel: L / plotW, width });
    const s = svg.toString();
    // the logo (4 layers), log2 P and entropy: at most 6 bars per pixel, plus the frames
    expect(count(s, /<rect /g)).toBeLessThanOrEqual(100 + plotW * 6);
    const band = trackLayout(data).find((b) => b.key === 'surprise')!;
    const bars = [...s.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="1" height="([\d.]+)"/g)]
      .filter((m) => Number(m[1]) >= LABEL_WIDTH && Number(m[2]) === band.top)
      .map((m) => Number(m[3]));
    expect(bars.length).toBe(plotW);
    expect(bars.every((hgt) => Math.abs(hgt - (3 / SURPRISE_MAX_BITS) * band.height) < 0.01)).toBe(true);
  });
});
