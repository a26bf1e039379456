import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRCA1_FASTA, readFasta } from '../node/data';
import { REPO_ROOT } from '../node/nodeRuntime';
import { mustSkip } from '../node/prerequisites';
import { parseRegion } from '../genome/region';
import { MAX_SEQUENCE_LENGTH, parseSequence } from '../genome/parseSequence';
import { crc32 } from './crc32';
import { encodeFrame, MAX_INFLATED_BYTES, MAX_LINK_CHARS } from './linkCodec';
import { LinkError } from './linkError';
import { decodeLink, encodeLink, type SavedAnalysis } from './savedAnalysis';

const seqArb = fc.string({ unit: fc.constantFrom('A', 'C', 'G', 'T', 'N'), minLength: 1, maxLength: 3000 });

/** Uniformly random bases: an exact 32-bit LCG (Math.imul), using high bits (the low ones cycle fast). */
function randomSeq(n: number, seed = 1): string {
  let x = seed,
    s = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    s += 'ACGT'[x >>> 30];
  }
  return s;
}

const noBrca1 = mustSkip(inject('prerequisites'), 'the share-link tests on real BRCA1 DNA (shared data)', {
  shared: true,
});
const brca1 = noBrca1 ? { name: '', sequence: '', softMasked: new Uint8Array(0) } : readFasta(BRCA1_FASTA)[0]!;
/** A link made by the app before links carried a check (format 1): the lambda example with one variant. */
const V1_LAMBDA_LINK = readFileSync(join(REPO_ROOT, 'test/data/share-link-v1.txt'), 'utf8').trim();
/** A format-2 link (flat settings), made by the app before the saved-analysis shape: every field it could hold. */
const V2_LAMBDA_LINK = readFileSync(join(REPO_ROOT, 'test/data/share-link-v2.txt'), 'utf8').trim();
const bare = { models: {}, view: {}, analyses: {} };
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Real analyses as the app shares them: 717 bp of BRCA1 with 13 variants; the lambda example; a soft-masked Alu. */
function realStates(): SavedAnalysis[] {
  const from = 41_245_001 - parseRegion(brca1.name).start;
  const sequence = brca1.sequence.slice(from, from + 717);
  const variants = Array.from({ length: 13 }, (_, k) => {
    const i = 20 + k * 51;
    return `chr17:${41_245_001 + i}${sequence[i]}>${sequence[i] === 'A' ? 'G' : 'A'}`;
  });
  const example = (file: string) =>
    parseSequence(readFileSync(join(REPO_ROOT, 'public/examples', file), 'utf8')).records[0]!;
  const lambda = example('lambda_cI_cro.fa'),
    alu = example('human_alu_chr22.fa');
  return [
    {
      name: 'chr17:41245001-41245717',
      sequence,
      softMasked: brca1.softMasked.slice(from, from + 717),
      models: { primary: 'mlm-hybrid-chr22' },
      view: { focus: 358 },
      analyses: { attention: { layer: 1, head: 0 }, variants: { variants, window: 256, bothStrands: false } },
    },
    {
      name: lambda.name,
      sequence: lambda.sequence,
      softMasked: lambda.softMasked,
      models: { primary: 'clm-hybrid-chr22' },
      view: { zoom: 3, start: 100, focus: 20 },
      analyses: {
        attention: { layer: 1, head: 3 },
        variants: { variants: ['5G>A'], window: 512, bothStrands: true },
        mutagenesis: { start: 10, end: 30, method: 'dll' },
      },
    },
    {
      name: alu.name,
      sequence: alu.sequence,
      softMasked: alu.softMasked,
      models: { primary: 'mlm-hybrid-chr22' },
      view: {},
      analyses: {},
    },
  ];
}

