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

/** A HyenaDNA "-hf" repository (LongSafari/<id>-seqlen-hf): config.json and model.safetensors. */
function hyenaDNA(id: string, trainedContext: number, sizeMB: number, sha256: string, unverified: string[] = []) {
  return {
    id,
    repo: `LongSafari/${id}-seqlen-hf`,
    revision: 'main',
    files: [{ path: 'config.json' }, { path: 'model.safetensors', sha256 }],
    sizeMB,
    family: 'HyenaDNA',
    objective: 'clm',
    trainedContext,
    licence: 'BSD-3-Clause',
    trainingData: 'the human reference genome (hg38)',
    zeroShot: {
      text:
        'In a zero-shot ClinVar benchmark, models trained on human DNA only (DNABERT, HyenaDNA) separated ' +
        'pathogenic from benign single-base variants less well than multi-species Nucleotide Transformer models.',
      source:
        'Benchmarking DNA foundation models for zero-shot variant effect prediction, bioRxiv 10.1101/2025.06.15.659748',
    },
    unverified: ['which HyenaDNA checkpoint the cited benchmark scored', ...unverified],
  } satisfies HubEntry;
}

/** One of Caduceus's two 131k-base human models: ph (reverse-complement by augmentation) or ps (by parameter sharing). */
function caduceus(variant: 'ph' | 'ps') {
  return {
    id: `caduceus-${variant}-131k`,
    repo: `kuleshov-group/caduceus-${variant}_seqlen-131k_d_model-256_n_layer-16`,
    revision: 'main',
    files: [{ path: 'config.json' }, { path: 'model.safetensors' }],
    sizeMB: 30.9,
    family: 'Caduceus',
    objective: 'mlm',
    trainedContext: 131_072,
    licence: 'Apache-2.0',
    trainingData: 'the human reference genome (hg38)',
    zeroShot: {
      text:
        'TraitGym scored Caduceus zero-shot on causal regulatory variants of human traits; its authors find the ' +
        'alignment-based CADD and GPN-MSA best for Mendelian and complex disease traits.',
      source: 'Benegas, Eraslan & Song, TraitGym, bioRxiv 10.1101/2025.02.11.637758',
    },
    unverified: [
      "Caduceus's own TraitGym numbers (only the benchmark's summary was read)",
      'training data: from the Caduceus paper, not read here',
      "model.safetensors's sha256 (its file page was not found)",
    ],
  } satisfies HubEntry;
}

export const HUB_CATALOGUE: readonly HubEntry[] = [
  hyenaDNA('hyenadna-tiny-1k', 1_024, 1.8, '5ce2146c21e9c4baa6bddc4998fd3d029903ae84a563bf80218644082194a12d'),
  hyenaDNA('hyenadna-small-32k', 32_768, 16.3, 'b7a1c9479248edf27691b189bb6657256f1705e560cadc64d6431633932cafa1', [
    "the sha256 was read from the file's page at commit 88d97da, not at main",
  ]),
  hyenaDNA('hyenadna-medium-160k', 160_000, 57, '16685b36caf5d144da391f1b540ed47e89d79b3efd38899325492f174b8e852a'),
  caduceus('ph'),
  caduceus('ps'),
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
