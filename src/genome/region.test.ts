// Typed positions: one grammar (digits, or commas between groups of three) for the variant box, the region box
// and the CLI's --region, so a mistyped group is refused everywhere instead of read as another number.
import { describe, expect, it } from 'vitest';
import { parseRegionArg } from '../node/vcfStream';
import { parseRegionText } from './localGenome';
import { readPosition } from './region';

describe('typed positions', () => {
  it('read plain digits and thousands groups, and nothing else', () => {
    expect(['41209148', '41,209,148', '148', '1,000', '0'].map(readPosition)).toEqual([
      41_209_148, 41_209_148, 148, 1000, 0,
    ]);
    expect(
      ['41,20,9148', '4,1209148', ',148', '148,', '1,,000', '41.209.148', '', '9'.repeat(17)].map(readPosition),
    ).toEqual([null, null, null, null, null, null, null, null]);
  });

  it("are read the same by the region box and the CLI's --region", () => {
    const region = { chrom: 'chr17', start: 41_196_312, end: 41_277_500 };
    expect(parseRegionText('chr17:41,196,312-41,277,500')).toEqual(region);
    expect(parseRegionArg('chr17:41,196,312-41,277,500')).toEqual(region);
    expect(parseRegionText('chr17:41,19,6312-41,277,500')).toBeNull();
    expect(parseRegionArg('chr17:41,19,6312-41,277,500')).toBeNull();
  });
});
