// The teaching gallery: real sequences from ../shared/data (cut by training/gallery.py), each with
// what to look for. Captions describe what the bundled models were seen to show.

export interface GalleryExample {
  id: string;
  title: string;
  file: string;
  /** Model to open it with (an id from public/models/index.json). */
  model: string;
  caption: string;
  /** 1-based position to focus, and a region for mutagenesis, in the record's own coordinates. */
  focus?: number;
  mutagenesis?: [number, number];
  /** A region (1-based, inclusive) whose dependency map opens with the example. */
  dependency?: [number, number];
}

export const GALLERY: GalleryExample[] = [
  {
    id: 'alu',
    title: 'A human Alu repeat',
    file: 'human_alu_chr22.fa',
    model: 'mlm-hybrid-chr22',
    focus: 150,
    caption:
      'An Alu element (the lower-case bases, soft-masked as a repeat) in human chr22, with its flanks. The masked model ' +
      'predicts the Alu far better than the flanks: from about position 51 the log2 P track climbs towards 0 and the entropy falls ' +
      'well below 1 bit, then both return to near 2 bits after the repeat. It learned the Alu consensus from the many copies on ' +
      'chr22. Switch to the Markov baseline to see how much 10-mer counts alone explain.',
  },
  // the numbers: npx tsx src/cli/dependencyStats.ts human_alu_chr22.fa mlm-hybrid-chr22 21 276 51 254
  {
    id: 'alu-dependencies',
    title: 'Dependencies around an Alu repeat',
    file: 'human_alu_chr22.fa',
    model: 'mlm-hybrid-chr22',
    dependency: [21, 276],
    focus: 230,
    caption:
      'The nucleotide dependency map of positions 21-276 (the Alu is 51-254) with the masked model; on the two-core machines of the project benchmark it took 12-29 seconds. ' +
      'Dependencies are strongest between neighbours (mean e 2.15 bits one base apart) and fall to 0.04-0.05 bits at 50-64 bases. ' +
      'Faint bands run parallel to the diagonal at 8, 12, 16, 24 and 32 bases (0.23 bits at 24 against 0.18-0.19 at 23 and 25; ' +
      "the log scale shows them best): distances where the model's dilated convolutions (dilations 4 and 8) have their taps, a " +
      "mark of its architecture, not of the Alu. The strongest cells more than 20 bases apart (1.4-1.9 bits) point from the Alu's " +
      'last 35 bases to the bases just after it (222 to 253; 223, 227, 230 and 231 to 255; row 230 is focused) and from 74 and 80 ' +
      'to 49, just before it.',
  },
  // the numbers: npx tsx src/cli/siteStats.ts brca1_exon19.fa mlm-hybrid-exon,mlm-hybrid-chr22 91 215 108,109,194,195
  {
    id: 'brca1-exon19',
    title: 'BRCA1 exon 19 and its splice sites',
    file: 'brca1_exon19.fa',
    model: 'mlm-hybrid-exon',
    focus: 108,
    mutagenesis: [91, 215],
    caption:
      'Exon 19 of BRCA1 is positions 110-193. The gene lies on the minus strand, so on this plus-strand sequence the donor ' +
      'splice site reads AC at 108-109 and the acceptor CT at 194-195. The exon-centred masked model predicts the donor bases ' +
      'better than most of the 125 bases of the mutagenesis region (P 0.56 and 0.60 against a median of 0.32), and in the ' +
      "heatmap the substitutions of 109 score the second most damaging on average. Of the acceptor's two bases, 195 is 4th " +
      'and 194 no different from the bases around it. Switch to the masked hybrid (chr22), trained on random windows: it predicts 108 ' +
      'worse than almost any base here (P 0.11). Both are small models: neither scores BRCA1 variants much ' +
      'better than chance (npm run eval).',
  },
  {
    id: 'ecoli',
    title: 'A bacterial gene: E. coli thr operon',
    file: 'ecoli_thrA.fa',
    model: 'mlm-hybrid-chr22',
    caption:
      'The leader and the start of thrA, a protein-coding gene of E. coli. The masked hybrid it opens with was trained on human chr22 only: ' +
      'on bacterial coding sequence the mean log2 P in the summary is below -2 bits, no better than guessing, and the Markov ' +
      'baseline does no better. A genome language model knows the genomes it was trained on; compare the Alu example.',
  },
  {
    id: 'fly-promoter',
    title: 'A fly promoter',
    file: 'fly_promoter_NM_078863.fa',
    model: 'mlm-hybrid-chr22',
    focus: 571,
    caption:
      'The 600 bp before the transcription start of a Drosophila transcript (NM_078863); a TATAAA box sits at 571-576, about ' +
      '30 bp upstream of the start. The human-trained model shows no sign of it: the box scores like the rest of the region, ' +
      'which is near 2 bits per base throughout. A model trained on fly promoters would be needed to see it.',
  },
  {
    id: 'lambda',
    title: 'Phage lambda: cI, the right operator and cro',
    file: 'lambda_cI_cro.fa',
    model: 'mlm-hybrid-chr22',
    focus: 500,
    caption:
      'The end of the cI repressor gene, the right operator (where the cI repressor and Cro bind) and cro. Use it for the ' +
      'attention map: in each layer, step through heads 1 to 4. Head 1 attends to a few bases around the focus, each later head ' +
      'over a wider span, up to a hundred bases or so: the local-to-global pattern the ALiBi slopes set up. Click a row to move the focus.',
  },
];
