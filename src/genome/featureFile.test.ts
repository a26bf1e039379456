// Brought annotation files (BED, GFF3, GTF) read through their readers and placed on the analysed region, with
// the messages for a file of another chromosome or of another stretch of it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../node/data';
import { featureFormat, readFeatureFile } from './featureFile';
import { placeFeatures } from './placeFeatures';

// BRCA1 exon 19 example: chr17:41208960-41209260 (hg19); the exon is 41209069-41209152 (1-based, the gallery's
// positions 110-193), so in BED (0-based half-open) 41209068-41209152 and on the record bases 109-193 (1-based)
const REGION = 'chr17:41208960-41209260';
const BED12 = [
  'track name=test',
  'chr17\t41209000\t41209200\tNM_007294.3\t0\t-\t41209068\t41209152\t0\t2\t20,132,\t0,68,',
  'chr13\t32889610\t32890000\tBRCA2\t0\t+',
].join('\n');

describe('feature files', () => {
  it('tells BED, GFF3 and GTF apart by name, then by content, and refuses anything else by name', () => {
    expect(featureFormat('a.bed.gz', '')).toBe('BED');
    expect(featureFormat('x.txt', '##gff-version 3\n')).toBe('GFF3');
    expect(featureFormat('x.txt', 'chr1\tsrc\texon\t1\t5\t.\t+\t.\tgene_id "g"; transcript_id "t";')).toBe('GTF');
    expect(() => featureFormat('notes.txt', 'hello world')).toThrow(/"notes.txt" is not a BED, GFF3 or GTF file/);
  });

  it('places a BED12 transcript on the region: blocks as parts, thickStart-thickEnd as coding', () => {
    const { features } = readFeatureFile(BED12, 'genes.bed');
    const p = placeFeatures(features, REGION, 301, 'genes.bed');
    expect(p.empty).toBe(false);
    expect(p.message).toBe('genes.bed: 1 feature inside chr17:41208960-41209260 (301 bp) (1 elsewhere not drawn).');
    const [f] = p.features;
    // genomic 0-based g lands on record base g - 41208959
    expect(f).toMatchObject({ name: 'NM_007294.3', strand: -1, start: 41, end: 241 });
    expect(f!.parts).toEqual([
      [41, 61],
      [109, 241],
    ]);
    expect(f!.coding).toEqual([[109, 193]]);
  });

  it('says when the file is for another chromosome, or for another stretch of this one', () => {
    const other = placeFeatures(readFeatureFile(BED12, 'g.bed').features, 'chr2:100-400', 301, 'g.bed');
    expect(other.empty).toBe(true);
    expect(other.message).toBe(
      'g.bed has 2 features on chr17, chr13, none on the chromosome of the analysed record, chr2:100-400 (301 bp).',
    );
    const far = placeFeatures(readFeatureFile(BED12, 'g.bed').features, 'chr17:41000001-41000301', 301, 'g.bed');
    expect(far.message).toBe(
      'g.bed has 1 feature on chr17, none inside chr17:41000001-41000301 (301 bp): the nearest, NM_007294.3 ' +
        '(41,209,001-41,209,200), is 208,700 bp away.',
    );
  });

  it('groups GTF exon and CDS rows into a transcript, and drops its gene row', () => {
    const gtf = [
      'chr22\tRefSeq\tgene\t101\t400\t.\t+\t.\tgene_id "G1"; gene_name "ABC";',
      'chr22\tRefSeq\texon\t101\t150\t.\t+\t.\tgene_id "G1"; transcript_id "NM_1";',
      'chr22\tRefSeq\texon\t301\t400\t.\t+\t.\tgene_id "G1"; transcript_id "NM_1";',
      'chr22\tRefSeq\tCDS\t121\t150\t.\t+\t0\tgene_id "G1"; transcript_id "NM_1";',
      'chr22\tRefSeq\tCDS\t301\t350\t.\t+\t1\tgene_id "G1"; transcript_id "NM_1";',
    ].join('\n');
    const { format, features } = readFeatureFile(gtf, 'x.gtf');
    expect(format).toBe('GTF');
    expect(features).toEqual([
      {
        ...{ chrom: 'chr22', type: 'transcript', name: 'G1 (NM_1)', start: 100, end: 400, strand: 1 },
        parts: [
          [100, 150],
          [300, 400],
        ],
        coding: [
          [120, 150],
          [300, 350],
        ],
      },
    ]);
    // the record chr22:91-490 starts at genomic base 91, so genomic 0-based 100 is base 10 of the record
    expect(placeFeatures(features, 'chr22:91-490', 400, 'x.gtf').features[0]!.parts[0]).toEqual([10, 60]);
    expect(() => readFeatureFile('chr22\tx\texon\t10', 'y.gtf')).toThrow(
      /y.gtf, line 1: expected 9 tab-separated GTF columns .* found 4 columns/,
    );
  });

  it('reads GFF3 gene > mRNA > exon/CDS through its parents', () => {
    const gff = [
      '##gff-version 3',
      'chr1\t.\tgene\t10\t100\t.\t-\t.\tID=g1;Name=GENE1',
      'chr1\t.\tmRNA\t10\t100\t.\t-\t.\tID=t1;Parent=g1;Name=GENE1-201',
      'chr1\t.\texon\t10\t30\t.\t-\t.\tParent=t1',
      'chr1\t.\texon\t60\t100\t.\t-\t.\tParent=t1',
      'chr1\t.\tCDS\t20\t30\t.\t-\t0\tParent=t1',
      'chr1\t.\trepeat_region\t200\t210\t.\t.\t.\tID=r1',
    ].join('\n');
    const { features } = readFeatureFile(gff, 'a.gff3');
    expect(
      features.map((f) => `${f.type} ${f.name} ${f.start}-${f.end} ${f.strand} ${JSON.stringify(f.parts)}`),
    ).toEqual(['transcript GENE1-201 9-100 -1 [[9,30],[59,100]]', 'repeat_region r1 199-210 0 [[199,210]]']);
    // a record named by chromosome alone is read as positions 1-L of it
    expect(placeFeatures(features, 'chr1', 150, 'a.gff3').features.map((f) => f.name)).toEqual(['GENE1-201']);
  });
});

