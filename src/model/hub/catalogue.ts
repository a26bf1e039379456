// Published checkpoints the page offers to download from the Hugging Face Hub, as data: the files to fetch, their
// size, licence, training data and window, and what is known about their zero-shot quality with its source.
// Sizes, licences and sha256s were read from each repository's file pages on the Hub; a statement that could
// not be checked there or in the cited source is listed in `unverified`, not left to look verified.

import type { Objective } from '../family';

export interface HubFile {
  path: string;
  /** Its Git LFS sha256 as the Hub's file page gives it; the download is refused when the bytes differ. */
  sha256?: string;
}

export interface HubEntry {
  /** Short id for the page and the model list. */
  id: string;
  /** owner/name on the Hub. */
  repo: string;
  revision: string;
  /** config.json, then the one weight file the loader reads (the smallest format the repository offers). */
  files: HubFile[];
  /** Megabytes to download, as the repository's file list gives them. */
  sizeMB: number;
  family: string;
  objective: Objective;
  /** Bases per training window, as the publisher states it. */
  trainedContext: number;
  licence: string;
  trainingData: string;
  zeroShot: { text: string; source: string };
  unverified: string[];
}

const HYENADNA_DATA = 'the human reference genome (hg38)';
const HYENADNA_NOTE = {
  text:
    'In a zero-shot ClinVar benchmark, models trained on human DNA only (DNABERT, HyenaDNA) separated pathogenic ' +
    'from benign single-base variants less well than multi-species Nucleotide Transformer models.',
  source:
    'Benchmarking DNA foundation models for zero-shot variant effect prediction, bioRxiv 10.1101/2025.06.15.659748',
};
const HYENADNA_UNVERIFIED = ['which HyenaDNA checkpoint the cited benchmark scored'];
const CADUCEUS_NOTE = {
  text:
    'TraitGym scored Caduceus zero-shot on causal regulatory variants of human traits; its authors find the ' +
    'alignment-based CADD and GPN-MSA best for Mendelian and complex disease traits.',
  source: 'Benegas, Eraslan & Song, TraitGym, bioRxiv 10.1101/2025.02.11.637758',
};
const CADUCEUS_UNVERIFIED = [
  "Caduceus's own TraitGym numbers (only the benchmark's summary was read)",
  'training data: from the Caduceus paper, not read here',
];

