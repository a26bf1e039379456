// Share links written and read: any state round-trips, a 10 kb sequence makes a link of a few kilobytes, links
// of earlier formats (1: no check; 2: flat settings) still open, and settings must fit the sequence.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SEQUENCE_LENGTH } from '../genome/parseSequence';
import { REPO_ROOT } from '../node/nodeRuntime';
import { crc32 } from './crc32';
import { encodeFrame, MAX_LINK_CHARS } from './linkCodec';
import { LinkError } from './linkError';
import { decodeLink, encodeLink, type SavedAnalysis } from './savedAnalysis';
import { bare, brca1, noBrca1, randomSeq, realStates } from './testLinks';

const seqArb = fc.string({ unit: fc.constantFrom('A', 'C', 'G', 'T', 'N'), minLength: 1, maxLength: 3000 });
/** A link made by the app before links carried a check (format 1): the lambda example with one variant. */
const V1_LAMBDA_LINK = readFileSync(join(REPO_ROOT, 'test/data/share-link-v1.txt'), 'utf8').trim();
/** A format-2 link (flat settings), made by the app before the saved-analysis shape: every field it could hold. */
const V2_LAMBDA_LINK = readFileSync(join(REPO_ROOT, 'test/data/share-link-v2.txt'), 'utf8').trim();

describe('share link codec', () => {
  it('round-trips any state: sequence with N runs, soft-masking and settings', () => {
    fc.assert(
      fc.property(
        seqArb,
        fc.array(fc.boolean(), { maxLength: 3000 }),
        fc.string({ maxLength: 50 }),
        (sequence, mask, name) => {
          const softMasked = Uint8Array.from({ length: sequence.length }, (_, i) => (mask[i] ? 1 : 0));
          const state: SavedAnalysis = {
            name,
            sequence,
            softMasked,
            models: { primary: 'mlm-hybrid-chr22' },
            view: { zoom: 2, start: sequence.length - 1, focus: sequence.length - 1 },
            analyses: {
              attention: { layer: 1, head: 2 },
              variants: { variants: ['12A>G', 'chr17:41245466G>A'], window: 255, bothStrands: true },
            },
          };
          const back = decodeLink(`#${encodeLink(state)}`);
          expect(back.sequence).toBe(sequence);
          expect(Array.from(back.softMasked!)).toEqual(Array.from(softMasked));
          expect({ ...back, softMasked: undefined, sequence: undefined }).toEqual({
            ...state,
            softMasked: undefined,
            sequence: undefined,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it.skipIf(noBrca1)(
    'makes a 10 kb sequence into a link of a few kilobytes, and any accepted sequence into a link',
    () => {
      // random bases cannot compress below 2 bits each: 2.5 kB, 3.4 kB in base64url
      const random = encodeLink({ ...bare, name: 'x', sequence: randomSeq(10_000) });
      expect(random.length).toBeGreaterThan(3300);
      expect(random.length).toBeLessThan(3500);
      // real DNA with its soft-masking (10 kb of the BRCA1 region) compresses a little further
      const real = encodeLink({
        ...bare,
        name: brca1.name,
        sequence: brca1.sequence.slice(0, 10_000),
        softMasked: brca1.softMasked.slice(0, 10_000),
      });
      expect(real.length).toBeLessThan(3500);
      // the longest accepted input, 100,000 random bases, still fits a link (about 33,400 characters)
      const longest = encodeLink({ ...bare, name: 'x', sequence: randomSeq(MAX_SEQUENCE_LENGTH) });
      expect(longest.length).toBeGreaterThan(33_000);
      expect(longest.length).toBeLessThan(MAX_LINK_CHARS);
    },
  );

  it('checks with the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('still reads a version-1 link (made before links had a check) and says it carries none', () => {
    const got = decodeLink(V1_LAMBDA_LINK);
    expect(got.name).toBe('NC_001416.1:37800-38799');
    expect(got.sequence.slice(0, 10)).toBe('GCCTGACTGC');
    expect(got.sequence).toHaveLength(1000);
    expect(got.analyses.variants?.variants).toEqual(['5G>A']);
    expect(got.notice).toMatch(/format 1.*no check/);
    expect(decodeLink(encodeLink(realStates()[1]!)).notice).toBeUndefined();
  });

  it('rejects settings that do not fit the sequence', () => {
    const link = encodeLink({ ...bare, name: 'r', sequence: 'ACGT', view: { focus: 10 } });
    expect(() => decodeLink(link)).toThrow(/its focus is not valid/);
    const region = encodeLink({
      ...bare,
      name: 'r',
      sequence: 'ACGT',
      analyses: { mutagenesis: { start: 2, end: 9, method: null } },
    });
    expect(() => decodeLink(region)).toThrow(/its mutagenesis region is not valid/);
  });

  it('opens a format-2 link (flat settings) with every setting where the saved-analysis shape keeps it', () => {
    const got = decodeLink(V2_LAMBDA_LINK);
    expect(got.notice).toBeUndefined();
    expect(got.name).toBe('NC_001416.1:37800-38799');
    expect(got.models).toEqual({ primary: 'clm-hybrid-chr22', compare: 'mlm-hybrid-chr22' });
    expect(got.view).toEqual({ zoom: 3, start: 100, focus: 20 });
    expect(got.analyses).toEqual({
      attention: { layer: 1, head: 3 },
      variants: { variants: ['5G>A', '40C>T'], window: 511, bothStrands: true },
      mutagenesis: { start: 10, end: 30, method: 'dll' },
      dependency: { start: 50, end: 90, strands: 'both' },
    });
    // and it is written again in format 3 to the same analysis
    expect(decodeLink(encodeLink(got))).toEqual({ ...got, softMasked: got.softMasked });
  });

  it('refuses a format-3 link whose format digit was edited to an older one (the digit is outside the check)', () => {
    const link = encodeLink(realStates()[1]!);
    for (const v of ['1', '2']) expect(() => decodeLink(link.replace(/^s=3\./, `s=${v}.`))).toThrow(LinkError);
  });

  it('opens a link holding an analysis this version does not know, leaving it out with a notice', () => {
    const link = encodeFrame({ name: 'r', models: {}, view: {}, analyses: { future: { x: 1 } } }, 'ACGT');
    expect(decodeLink(link)).toMatchObject({
      analyses: {},
      notice: expect.stringMatching(/future, which this version of the app does not have/),
    });
  });
});
