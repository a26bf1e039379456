// Messages between the page and the model worker: requests keyed by id, replies progress | result | error.

import type { AttentionMap } from '../analysis/attentionMap';
import type { DependencyMap, MapStrands } from '../analysis/dependency/dependencyMap';
import type { CostCurve } from '../bench/costCurve';
import type { GoldenReport } from '../model/check/goldenCheck';
import type { LikelihoodTrack } from '../analysis/likelihoodScan';
import type { MutagenesisResult } from '../analysis/mutagenesis';
import type { ScoreMethod, Variant, VariantScore } from '../analysis/variantEffect';
import type { BackendChoice, BackendName } from '../model/backend';
import type { ModelManifest } from '../model/manifest';

export interface ModelInfo {
  id: string;
  name: string;
  objective: ModelManifest['objective'];
  architecture: ModelManifest['architecture']['type'];
  context: number;
  nHeads: number;
  nAttentionLayers: number;
  parameters: number;
  metrics: ModelManifest['metrics'];
  scoreDistribution?: ModelManifest['scoreDistribution'];
}

/** How many sequences the worker keeps (setSequence): the page's cache of sent sequences mirrors it. */
export const KEPT_SEQUENCES = 4;

export type Request =
  | { type: 'init'; id: number; backend?: BackendName; exclude?: BackendName[]; testHooks?: boolean; wasmThreads?: number }
  | { type: 'load'; id: number; url: string }
  /** A model folder the user brings (its files, or one .zip of them), checked against its golden.json. */
  | { type: 'loadFiles'; id: number; label: string; files: { path: string; bytes: ArrayBuffer }[] }
  /** The sequence later requests analyse, sent once (up to 100,000 bases); they name it by `sequence`, this id. */
  | { type: 'setSequence'; id: number; sequence: string }
  | { type: 'scan'; id: number; sequence: number; maskStride: number }
  | { type: 'attention'; id: number; sequence: number; layer: number; heads: number[]; focus: number }
  | { type: 'score'; id: number; sequence: number; variants: Variant[]; settings: ScoreSettings }
  | { type: 'mutagenesis'; id: number; sequence: number; start: number; end: number; settings: ScoreSettings }
  /** Nucleotide dependency map of [start, end) of the sequence (analysis/dependency); `rows`: only that share of its rows. */
  | { type: 'dependencyMap'; id: number; sequence: number; start: number; end: number; strands: MapStrands; rows?: [number, number] }
  /** Time `repeats` forward passes of a [batch, T] token batch (npm run bench), after one warm-up. */
  | { type: 'benchForward'; id: number; tokens: Int32Array; batch: number; repeats: number }
  /** The compare view: scan or score the sequence with a second model (by URL), loaded beside the current one. */
  | { type: 'compareScan'; id: number; url: string; sequence: number; maskStride: number }
  | { type: 'compareScore'; id: number; url: string; sequence: number; variants: Variant[]; settings: ScoreSettings }
  /** Forward time against length for each of these models (loaded beside the current one, then freed). */
  | { type: 'costCurve'; id: number; models: { id: string; url: string }[]; lengths: number[]; repeats: number }
  /** Re-run the model's golden.json (PyTorch outputs) on the running backend. */
  | { type: 'check'; id: number }
  | { type: 'cancel'; id: number };

export interface ScoreSettings {
  method: ScoreMethod;
  window: number;
  bothStrands: boolean;
}

export interface Results {
  init: BackendChoice;
  load: ModelInfo;
  loadFiles: ModelInfo;
  /** sequence: the id later requests name it by. */
  setSequence: { length: number; sequence: number };
  scan: LikelihoodTrack;
  attention: AttentionMap;
  check: GoldenReport & { backend: string };
  benchForward: { ms: number[]; backend: string; numBytes: number };
  compareScan: { model: ModelInfo; scan: LikelihoodTrack };
  compareScore: { scores: VariantScore[]; forwardRows: number };
  costCurve: { backend: string; curves: ({ id: string; architecture: string } & CostCurve)[] };
  score: { scores: VariantScore[]; forwardRows: number };
  mutagenesis: MutagenesisResult;
  dependencyMap: DependencyMap;
}

export type Reply =
  | { type: 'progress'; id: number; status: 'download' | 'verify' | 'progress'; done: number; total: number; file?: string }
  | { type: 'result'; id: number; result: Results[keyof Results] }
  | { type: 'error'; id: number; message: string; cancelled: boolean }
  /** The worker can no longer compute (its WebGPU device was lost): restart it on another backend. */
  | { type: 'failure'; message: string };

/** Every request type but cancel, which the client sends on abort. */
export type Call = Exclude<Request, { type: 'cancel' }>;
export type CallType = Call['type'];
