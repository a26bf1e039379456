// Human chromosome accessions: the chromosome and assembly each version names, checked against pairs published
// outside this table (ClinVar gives BRCA1's and SLC… variants in both assemblies), and what is refused.
import { describe, expect, it } from 'vitest';
import { readAccession } from './refseq';

const assembly = (acc: string) => {
  const r = readAccession(acc);
  if (!r || 'problem' in r) throw new Error(`${acc} not read`);
  return `${r.chrom} ${/of (GRCh\d\d)/.exec(r.note)![1]}`;
};

describe('RefSeq chromosome accessions', () => {
  it('name chr1-22, X, Y and chrM, the version telling the assembly', () => {
    // ClinVar: NM_152443.3:c.677A>G is NC_000014.8:g.68195926A>G (GRCh37) and NC_000014.9:g.67729209A>G (GRCh38)
    expect(assembly('NC_000014.8')).toBe('chr14 GRCh37');
    expect(assembly('NC_000014.9')).toBe('chr14 GRCh38');
    expect(assembly('NC_000017.10')).toBe('chr17 GRCh37');
    expect(assembly('NC_000017.11')).toBe('chr17 GRCh38');
    expect(assembly('NC_000001.10')).toBe('chr1 GRCh37');
    expect(assembly('NC_000007.14')).toBe('chr7 GRCh38');
    expect(assembly('NC_000023.10')).toBe('chrX GRCh37');
    expect(assembly('NC_000024.10')).toBe('chrY GRCh38');
    expect(assembly('NC_012920.1')).toBe('chrM GRCh37');
  });

  it('refuses a version of neither assembly, or none; leaves other accessions as names', () => {
    expect(readAccession('NC_000001.12')).toEqual({
      problem:
        'NC_000001.12 is chr1, but not NC_000001.10 (GRCh37) or ' +
        'NC_000001.11 (GRCh38): its positions may differ from theirs',
    });
    expect(readAccession('NC_012920.2')).toEqual({
      problem:
        'NC_012920.2 is chrM, but not NC_012920.1 ' + '(GRCh37 and GRCh38): its positions may differ from theirs',
    });
    expect(readAccession('NC_000024')).toMatchObject({ problem: expect.stringMatching(/^NC_000024 has no version/) });
    for (const name of ['NC_000025.1', 'NC_001416.1', 'NG_005905.2', 'NT_187361.1', 'chr17', 'nc_000017.10']) {
      expect(readAccession(name)).toBeNull();
    }
  });
});
