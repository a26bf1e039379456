import { describe, expect, it } from 'vitest';
import { drawMutagenesis } from './mutagenesis';
import { asCanvasContext, SvgContext } from './svgContext';
import { drawTracks, LABEL_WIDTH, SURPRISE_MAX_BITS, tracksHeight } from './tracks';

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

  it('draws the tracks with balanced clip groups', () => {
    const L = 20;
    const svg = new SvgContext(400, tracksHeight());
    drawTracks(
      asCanvasContext(svg),
      {
        sequence: 'ACGTN'.repeat(4),
        logprobs: new Float32Array(L * 4).fill(Math.log(0.25)),
        observedBits: new Float32Array(L).fill(-2),
        entropyBits: new Float32Array(L).fill(2),
        focus: 3,
      },
      { start: 0, bpPerPixel: L / 250, width: 400 },
    );
    const s = svg.toString();
    expect(count(s, /<g /g)).toBe(count(s, /<\/g>/g));
    expect(count(s, /<g /g)).toBe(5); // one clip per track
    expect(s).toContain('>log2 P(observed base)</text>');
    expect(s).toContain('>P(A, C, G, T)</text>');
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
    const svg = new SvgContext(width, tracksHeight());
    drawTracks(
      asCanvasContext(svg),
      {
        sequence: 'A'.repeat(L),
        logprobs: new Float32Array(L * 4).fill(Math.log(0.25)),
        observedBits,
        entropyBits: new Float32Array(L).fill(1),
        focus: null,
      },
      { start: 0, bpPerPixel: L / plotW, width },
    );
    const s = svg.toString();
    // background, surprise, entropy, 4 stack layers and the sequence: 1 + 1 + 1 + 4 + 1 bars per pixel at most
    expect(count(s, /<rect /g)).toBeLessThanOrEqual(5 + plotW * 7);
    const surprise = [...s.matchAll(/<rect x="[\d.]+" y="0" width="1" height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(surprise.length).toBe(plotW);
    expect(surprise.every((hgt) => Math.abs(hgt - (3 / SURPRISE_MAX_BITS) * 70) < 0.01)).toBe(true);
  });
});
