// The app state's shape: every slice and the store handle, so slices and share sync can refer to it without
// importing the store itself (which would make an import circle).

import type { StoreApi } from 'zustand';
import type { AnalysisKind, ResultOf } from '../analysis/descriptor';
import type { AttentionSettings } from '../analysis/descriptors/attention';
import type { DependencySettings } from '../analysis/descriptors/dependency';
import type { FewshotSettings } from '../analysis/descriptors/fewshot';
import type { MutagenesisSettings } from '../analysis/descriptors/mutagenesis';
import type { ScoreMethod } from '../analysis/variantEffect';
import type { SequenceRecord } from '../genome/parseSequence';
import type { TrackMark } from '../gallery/examples';
import type { TypedVariant } from '../genome/variantSyntax';
import type { BackendChoice } from '../model/backend';
import type { Objective } from '../model/family';
import type { ModelFile } from '../model/memorySource';
import type { ModelCard } from '../model/meta';
import type { CostCurveResult } from './costCurveSlice';
import type { SavedAnalysis } from '../share/savedAnalysis';
import type { ControlResults, ModelInfo } from '../worker/protocol';

export interface ModelEntry {
  id: string;
  name: string;
  objective: Objective;
  path: string;
  description?: string;
  /** Brought by the user this session (loaded from their files, not from path). */
  user?: true;
  /** A brought model's files, kept so that switching back to it (or a map's helper worker) loads it again. */
  files?: ModelFile[];
  /** A model downloaded from the Hub: its catalogue card, kept over what its config.json says. */
  card?: ModelCard;
}

/** Which model a job ran on: 'a' the loaded one, 'b' the compare view's. */
export type Slot = 'a' | 'b';
export type JobKey = AnalysisKind | `${AnalysisKind}@b`;

/** startedAt and updatedAt: performance.now() at the start and at the last report (the bar's time left). */
export interface Progress {
  label: string;
  done: number;
  total: number;
  startedAt: number;
  updatedAt: number;
}

/** One analysis run, whatever its kind: progress, cancel, result or error, and what it was of. */
export interface Job {
  kind: AnalysisKind;
  slot: Slot;
  status: 'running' | 'done' | 'error' | 'cancelled';
  progress: Progress;
  result?: unknown;
  /** Why it failed, or that it was cancelled. */
  error?: string;
  /** The sequence and model it belongs to: a result of another is stale. */
  of: { sequence: string; model: string };
  /** The request's arguments (a saved analysis keeps what its descriptor saves of them). */
  args: unknown;
  ctl: AbortController;
}

export interface JobsSlice {
  jobs: Partial<Record<JobKey, Job>>;
  /**
   * Run an analysis on the analysed sequence (cancelling the same key's run before); resolves to its result, or
   * null when it failed, was cancelled or superseded (the job says which). `via`: compute it another way than
   * one worker call (a dependency map shared among workers).
   */
  runJob<K extends AnalysisKind>(
    kind: K,
    args: import('../analysis/descriptor').ArgsOf<K>,
    opts?: {
      slot?: Slot;
      label?: string;
      via?: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<ResultOf<K>>;
    },
  ): Promise<ResultOf<K> | null>;
  /** Cancel a running job; false when it was not running. */
  cancelJob(key: JobKey): boolean;
  /** Drop jobs (all when no keys), cancelling the running ones. */
  clearJobs(keys?: JobKey[]): void;
}

export interface InputSlice {
  input: string;
  records: SequenceRecord[];
  recordIndex: number;
  notices: string[];
  inputError: string | null;
  setInput(text: string): void;
  selectRecord(i: number): void;
}

export interface ModelSlice {
  models: ModelEntry[];
  modelId: string | null;
  model: ModelInfo | null;
  modelError: string | null;
  /** A model load in progress (its own bar: it is not an analysis). */
  loading: Progress | null;
  backend: BackendChoice | null;
  backendError: string | null;
  init(): Promise<void>;
  /** Load a model of the list; what it cleared is said in `modelNote`. */
  selectModel(id: string): Promise<void>;
  /**
   * Load a model folder the user picked or dropped (its files, or one .zip) or downloaded from the Hub (`card`:
   * its catalogue card), after its checks; false when it was refused (modelError says why).
   */
  bringModel(files: ModelFile[], label: string, card?: ModelCard): Promise<boolean>;
  /** What the last model switch did to the analysis (kept, rerun or cleared), in words. */
  modelNote: string | null;
  checkModel(): Promise<ControlResults['check']>;
}

/** A cell of the attention or the dependency map, as the sequence positions of its row and column. */
export interface MapHover {
  map: 'attention' | 'dependency';
  row: number;
  col: number;
}

