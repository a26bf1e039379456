// Property tests: whatever text arrives, the parsers answer with records or a specific error, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSequence, SequenceInputError } from './parseSequence';
import { parseVariantList } from './variantSyntax';
import { parseVcf } from './vcf';

const dnaish = fc.string({
  unit: fc.constantFrom(
    'A',
    'C',
    'G',
    'T',
    'N',
    'a',
    'u',
    'R',
    '-',
    ' ',
    '\n',
    '>',
    '1',
    'X',
    '!',
    ';',
    '/',
    'L',
    'O',
    'C',
    'U',
    'S',
  ),
});
const anyText = fc.oneof(fc.string({ maxLength: 400 }), dnaish, fc.string({ unit: 'binary', maxLength: 200 }));

describe('parsers never throw unexpected errors', () => {
  it('parseSequence: records or a SequenceInputError with a message', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        try {
          const r = parseSequence(t, 5000);
          for (const rec of r.records) expect(rec.sequence).toMatch(/^[ACGTN]+$/);
        } catch (e) {
          expect(e).toBeInstanceOf(SequenceInputError);
          expect((e as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parseVariantList: each item is a variant or an error naming it', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const r = parseVariantList(t);
        for (const v of r.variants) {
          expect(v.pos).toBeGreaterThanOrEqual(1);
          expect(v.ref).toMatch(/^[ACGT]+$/);
        }
        for (const e of r.errors) expect(e).toMatch(/"/);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseVcf: variants and per-line errors, never a throw', () => {
    const header = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';
    const line = fc
      .array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('17', '100', 'A', 'G,T', '.', '<DEL>', 'DP=3;X')), {
        maxLength: 10,
      })
      .map((f) => f.join('\t'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (ls) => {
        const r = parseVcf(header + ls.join('\n'));
        expect(r.variants.length + r.errors.length).toBeGreaterThanOrEqual(0);
        for (const v of r.variants) expect(Number.isInteger(v.pos)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
