// An analysis is one unit, in the manner of jbrowse's RPC method per file: its request arguments, how it runs
// on a model and a sequence, which buffers its result transfers, and how its settings enter and leave a saved
// analysis. Each lives in descriptors/<kind>.ts and adds itself to AnalysisKinds there, so the worker protocol
// and the store's jobs take their types from the descriptors alone; the worker and the page find them by
// listing that folder (worker/analyses.ts, state/analyses.ts).

import type { LanguageModel } from '../model/languageModel';
import type { RunOptions } from './run';

/** The sequence an analysis reads: as text (variant scoring) and as runtime tokens. */
export interface AnalysisInput {
  text: string;
  tokens: Int32Array;
}

/**
 * What a saved analysis (share link, session file) keeps of an analysis: its settings as the page holds them
 * (a variant list as typed; a region), from which the page makes the request's arguments again.
 */
export interface SavedPart<Settings> {
  write(settings: Settings): unknown;
  /** Back from a saved analysis, checked against the sequence's length; throws an Error naming what is wrong. */
  read(json: unknown, length: number): Settings;
}

export interface AnalysisDescriptor<Args = unknown, Result = unknown, Settings = Args> {
  readonly kind: string;
  /** What the page says while it runs ("Dependency map"). */
  readonly label: string;
  /** false: a sequence analysis that reads no model (it still runs in the worker, off the page's thread). */
  readonly needsModel?: false;
  run(model: LanguageModel | null, input: AnalysisInput, args: Args, opts: RunOptions): Promise<Result>;
  /** The result's buffers, moved (not copied) to the page. */
  transfer(result: Result): ArrayBufferLike[];
  /** Absent: a saved analysis does not reopen it (it follows from the others, as the scan does). */
  readonly saved?: SavedPart<Settings>;
}

/** Each descriptor file adds `kind: typeof descriptor` here by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalysisKinds {}

export type AnalysisKind = keyof AnalysisKinds & string;
export type ArgsOf<K extends AnalysisKind> =
  AnalysisKinds[K] extends AnalysisDescriptor<infer A, infer _R, infer _S> ? A : never;
export type ResultOf<K extends AnalysisKind> =
  AnalysisKinds[K] extends AnalysisDescriptor<infer _A, infer R, infer _S> ? R : never;
export type SettingsOf<K extends AnalysisKind> =
  AnalysisKinds[K] extends AnalysisDescriptor<infer _A, infer _R, infer S> ? S : never;

/** Identity, for inference: `export const scan = defineAnalysis({ ... })`. */
export function defineAnalysis<Args, Result, Settings = Args>(
  d: AnalysisDescriptor<Args, Result, Settings>,
): AnalysisDescriptor<Args, Result, Settings> {
  return d;
}

/** A model the analysis needs, or an error saying none is loaded. */
export function requireModel(model: LanguageModel | null): LanguageModel {
  if (!model) throw new Error('No model is loaded yet.');
  return model;
}

/** Shared checks of saved settings: an integer in [min, max], or an Error naming the field. */
export function savedInt(v: unknown, min: number, max: number, field: string): number {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) throw new Error(`its ${field} is not valid`);
  return v as number;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