/** The decoded state, or the LinkError's message; anything else thrown fails the test. */
function outcome(link: string): SavedAnalysis | string {
  try {
    return decodeLink(link);
  } catch (e) {
    if (e instanceof LinkError) return e.message;
    throw e;
  }
}

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

  it.skipIf(noBrca1)(
    'refuses every single-character edit, deletion, insertion and truncation of a real link that changes what it decodes to',
    () => {
      const states = realStates();
      const links = states.map(encodeLink);
      const originals = links.map((l) => decodeLink(l));
      const edit = fc.integer({ min: 0, max: links.length - 1 }).chain((k) =>
        fc.tuple(
          fc.constant(k),
          fc.oneof(
            fc.tuple(fc.nat(links[k]!.length - 1), fc.integer({ min: 1, max: 63 })).map(([i, d]) => {
              const l = links[k]!,
                c = BASE64URL.indexOf(l[i]!);
              return l.slice(0, i) + (c < 0 ? BASE64URL[d]! : BASE64URL[(c + d) % 64]!) + l.slice(i + 1);
            }),
            fc.nat(links[k]!.length - 1).map((i) => links[k]!.slice(0, i) + links[k]!.slice(i + 1)),
            fc
              .tuple(fc.nat(links[k]!.length), fc.constantFrom(...BASE64URL))
              .map(([i, c]) => links[k]!.slice(0, i) + c + links[k]!.slice(i)),
            fc.nat(links[k]!.length - 1).map((n) => links[k]!.slice(0, n)),
          ),
        ),
      );
      fc.assert(
        fc.property(edit, ([k, damaged]) => {
          const got = outcome(damaged);
          if (typeof got === 'string')
            expect(got).toMatch(
              /damaged|incomplete|cut short|not a share link|newer version|Unknown share link format|not part of a share link/,
            );
          else expect(got).toEqual(originals[k]);
        }),
        { numRuns: 3000 },
      );
    },
  );

  it.skipIf(noBrca1)(
    "refuses all 800 edits of the issue's experiment (each character shifted by 1 and by 17 places), saying the link is damaged",
    () => {
      const state = realStates()[0]!;
      const link = encodeLink(state);
      const original = decodeLink(link);
      let refused = 0,
        identical = 0;
      const start = link.indexOf('.') + 1;
      expect(link.length).toBeGreaterThan(start + 400); // 400 characters, none of them the last (whose low bits may be unused)
      for (let i = start; i < start + 400; i++) {
        for (const shift of [1, 17]) {
          const damaged = link.slice(0, i) + BASE64URL[(BASE64URL.indexOf(link[i]!) + shift) % 64] + link.slice(i + 1);
          const got = outcome(damaged);
          if (typeof got === 'string') {
            expect(got).toMatch(/damaged|incomplete/);
            refused++;
          } else {
            expect(got).toEqual(original);
            identical++;
          }
        }
      }
      expect(refused + identical).toBe(800);
      expect(identical).toBe(0);
    },
  );

  it('checks with the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('refuses a well-formed link whose content no longer matches its check, naming the check', () => {
    const link = encodeLink(realStates()[0]!);
    const b64 = link.slice(4).replace(/-/g, '+').replace(/_/g, '/');
    const payload = inflateSync(
      Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0)),
    );
    payload[payload.length - 40]! ^= 1; // one base of the packed sequence, the stored CRC-32 left as it was
    const forged = `s=3.${btoa(String.fromCharCode(...deflateSync(payload)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')}`;
    expect(() => decodeLink(forged)).toThrow(/^The link is damaged: its check \(CRC-32\) does not match its content/);
    expect(link.startsWith('s=3.')).toBe(true);
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

  it('never throws anything but LinkError, whatever the fragment (fuzzed, truncated, edited)', () => {
    const good = encodeLink({
      ...bare,
      name: 'r',
      sequence: randomSeq(500),
      analyses: { variants: { variants: ['1A>C'], window: 256, bothStrands: false } },
    });
    const mutate = fc.oneof(
      fc.string({ maxLength: 300 }).map((s) => `s=1.${s}`),
      fc.string({ maxLength: 300 }).map((s) => `s=2.${s}`),
      fc.string({ maxLength: 300 }).map((s) => `s=3.${s}`),
      fc.integer({ min: 0, max: good.length - 1 }).map((n) => good.slice(0, n)),
      fc
        .tuple(fc.integer({ min: 4, max: good.length - 1 }), fc.constantFrom('A', 'z', '_', '-', '0'))
        .map(([i, c]) => good.slice(0, i) + c + good.slice(i + 1)),
      fc.string({ maxLength: 100 }),
    );
    fc.assert(
      fc.property(mutate, (frag) => {
        try {
          decodeLink(frag);
        } catch (e) {
          expect(e).toBeInstanceOf(LinkError);
          expect((e as Error).message.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('names the problem of truncated, future-version, foreign and oversized links', () => {
    const good = encodeLink({ ...bare, name: 'r', sequence: randomSeq(2000) });
    expect(() => decodeLink(good.slice(0, good.length - 40))).toThrow(/cut short|ends early|damaged/);
    expect(() => decodeLink(good.replace(/^s=3\./, 's=7.'))).toThrow(/newer version of the app \(format 7/);
    expect(() => decodeLink('#view=12')).toThrow(/not a share link/);
    expect(() => decodeLink(`s=1.${'A'.repeat(70_000)}`)).toThrow(/over the 64,000/);
  });

  it('refuses a link that inflates past the limit before allocating it (a zip bomb)', () => {
    const bomb = deflateSync(new Uint8Array(50 * MAX_INFLATED_BYTES), { level: 9 });
    const b64 = btoa(String.fromCharCode(...bomb))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(b64.length).toBeLessThan(64_000);
    expect(() => decodeLink(`s=1.${b64}`)).toThrow(/expands to more than 256 KB/);
    expect(() => decodeLink(`s=2.${b64}`)).toThrow(/expands to more than 256 KB/);
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

  it('opens a link holding an analysis this version does not know, leaving it out with a notice', () => {
    const link = encodeFrame({ name: 'r', models: {}, view: {}, analyses: { future: { x: 1 } } }, 'ACGT');
    expect(decodeLink(link)).toMatchObject({
      analyses: {},
      notice: expect.stringMatching(/future, which this version of the app does not have/),
    });
  });
});
