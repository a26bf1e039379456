// The opening zoom shows letters for a sequence of a few screens (the 600-bp gallery promoter on a 1,280-px page),
// fits a long one, and every zoom step stays between the whole sequence and MAX_PX_PER_BASE.
import { describe, expect, it } from 'vitest';
import { detailAt } from '../render/lod';
import { MAX_PX_PER_BASE, trackView } from './trackView';

// the track canvas on a 1,280-px page: app.css's 1,200-px content column less the panel's padding (12 + 12) and
// border (1 + 1), 1,174 px, of which 1,024 px plot right of the 150-px label column (the page's range read-out
// shows "128 of 600 bp" for the gallery promoter)
const WIDTH = 1174;

describe('track zoom', () => {
  it('opens a 600-bp sequence with its bases as letters, scrolling, and zooms out to all of it', () => {
    const w = trackView(600, WIDTH, 0, 0);
    expect(1 / w.view.bpPerPixel).toBe(8);
    expect(detailAt(w.view.bpPerPixel)).toBe('letters');
    expect(w.visible).toBe(128); // 1,024 px / 8
    expect(w.maxStart).toBe(600 - 128);
    // 600 bases on 1,024 px is 0.586 bp/px: three steps out (0.125 -> 0.25 -> 0.5 -> fit)
    expect(w.minZoom).toBe(-3);
    const out = trackView(600, WIDTH, w.minZoom, 0);
    expect(out.view.bpPerPixel).toBeCloseTo(600 / 1024, 12);
    expect(out.visible).toBe(600);
    expect(detailAt(out.view.bpPerPixel)).toBe('bars');
    expect(trackView(600, WIDTH, -99, 0).view.bpPerPixel).toBe(out.view.bpPerPixel);
  });

  it('fits a sequence longer than eight screens of letters, and zooms in to MAX_PX_PER_BASE', () => {
    const w = trackView(100_000, WIDTH, 0, 0);
    expect(w.view.bpPerPixel).toBeCloseTo(100_000 / 1024, 9);
    expect(w.minZoom).toBe(0);
    const inMost = trackView(100_000, WIDTH, w.maxZoom, 0);
    expect(1 / inMost.view.bpPerPixel).toBe(MAX_PX_PER_BASE);
    expect(1 / trackView(100_000, WIDTH, w.maxZoom - 1, 0).view.bpPerPixel).toBeLessThan(MAX_PX_PER_BASE);
  });

  it('keeps a short sequence fitted at the opening and clamps the first base', () => {
    const w = trackView(100, WIDTH, 0, 50);
    expect(w.view.bpPerPixel).toBeCloseTo(100 / 1024, 12); // 10.2 px per base already shows letters
    expect(w.view.start).toBe(0);
    expect(trackView(600, WIDTH, 0, 10_000).view.start).toBe(600 - 128);
  });
});
