import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BRCA1_FASTA, readFasta } from '../cli/data';
import { MAX_SEQUENCE_LENGTH } from '../genome/parseSequence';
import { decodeLink, encodeLink, LinkError, MAX_INFLATED_BYTES, MAX_LINK_CHARS, type ShareState } from './linkCodec';

const seqArb = fc.string({ unit: fc.constantFrom('A', 'C', 'G', 'T', 'N'), minLength: 1, maxLength: 3000 });

/** Uniformly random bases: an exact 32-bit LCG (Math.imul), using high bits (the low ones cycle fast). */
function randomSeq(n: number, seed = 1): string {
  let x = seed, s = '';
  for (let i = 0; i < n; i++) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; s += 'ACGT'[x >>> 30]; }
  return s;
}

const brca1 = readFasta(BRCA1_FASTA)[0]!;

describe('share link codec', () => {
  it('round-trips any state: sequence with N runs, soft-masking and settings', () => {
    fc.assert(fc.property(seqArb, fc.array(fc.boolean(), { maxLength: 3000 }), fc.string({ maxLength: 50 }), (sequence, mask, name) => {
      const softMasked = Uint8Array.from({ length: sequence.length }, (_, i) => (mask[i] ? 1 : 0));
      const state: ShareState = { name, sequence, softMasked, model: 'mlm-hybrid-chr22', focus: sequence.length - 1, layer: 1, head: 2,
        variants: ['12A>G', 'chr17:41245466G>A'], window: 255, bothStrands: true, method: 'wt', view: { zoom: 2, start: sequence.length - 1 } };
      const back = decodeLink(`#${encodeLink(state)}`);
      expect(back.sequence).toBe(sequence);
      expect(Array.from(back.softMasked!)).toEqual(Array.from(softMasked));
      expect({ ...back, softMasked: undefined, sequence: undefined }).toEqual({ ...state, softMasked: undefined, sequence: undefined });
    }), { numRuns: 200 });
  });

  it('makes a 10 kb sequence into a link of a few kilobytes, and any accepted sequence into a link', () => {
    // random bases cannot compress below 2 bits each: 2.5 kB, 3.4 kB in base64url
    const random = encodeLink({ name: 'x', sequence: randomSeq(10_000) });
    expect(random.length).toBeGreaterThan(3300);
    expect(random.length).toBeLessThan(3500);
    // real DNA with its soft-masking (10 kb of the BRCA1 region) compresses a little further
    const real = encodeLink({ name: brca1.name, sequence: brca1.sequence.slice(0, 10_000), softMasked: brca1.softMasked.slice(0, 10_000) });
    expect(real.length).toBeLessThan(3500);
    // the longest accepted input, 100,000 random bases, still fits a link (about 33,400 characters)
    const longest = encodeLink({ name: 'x', sequence: randomSeq(MAX_SEQUENCE_LENGTH) });
    expect(longest.length).toBeGreaterThan(33_000);
    expect(longest.length).toBeLessThan(MAX_LINK_CHARS);
  });

  it('never throws anything but LinkError, whatever the fragment (fuzzed, truncated, edited)', () => {
    const good = encodeLink({ name: 'r', sequence: randomSeq(500), variants: ['1A>C'] });
    const mutate = fc.oneof(
      fc.string({ maxLength: 300 }).map((s) => `s=1.${s}`),
      fc.integer({ min: 0, max: good.length - 1 }).map((n) => good.slice(0, n)),
      fc.tuple(fc.integer({ min: 4, max: good.length - 1 }), fc.constantFrom('A', 'z', '_', '-', '0')).map(([i, c]) => good.slice(0, i) + c + good.slice(i + 1)),
      fc.string({ maxLength: 100 }),
    );
    fc.assert(fc.property(mutate, (frag) => {
      try { decodeLink(frag); } catch (e) { expect(e).toBeInstanceOf(LinkError); expect((e as Error).message.length).toBeGreaterThan(20); }
    }), { numRuns: 1000 });
  });

  it('names the problem of truncated, future-version, foreign and oversized links', () => {
    const good = encodeLink({ name: 'r', sequence: randomSeq(2000) });
    expect(() => decodeLink(good.slice(0, good.length - 40))).toThrow(/cut short|ends early|damaged/);
    expect(() => decodeLink(good.replace(/^s=1\./, 's=7.'))).toThrow(/newer version of the app \(format 7/);
    expect(() => decodeLink('#view=12')).toThrow(/not a share link/);
    expect(() => decodeLink(`s=1.${'A'.repeat(70_000)}`)).toThrow(/over the 64,000/);
  });

  it('refuses a link that inflates past the limit before allocating it (a zip bomb)', () => {
    const bomb = deflateSync(new Uint8Array(50 * MAX_INFLATED_BYTES), { level: 9 });
    const b64 = btoa(String.fromCharCode(...bomb)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(b64.length).toBeLessThan(64_000);
    expect(() => decodeLink(`s=1.${b64}`)).toThrow(/expands to more than 256 KB/);
  });

  it('rejects settings that do not fit the sequence', () => {
    const link = encodeLink({ name: 'r', sequence: 'ACGT', focus: 10 });
    expect(() => decodeLink(link)).toThrow(/its focus is not valid/);
  });
});
