// What the page, the CLI and the cards say about a loaded model, whichever format it came in.

import type { Objective } from './family';
import type { LanguageModel } from './languageModel';
import type { ModelManifest, ScoreDistribution } from './manifest';

export interface ModelMeta {
  id: string;
  name: string;
  /** The family as users know it ("Hybrid CNN + attention", "HyenaDNA") and the registered type it was read as. */
  family: string;
  type: string;
  /** 'bundled': this app's model.json format; 'published': a family's own folder (config.json). */
  format: 'bundled' | 'published';
  objective: Objective;
  parameters: number;
  /** What `npm run eval` measured (bundled models; a published folder's come from its own eval run). */
  metrics: ModelManifest['metrics'];
  /** Percentiles of scores: written by `npm run calibrate`. */
  scoreDistribution?: ScoreDistribution;
  /** A published model's card: what its folder (or the Hub catalogue it came from) says of it. */
  card?: ModelCard;
}

/**
 * What the page says of a published model beside its family, objective, parameters and context: where it came
 * from and what its publisher states. A dropped folder's config.json states none of licence, training data or
 * zero-shot quality (null); a Hub download takes them from the catalogue (src/model/hub/catalogue.ts).
 */
export interface ModelCard {
  /** "huggingface.co/<repo> at <revision>", or the folder the person brought. */
  source: string;
  /** The weight file read and its size. */
  weights: { file: string; bytes: number };
  licence: string | null;
  /** Bases per training window as its publisher states it. */
  trainedContext: number | null;
  trainingData: string | null;
  /** What is known about its zero-shot quality, with the source it comes from. */
  zeroShot: { text: string; source: string } | null;
  /** Statements on this card that could not be checked against their source. */
  unverified: string[];
}

/** A model read from a folder: what analyses run, and what it is. */
export interface LoadedModel extends LanguageModel {
  readonly meta: ModelMeta;
  dispose(): void;
}
