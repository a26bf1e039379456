// The app state's shape: both slices and the store handle, so slices and share sync can refer to it
// without importing the store itself (which would make an import circle).

import type { StoreApi } from 'zustand';
import type { AttentionMap } from '../analysis/attentionMap';
import type { DependencyMap, MapStrands } from '../analysis/dependency/dependencyMap';
import type { LikelihoodTrack } from '../analysis/likelihoodScan';
import type { MutagenesisResult } from '../analysis/mutagenesis';
import type { ScoreMethod } from '../analysis/variantEffect';
import type { SequenceRecord } from '../genome/parseSequence';
import type { TypedVariant } from '../genome/variantSyntax';
import type { BackendChoice } from '../model/backend';
import type { Objective } from '../model/family';
import type { ModelInfo, Results } from '../worker/protocol';

export interface ModelEntry {
  id: string;
  name: string;
  objective: Objective;
  path: string;
  description?: string;
  /** Brought by the user this session (loaded from their files, not from path). */
  user?: true;
}

/** kind: what runs, so a panel shows the progress of its own work only. */
export interface Progress { kind: 'load' | 'scan' | 'mutagenesis' | 'dependency'; label: string; done: number; total: number; startedAt: number }

/** A whole analysis to open (a share link, a session file, a gallery example): positions 0-based. */
export interface OpenRequest {
  text: string;
  /** A model id; one this page does not have leaves the current model, with a note. */
  model?: string;
  settings?: { window?: number; bothStrands?: boolean; mutagenesisMethod?: ScoreMethod };
  layer?: number;
  head?: number;
  focus?: number;
  view?: { zoom: number; start: number };
  variants?: string[];
  mutagenesis?: [number, number];
  /** A dependency map to compute: region [start, end), 0-based. */
  dependency?: DependencySettings;
  /** The compare view's second model. */
  compare?: string;
}

/** What a dependency map is of: the share link keeps these and recomputes the map on open. */
export interface DependencySettings { start: number; end: number; strands: MapStrands }

export interface AnalysisSlice {
  input: string;
  records: SequenceRecord[];
  recordIndex: number;
  notices: string[];
  inputError: string | null;

  models: ModelEntry[];
  modelId: string | null;
  model: ModelInfo | null;
  modelError: string | null;
  backend: BackendChoice | null;
  backendError: string | null;

  busy: boolean;
  progress: Progress | null;
  runError: string | null;
  /** The sequence the current results belong to. */
  analysed: SequenceRecord | null;
  /** The records of the input it was picked from (variants are placed on these, as the CLI does). */
  analysedRecords: SequenceRecord[];
  /** The input no longer holds the analysed record (edited, refused or another record picked): the results are stale. */
  stale: boolean;
  /** Why a share link could not be (fully) restored. */
  linkMessage: string | null;
  shareLinkLength: number;
  shareTooLarge: boolean;
  scan: LikelihoodTrack | null;
  attention: AttentionMap | null;
  layer: number;
  head: number;
  focus: number | null;
  /** Track view: zoom step (0 fits the sequence, each step doubles) and first visible base. */
  view: { zoom: number; start: number };

  setInput(text: string): void;
  selectRecord(i: number): void;
  init(): Promise<void>;
  selectModel(id: string): Promise<void>;
  /** Analyse the selected record of the input box, or `again`: a record analysed before (crash recovery). */
  run(again?: { record: SequenceRecord; records: SequenceRecord[] }): Promise<void>;
  /** Work of the other slice (mutagenesis) reports through these, so each slice writes only its own fields. */
  startWork(progress: Progress): void;
  reportProgress(progress: Progress): void;
  endWork(error?: string): void;
  /** Pick the model, put the text in the box, run, then apply the rest; returns notes on what could not be applied. */
  openAnalysis(req: OpenRequest): Promise<string[]>;
  cancel(): void;
  setLayer(layer: number): void;
  setHead(head: number): void;
  setFocus(pos: number | null): void;
  setView(view: { zoom: number; start: number }): void;
  checkModel(): Promise<Results['check']>;
}

export type AppState = AnalysisSlice & VariantSlice & DependencySlice & CompareSlice & UserModelSlice;

export interface DependencySlice {
  dependency: DependencyMap | null;
  runDependencyMap(settings: DependencySettings): Promise<void>;
  clearDependency(): void;
}

export interface UserModelSlice {
  /** Load a model folder the user picked or dropped (its files, or one .zip), after checking it against its golden vectors. */
  bringModel(files: { path: string; bytes: ArrayBuffer }[], label: string): Promise<void>;
}

export interface CompareSlice {
  /** The second model's id (a bundled model), or null when not comparing. */
  compareId: string | null;
  /** Its scan of `sequence` (results belong to the analysed sequence only when they match). */
  compare: { id: string; model: ModelInfo; scan: LikelihoodTrack; sequence: string } | null;
  /** Its score of each variant (by row key), with the method both models share. */
  compareScores: Record<string, { method: ScoreMethod; score: number | null }>;
  compareError: string | null;
  setCompare(id: string | null): Promise<void>;
  runCompare(): Promise<void>;
  scoreCompare(): Promise<void>;
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
  mutagenesis: MutagenesisResult | null;
  /** Variants in notation, or pasted VCF text (then read as addVcf does). */
  addVariants(text: string): Promise<void>;
  addVcf(text: string): Promise<void>;
  removeVariant(key: string): void;
  clearVariants(): void;
  setScoreSettings(s: { window?: number; bothStrands?: boolean; mutagenesisMethod?: ScoreMethod }): void;
  scoreVariants(): Promise<void>;
  runMutagenesis(start: number, end: number): Promise<void>;
  /** Results of the analysed sequence are gone (a new run or model): drop the mutagenesis too. */
  clearMutagenesis(): void;
}


/** The store as share sync and bootstrap see it. */
export type AppStore = StoreApi<AppState>;