// The shared data's gene models, against counts taken from the files with other tools: distinct transcript_ids
// of the GTF (zcat | grep -o 'transcript_id "[^"]*"' | sort -u: 926; of its CDS rows: 754) and the U. maydis
// mRNAs its README gives (6,787)
const annotation = (name: string) => join(SHARED_DATA, 'annotation', name);
const haveAnnotation = existsSync(annotation('chr22_hg19_refseq.gtf.gz'));

describe.skipIf(!haveAnnotation)('real annotation files', () => {
  it('groups the chr22 RefSeq GTF into its 926 transcripts, 754 coding, each CDS a whole number of codons', () => {
    const text = gunzipSync(readFileSync(annotation('chr22_hg19_refseq.gtf.gz'))).toString('utf8');
    const { format, features } = readFeatureFile(text, 'chr22_hg19_refseq.gtf.gz');
    expect(format).toBe('GTF');
    expect(features.filter((f) => f.type === 'transcript')).toHaveLength(926);
    const coding = features.filter((f) => f.coding);
    expect(coding).toHaveLength(754);
    const codons = coding.filter((f) => f.coding!.reduce((s, [a, b]) => s + b - a, 0) % 3 === 0);
    // 746 of 754: a part off by one base would leave about a third whole
    expect(codons).toHaveLength(746);
  });

  it('reads the U. maydis GFF3 (children before their parents) as its 6,787 mRNAs', () => {
    const text = gunzipSync(readFileSync(annotation('umaydis_521_mips.gff3.gz'))).toString('utf8');
    const { features } = readFeatureFile(text, 'umaydis_521_mips.gff3.gz');
    const mrnas = features.filter((f) => f.type === 'transcript' && f.coding);
    expect(mrnas).toHaveLength(6787);
    expect(features.filter((f) => f.type === 'mRNA')).toHaveLength(0); // each drawn once, through its CDS
  });
});
