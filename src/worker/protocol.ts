// Messages between the page and the model worker: requests keyed by id, replies progress | result | error. An
// analysis request names its kind; its arguments and result types come from the analysis descriptors
// (analysis/descriptors/*), so adding an analysis adds nothing here.

import type { AnalysisKind, ArgsOf, ResultOf } from '../analysis/descriptor';
import type { CostCurve } from '../bench/costCurve';
import type { GoldenReport } from '../model/check/goldenCheck';
import type { BackendChoice, BackendName } from '../model/backend';
import type { ModelManifest } from '../model/manifest';
import type { ModelCard } from '../model/meta';
import type { ModelFile } from '../model/memorySource';

export interface ModelInfo {
  id: string;
  name: string;
  /** The family as users know it, and the type it was registered under. */
  family: string;
  objective: ModelManifest['objective'];
  architecture: string;
  /** 'bundled': this app's model.json format; 'published': a family's own folder (config.json). */
  format: 'bundled' | 'published';
  context: number;
  nHeads: number;
  nAttentionLayers: number;
  parameters: number;
  /** Width of the hidden states a probe reads (0: none). */
  hiddenSize: number;
  metrics: ModelManifest['metrics'];
  scoreDistribution?: ModelManifest['scoreDistribution'];
  /** A published model's card (PublishedCard.tsx): from its config.json, or from the Hub catalogue. */
  card?: ModelCard;
}

/** How many sequences the worker keeps (setSequence): the page's cache of sent sequences mirrors it. */
export const KEPT_SEQUENCES = 4;

/** The model an analysis runs on: the loaded one, or a second one beside it (the compare view) by the url it was sent by. */
export type ModelRef = 'current' | { url: string };

export type AnalysisRequest = {
  [K in AnalysisKind]: { type: 'analysis'; id: number; kind: K; sequence: number; args: ArgsOf<K>; model?: ModelRef };
}[AnalysisKind];

export type Request =
  | {
      type: 'init';
      id: number;
      backend?: BackendName;
      exclude?: BackendName[];
      testHooks?: boolean;
      wasmThreads?: number;
    }
  | { type: 'load'; id: number; url: string }
  /** A model folder the user brings (its files, or one .zip of them); a bundled-format one is checked against its golden.json. */
  | { type: 'loadFiles'; id: number; label: string; files: ModelFile[] }
  /**
   * A second model beside the current one (the compare view): loaded, or kept if it is the one held. A bundled
   * model by its URL; a brought one by its files (as loadFiles), `url` then naming it for the analyses' ModelRef.
   */
  | { type: 'second'; id: number; url: string; files?: ModelFile[]; label?: string }
  /** The sequence later requests analyse, sent once (up to 100,000 bases); they name it by `sequence`, this id. */
  | { type: 'setSequence'; id: number; sequence: string }
  | AnalysisRequest
  /** Time `repeats` forward passes of a [batch, T] token batch (npm run bench), after one warm-up. */
  | { type: 'benchForward'; id: number; tokens: Int32Array; batch: number; repeats: number }
  /** Forward time against length for each of these models (loaded beside the current one, then freed). */
  | { type: 'costCurve'; id: number; models: { id: string; url: string }[]; lengths: number[]; repeats: number }
  /** Re-run the model's golden.json (PyTorch outputs) on the running backend. */
  | { type: 'check'; id: number }
  | { type: 'cancel'; id: number };

export interface ControlResults {
  init: BackendChoice;
  load: ModelInfo;
  loadFiles: ModelInfo;
  second: ModelInfo;
  /** sequence: the id later requests name it by. */
  setSequence: { length: number; sequence: number };
  check: GoldenReport & { backend: string };
  /** `model`: the id of the model the worker timed (a bench checks it is the one it asked for). */
  benchForward: { ms: number[]; backend: string; numBytes: number; model: string };
  costCurve: { backend: string; curves: ({ id: string; architecture: string } & CostCurve)[] };
}

/** What a request of this type resolves to; an analysis request's result is its descriptor's. */
export type ResultFor<R extends { type: string }> = R extends { type: 'analysis'; kind: infer K extends AnalysisKind }
  ? ResultOf<K>
  : R['type'] extends keyof ControlResults
    ? ControlResults[R['type']]
    : never;

export type Reply =
  | {
      type: 'progress';
      id: number;
      status: 'download' | 'verify' | 'progress';
      done: number;
      total: number;
      file?: string;
    }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string; cancelled: boolean }
  /** The worker can no longer compute (its WebGPU device was lost): restart it on another backend. */
  | { type: 'failure'; message: string };

/** Every request type but cancel, which the client sends on abort. */
export type Call = Exclude<Request, { type: 'cancel' }>;
