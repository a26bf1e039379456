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
}

/** A model read from a folder: what analyses run, and what it is. */
export interface LoadedModel extends LanguageModel {
  readonly meta: ModelMeta;
  dispose(): void;
}
