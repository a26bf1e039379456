// The teaching gallery: real sequences from ../shared/data (cut by training/gallery.py), each with what to look
// for, the regions its caption talks about (drawn on the tracks) and, for the first, a step-by-step walkthrough.
// Captions describe what the bundled models were seen to show.

/** A region to draw on the tracks: 0-based, half-open [start, end) like every coordinate in the app. */
export interface TrackMark {
  start: number;
  end: number;
  label: string;
  kind: 'exon' | 'splice site' | 'repeat' | 'motif' | 'gene';
}

/** A region as a caption names it: 1-based and inclusive, in the record's own coordinates. */
export interface ExampleMark {
  from: number;
  to: number;
  label: string;
  kind: TrackMark['kind'];
}

export interface GalleryExample {
  id: string;
  title: string;
  file: string;
  /** Model to open it with (an id from public/models/index.json). */
  model: string;
  /** One line for the gallery list; the caption is shown beside the result once the example is open. */
  summary: string;
  caption: string;
  marks?: ExampleMark[];
  /** Steps that read the result with a newcomer, one sentence or two each. */
  walkthrough?: string[];
  /** 1-based position to focus, and a region for mutagenesis, in the record's own coordinates. */
  focus?: number;
  mutagenesis?: [number, number];
  /** A region (1-based, inclusive) whose dependency map opens with the example. */
  dependency?: [number, number];
}

/** The example's marks as the track draws them. */
export function trackMarks(ex: GalleryExample): TrackMark[] {
  return (ex.marks ?? []).map((m) => ({ start: m.from - 1, end: m.to, label: m.label, kind: m.kind }));
}

const ALU: ExampleMark = { from: 51, to: 254, label: 'Alu repeat', kind: 'repeat' };