export interface AnalysisSlice {
  /** The sequence the current results belong to. */
  analysed: SequenceRecord | null;
  /** The records of the input it was picked from (variants are placed on these, as the CLI does). */
  analysedRecords: SequenceRecord[];
  /** The input no longer holds the analysed record (edited, refused or another record picked): the results are stale. */
  stale: boolean;
  runError: string | null;
  /** Why a share link could not be (fully) restored. */
  linkMessage: string | null;
  shareLinkLength: number;
  shareTooLarge: boolean;
  attentionSettings: AttentionSettings;
  focus: number | null;
  /** The map cell under the pointer, as sequence positions: its row (query / substituted) and column (key / read). */
  mapHover: MapHover | null;
  /** Track view: zoom step (0 the opening view, components/trackView.ts; each step doubles or halves) and first
   *  visible base. */
  view: { zoom: number; start: number };
  /** The gallery example open, if any, and the regions its caption names for the tracks; a new sequence clears them. */
  exampleId: string | null;
  marks: TrackMark[];
  /** Analyse the selected record of the input box, or `again`: a record analysed before (a new model, crash recovery).
   *  `at`: the focus and view a new record opens at (a saved analysis), set before its results show so that a click
   *  made while the rest runs is not overwritten. */
  run(
    again?: { record: SequenceRecord; records: SequenceRecord[] },
    at?: { focus?: number; view?: { zoom: number; start: number } },
  ): Promise<void>;
  /** Open a saved analysis (share link, session file, gallery example); returns notes on what could not be applied. */
  openAnalysis(saved: SavedAnalysis, example?: { id: string; marks: TrackMark[] }): Promise<string[]>;
  /** Cancel every running analysis. */
  cancel(): void;
  setAttention(s: Partial<AttentionSettings>): void;
  setFocus(pos: number | null): void;
  setMapHover(cell: MapHover | null): void;
  setView(view: { zoom: number; start: number }): void;
}

export interface VariantRow {
  key: string;
  source: TypedVariant;
  /** 0-based in the analysed sequence, or null when it could not be placed. */
  index: number | null;
  scores: Partial<Record<ScoreMethod, number | null>>;
  note: string;
}

export interface VariantSlice {
  variants: VariantRow[];
  variantMessages: string[];
  window: number;
  bothStrands: boolean;
  mutagenesisMethod: ScoreMethod | null;
  /** Variants in notation, or pasted VCF text (then read as addVcf does). */
  addVariants(text: string): Promise<void>;
  addVcf(text: string): Promise<void>;
  removeVariant(key: string): void;
  clearVariants(): void;
  setScoreSettings(s: { window?: number; bothStrands?: boolean; mutagenesisMethod?: ScoreMethod }): void;
  scoreVariants(): Promise<void>;
  runMutagenesis(settings: MutagenesisSettings): Promise<void>;
  runDependencyMap(settings: DependencySettings): Promise<void>;
  /** Fit the few-shot probe on the analysed sequence and predict the table's placed variants (or apply a link's). */
  runFewshot(settings: FewshotSettings): Promise<void>;
  /** Whether the share link carries the few-shot training labels (it always carries the fitted probe). */
  fewshotShareLabels: boolean;
  setFewshotShareLabels(on: boolean): void;
}

export interface CompareSlice {
  /** The second model's id (a bundled model), or null when not comparing. */
  compareId: string | null;
  /** Its description, once loaded. */
  compareModel: ModelInfo | null;
  /** Its score of each variant (by row key), with the method both models share. */
  compareScores: Record<string, { method: ScoreMethod; score: number | null }>;
  compareError: string | null;
  setCompare(id: string | null): Promise<void>;
  runCompare(): Promise<void>;
  scoreCompare(): Promise<void>;
}

/** A download from the Hugging Face Hub (one at a time): its progress in MB, and how it ended. */
export interface HubJob {
  /** The catalogue entry's id. */
  id: string;
  status: 'downloading' | 'loading' | 'done' | 'error' | 'cancelled';
  progress: Progress;
  error?: string;
}

export interface HubSlice {
  hub: HubJob | null;
  /** Catalogue entries whose files are all in this browser's cache (a later visit loads them offline). */
  hubCached: Record<string, boolean>;
  /** Which entries the cache holds (reads the cache only: nothing leaves the page). */
  refreshHubCache(): Promise<void>;
  /** On the person's click only: fetch the entry's files (or read them from the cache), then load them. */
  downloadHub(id: string): Promise<void>;
  cancelHub(): void;
  /** Drop an entry's files from the cache. */
  forgetHub(id: string): Promise<void>;
}

export interface CostCurveSlice {
  costCurve: CostCurveResult | null;
  measureCosts(lengths: number[]): Promise<void>;
  cancelCosts(): void;
}

export type AppState = InputSlice &
  ModelSlice &
  JobsSlice &
  AnalysisSlice &
  VariantSlice &
  CompareSlice &
  CostCurveSlice &
  HubSlice;

/** The store as share sync and bootstrap see it. */
export type AppStore = StoreApi<AppState>;