export const HUB_CATALOGUE: readonly HubEntry[] = [
  {
    id: 'hyenadna-tiny-1k',
    repo: 'LongSafari/hyenadna-tiny-1k-seqlen-hf',
    revision: 'main',
    files: [
      { path: 'config.json' },
      { path: 'model.safetensors', sha256: '5ce2146c21e9c4baa6bddc4998fd3d029903ae84a563bf80218644082194a12d' },
    ],
    sizeMB: 1.8,
    family: 'HyenaDNA',
    objective: 'clm',
    trainedContext: 1_024,
    licence: 'BSD-3-Clause',
    trainingData: HYENADNA_DATA,
    zeroShot: HYENADNA_NOTE,
    unverified: HYENADNA_UNVERIFIED,
  },
  {
    id: 'hyenadna-small-32k',
    repo: 'LongSafari/hyenadna-small-32k-seqlen-hf',
    revision: 'main',
    files: [
      { path: 'config.json' },
      { path: 'model.safetensors', sha256: 'b7a1c9479248edf27691b189bb6657256f1705e560cadc64d6431633932cafa1' },
    ],
    sizeMB: 16.3,
    family: 'HyenaDNA',
    objective: 'clm',
    trainedContext: 32_768,
    licence: 'BSD-3-Clause',
    trainingData: HYENADNA_DATA,
    zeroShot: HYENADNA_NOTE,
    unverified: [...HYENADNA_UNVERIFIED, "the sha256 was read from the file's page at commit 88d97da, not at main"],
  },
  {
    id: 'hyenadna-medium-160k',
    repo: 'LongSafari/hyenadna-medium-160k-seqlen-hf',
    revision: 'main',
    files: [
      { path: 'config.json' },
      { path: 'model.safetensors', sha256: '16685b36caf5d144da391f1b540ed47e89d79b3efd38899325492f174b8e852a' },
    ],
    sizeMB: 57,
    family: 'HyenaDNA',
    objective: 'clm',
    trainedContext: 160_000,
    licence: 'BSD-3-Clause',
    trainingData: HYENADNA_DATA,
    zeroShot: HYENADNA_NOTE,
    unverified: HYENADNA_UNVERIFIED,
  },
  {
    id: 'caduceus-ph-131k',
    repo: 'kuleshov-group/caduceus-ph_seqlen-131k_d_model-256_n_layer-16',
    revision: 'main',
    files: [{ path: 'config.json' }, { path: 'model.safetensors' }],
    sizeMB: 30.9,
    family: 'Caduceus',
    objective: 'mlm',
    trainedContext: 131_072,
    licence: 'Apache-2.0',
    trainingData: 'the human reference genome (hg38)',
    zeroShot: CADUCEUS_NOTE,
    unverified: [...CADUCEUS_UNVERIFIED, "model.safetensors's sha256 (its file page was not found)"],
  },
  {
    id: 'caduceus-ps-131k',
    repo: 'kuleshov-group/caduceus-ps_seqlen-131k_d_model-256_n_layer-16',
    revision: 'main',
    files: [{ path: 'config.json' }, { path: 'model.safetensors' }],
    sizeMB: 30.9,
    family: 'Caduceus',
    objective: 'mlm',
    trainedContext: 131_072,
    licence: 'Apache-2.0',
    trainingData: 'the human reference genome (hg38)',
    zeroShot: CADUCEUS_NOTE,
    unverified: [...CADUCEUS_UNVERIFIED, "model.safetensors's sha256 (its file page was not found)"],
  },
  {
    id: 'plantcaduceus-l20',
    repo: 'kuleshov-group/PlantCaduceus_l20',
    revision: 'main',
    files: [
      { path: 'config.json' },
      { path: 'pytorch_model.bin', sha256: '4d186b4218262b57e7137015451b2d44b472998ffae215879ff4d38fb147af70' },
    ],
    sizeMB: 83.6,
    family: 'Caduceus (PlantCaduceus)',
    objective: 'mlm',
    trainedContext: 512,
    licence: 'Apache-2.0',
    trainingData: '16 angiosperm genomes',
    zeroShot: {
      text:
        'Mutations PlantCaduceus predicts deleterious in maize have threefold lower average minor allele ' +
        'frequencies than those picked by alignment-based methods.',
      source: 'Zhai et al., Cross-species modeling of plant genomes at single-nucleotide resolution, PNAS 2025',
    },
    unverified: [
      'which PlantCaduceus size the cited maize result used',
      "the weight names in this repository's pytorch_model.bin (it was saved from the Caduceus class, not read here)",
      "the sha256 was read from the file's page at commit 5aa171c, not at main",
    ],
  },
  {
    id: 'gpn-brassicales',
    repo: 'songlab/gpn-brassicales',
    revision: 'main',
    files: [{ path: 'config.json' }, { path: 'model.safetensors' }],
    sizeMB: 264,
    family: 'GPN',
    objective: 'mlm',
    trainedContext: 512,
    licence: 'MIT',
    trainingData:
      'Arabidopsis thaliana and seven related Brassicales genomes (songlab/genomes-brassicales-balanced-v1)',
    zeroShot: {
      text:
        'Zero-shot on Arabidopsis thaliana variants (1001 Genomes allele frequencies, GWAS hits) it outperforms the ' +
        'phyloP and phastCons conservation scores.',
      source:
        'Benegas, Batra & Song, DNA language models are powerful predictors of genome-wide variant effects, PNAS 2023',
    },
    unverified: ["model.safetensors's sha256 (its file page was not found)", 'the 512-base training window'],
  },
];

/** The catalogue entry of `id`, or an Error naming the ids there are. */
export function hubEntry(id: string): HubEntry {
  const e = HUB_CATALOGUE.find((x) => x.id === id);
  if (!e)
    throw new Error(
      `No published model "${id}" in the catalogue (it has ${HUB_CATALOGUE.map((x) => x.id).join(', ')}).`,
    );
  return e;
}
