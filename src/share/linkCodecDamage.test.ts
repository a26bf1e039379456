// Damaged and hostile share links: every edit that changes what a link decodes to is refused as damaged,
// nothing but a LinkError is ever thrown, and truncated, future, foreign, oversized and zip-bomb links are named.
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_INFLATED_BYTES } from './linkCodec';
import { LinkError } from './linkError';
import { decodeLink, encodeLink, type SavedAnalysis } from './savedAnalysis';
import { bare, noBrca1, randomSeq, realStates } from './testLinks';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The decoded state, or the LinkError's message; anything else thrown fails the test. */
function outcome(link: string): SavedAnalysis | string {
  try {
    return decodeLink(link);
  } catch (e) {
    if (e instanceof LinkError) return e.message;
    throw e;
  }
}

describe('share link codec: damaged links', () => {
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
});