export const GALLERY: GalleryExample[] = [
  {
    id: 'alu',
    title: 'A human Alu repeat',
    file: 'human_alu_chr22.fa',
    model: 'mlm-hybrid-chr22',
    focus: 150,
    marks: [ALU],
    summary: 'A repeat the model has seen thousands of times: watch how sure it becomes.',
    caption:
      'An Alu element (the lower-case bases, marked as a repeat) in human chromosome 22, with the DNA on either ' +
      'side. The model guesses the bases of the Alu far better than those around it: from about position 51 the ' +
      'bars of the log2 P(observed) track shrink towards 0 and the uncertainty (entropy) falls well below 1 bit, then both ' +
      'return to near 2 bits, the value of a blind guess among four bases, after the repeat. The model learned ' +
      'what an Alu looks like from the many copies on chromosome 22. Switch to the Markov baseline to see how ' +
      'much counting short words of DNA already explains.',
    walkthrough: [
      'Each bar of the log2 P(observed) track is one base. The model hid that base and guessed it from its ' +
        'neighbours; the longer the bar, the more the true base surprised it. A bar 2 bits long is no better than a ' +
        'blind guess. Press Whole record to see all 400 bases.',
      'The entropy track is how unsure the model was before it saw the base: 2 bits means all four bases looked ' +
        'equally likely, 0 means it was certain.',
      'The logo stacks the letters the model expected at each base: a tall letter is a confident guess, a low ' +
        'column a base it could not tell.',
      'The marked region, 51-254 (the example marks track), is the Alu. Inside it the surprise bars are short and the uncertainty is low; ' +
        'outside it both are back near 2 bits.',
      'Hover a base to read its numbers under the tracks, or click it to focus it: the attention track then shows ' +
        'which bases the model looked at to guess it.',
      'Now pick the Markov baseline in the Model list and compare: it only counts 10-letter words of chromosome 22.',
    ],
  },
  // the numbers: npx tsx src/cli/dependencyStats.ts human_alu_chr22.fa mlm-hybrid-chr22 21 276 51 254
  {
    id: 'alu-dependencies',
    title: 'Dependencies around an Alu repeat',
    file: 'human_alu_chr22.fa',
    model: 'mlm-hybrid-chr22',
    dependency: [21, 276],
    focus: 230,
    marks: [ALU],
    summary: 'Which bases the model reads together: a map of every pair of positions.',
    caption:
      'The dependency map of positions 21-276 (the Alu is 51-254): each cell says how much changing the base of ' +
      'its row moves what the model predicts at the base of its column. Neighbours depend on each other most ' +
      '(2.15 bits on average one base apart), and the effect fades to 0.04-0.05 bits 50-64 bases apart. Faint ' +
      'stripes run beside the diagonal at 8, 12, 16, 24 and 32 bases (0.23 bits at 24 against 0.18-0.19 at 23 ' +
      'and 25; the log scale shows them best): they come from how the model is built, its filters reach 4 and 8 ' +
      'bases apart, not from the Alu. The strongest links more than 20 bases apart (1.4-1.9 bits) run from the ' +
      "Alu's last 35 bases to the bases just after it (222 to 253; 223, 227, 230 and 231 to 255; row 230 is " +
      'focused) and from 74 and 80 to 49, just before it. On the two-core machines of the project benchmark the ' +
      'map took 12-29 seconds.',
  },
  // the numbers: npx tsx src/cli/siteStats.ts brca1_exon19.fa mlm-hybrid-exon,mlm-hybrid-chr22 91 215 108,109,194,195
  {
    id: 'brca1-exon19',
    title: 'BRCA1 exon 19 and its splice sites',
    file: 'brca1_exon19.fa',
    model: 'mlm-hybrid-exon',
    focus: 108,
    mutagenesis: [91, 215],
    marks: [
      { from: 108, to: 109, label: 'splice donor', kind: 'splice site' },
      { from: 110, to: 193, label: 'exon 19', kind: 'exon' },
      { from: 194, to: 195, label: 'splice acceptor', kind: 'splice site' },
    ],
    summary: 'Does a model trained around exons notice where one ends? A gene clinicians test every day.',
    caption:
      'Exon 19 of BRCA1 is positions 110-193. BRCA1 is read from the other DNA strand, so on this sequence its ' +
      'splice sites appear reversed: the donor (where the intron after the exon starts) reads AC at 108-109 and ' +
      'the acceptor (where the intron before it ends) reads CT at 194-195. The exon-centred model predicts the ' +
      'two donor bases better than most of the 125 bases of the mutagenesis region (P 0.56 and 0.60 against a ' +
      'median of 0.32), and in the heatmap the changes at 109 get the second lowest scores on average. Of the ' +
      "acceptor's two bases, 195 is 4th and 194 no different from the bases around it. Switch to the masked " +
      'hybrid (chr22), trained on random stretches of DNA: it predicts 108 worse than almost any base here ' +
      '(P 0.11). Both are small models: on BRCA1 variants whose effect was measured in the lab, neither tells ' +
      'harmful from harmless much better than chance ("About this model" gives the numbers).',
  },
  {
    id: 'ecoli',
    title: 'A bacterial gene: E. coli thr operon',
    file: 'ecoli_thrA.fa',
    model: 'mlm-hybrid-chr22',
    marks: [
      { from: 1, to: 66, label: 'thrL (leader)', kind: 'gene' },
      { from: 148, to: 1000, label: 'thrA (start)', kind: 'gene' },
    ],
    summary: 'A human-trained model meets bacterial DNA.',
    caption:
      'The leader and the start of thrA, a protein-coding gene of E. coli. The masked hybrid it opens with was ' +
      'trained on human chromosome 22 only: on this bacterial gene the mean log2 P in the summary is below -2 ' +
      'bits, no better than guessing, and the Markov baseline does no better. A genome language model knows the ' +
      'genomes it was trained on; compare the Alu example.',
  },
  {
    id: 'fly-promoter',
    title: 'A fly promoter',
    file: 'fly_promoter_NM_078863.fa',
    model: 'mlm-hybrid-chr22',
    focus: 571,
    marks: [{ from: 571, to: 576, label: 'TATA box', kind: 'motif' }],
    summary: 'A textbook promoter signal that a human-trained model does not see.',
    caption:
      'The 600 bases before the start of a fruit-fly gene (transcript NM_078863); a TATAAA box, a signal that ' +
      'helps start transcription, sits at 571-576, about 30 bases before the start. The human-trained model ' +
      'shows no sign of it: the box scores like the rest of the region, near 2 bits per base throughout. A ' +
      'model trained on fly promoters would be needed to see it.',
  },
  {
    id: 'lambda',
    title: 'Phage lambda: cI, the right operator and cro',
    file: 'lambda_cI_cro.fa',
    model: 'mlm-hybrid-chr22',
    focus: 500,
    summary: 'A classic genetic switch, for exploring the attention map.',
    caption:
      'The end of the cI repressor gene, the right operator (where the cI repressor and Cro proteins bind) and ' +
      'cro. Use it for the attention map: in each layer, step through heads 1 to 4. Head 1 looks at a few bases ' +
      'around the focused one, each later head over a wider stretch, up to a hundred bases or so: the model is ' +
      'built so that its heads see from near to far. Click a row to move the focus.',
  },
];
