// A saved analysis: what a share link, a session file or a gallery example reopens. The sequence, the models,
// the view, and each analysis's settings as its descriptor saves them (analysis/descriptors/*: saved). One shape
// for every way an analysis is reopened; formats 1 and 2 of the link (flat settings) are read into it.

import type { AnalysisKind, SettingsOf } from '../analysis/descriptor';
import { ANALYSES } from '../analysis/registry';
import { decodeFrame, encodeFrame, MAX_LINK_CHARS, UNCHECKED_NOTICE } from './linkCodec';
import { LinkError } from './linkError';

export type SavedAnalyses = { [K in AnalysisKind]?: SettingsOf<K> };

export interface SavedAnalysis {
  name: string;
  sequence: string;
  softMasked?: Uint8Array;
  /** Model ids: the one analysed with, and the compare view's second. */
  models: { primary?: string; compare?: string };
  /** Track view: zoom step, first visible base, the focused base. */
  view: { zoom?: number; start?: number; focus?: number };
  analyses: SavedAnalyses;
  /** The gallery example it was opened from: a link reopens its caption and marks too. */
  example?: string;
}

/** A decoded analysis; `notice` says what was read but could not be checked or kept. */
export type DecodedAnalysis = SavedAnalysis & { notice?: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const MODEL_ID = /^[\w.-]{1,80}$/;

/** The JSON a link or session file holds (the sequence travels packed beside it). */
export function writeSaved(s: SavedAnalysis): unknown {
  const analyses: Record<string, unknown> = {};
  for (const [kind, settings] of Object.entries(s.analyses)) {
    const saved = ANALYSES.get(kind)?.saved;
    if (saved && settings !== undefined) analyses[kind] = saved.write(settings);
  }
  return { name: s.name, models: s.models, view: s.view, analyses, ...(s.example ? { example: s.example } : {}) };
}

/** Back from that JSON, every field checked against the sequence; an Error names the first bad one. */
export function readSaved(json: unknown, sequence: string, softMasked: Uint8Array): DecodedAnalysis {
  const bad = (field: string): never => {
    throw new Error(`its ${field} is not valid`);
  };
  if (!isRecord(json)) return bad('settings');
  if (sequence.length === 0) bad('sequence');
  const name = typeof json.name === 'string' && json.name.length <= 200 ? json.name : bad('name');
  const m = isRecord(json.models) ? json.models : bad('model');
  const models: SavedAnalysis['models'] = {};
  if (m.primary !== undefined)
    models.primary = typeof m.primary === 'string' && MODEL_ID.test(m.primary) ? m.primary : bad('model');
  if (m.compare !== undefined)
    models.compare = typeof m.compare === 'string' && MODEL_ID.test(m.compare) ? m.compare : bad('compare');
  const v = isRecord(json.view) ? json.view : bad('view');
  const view: SavedAnalysis['view'] = {};
  if (v.zoom !== undefined) view.zoom = isInt(v.zoom, -40, 40) ? (v.zoom as number) : bad('view');
  if (v.start !== undefined) view.start = isInt(v.start, 0, sequence.length - 1) ? (v.start as number) : bad('view');
  if (v.focus !== undefined) view.focus = isInt(v.focus, 0, sequence.length - 1) ? (v.focus as number) : bad('focus');
  const a = isRecord(json.analyses) ? json.analyses : bad('analyses');
  const analyses: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [kind, saved] of Object.entries(a)) {
    const part = ANALYSES.get(kind)?.saved;
    if (part) analyses[kind] = part.read(saved, sequence.length);
    else unknown.push(kind);
  }
  const out: DecodedAnalysis = { name, sequence, softMasked, models, view, analyses: analyses as SavedAnalyses };
  if (json.example !== undefined)
    out.example =
      typeof json.example === 'string' && /^[\w-]{1,60}$/.test(json.example) ? json.example : bad('example');
  if (unknown.length)
    out.notice = `It also holds ${unknown.join(', ')}, which this version of the app does not have; ${unknown.length > 1 ? 'they were' : 'it was'} left out.`;
  return out;
}

/** Formats 1 and 2 kept every setting flat: their fields, moved to where format 3 keeps them (checked there). */
export function fromLegacySettings(json: unknown): unknown {
  if (!isRecord(json)) return json;
  // the format digit sits outside the check: format-3 settings under a format-2 prefix are a damaged link
  if ('models' in json || 'analyses' in json) throw new Error('its settings are not valid for its format');
  const s = json;
  const analyses: Record<string, unknown> = {};
  if (s.layer !== undefined || s.head !== undefined) analyses.attention = { layer: s.layer ?? 0, head: s.head ?? 0 };
  if (s.variants !== undefined || s.window !== undefined || s.bothStrands !== undefined) {
    analyses.variants = { list: s.variants ?? [], window: s.window ?? 256, bothStrands: s.bothStrands ?? false };
  }
  if (s.mutagenesis !== undefined) {
    const mg = Array.isArray(s.mutagenesis) ? s.mutagenesis : [];
    analyses.mutagenesis = { start: mg[0], end: mg[1], ...(s.method !== undefined ? { method: s.method } : {}) };
  }
  if (s.dependency !== undefined) analyses.dependency = s.dependency;
  const view = isRecord(s.view) ? { ...s.view } : s.view === undefined ? {} : s.view;
  if (isRecord(view) && s.focus !== undefined) view.focus = s.focus;
  const models: Record<string, unknown> = {};
  if (s.model !== undefined) models.primary = s.model;
  if (s.compare !== undefined) models.compare = s.compare;
  return { name: s.name, models, view, analyses };
}

/** The share link of an analysis (its fragment, without '#'). */
export function encodeLink(s: SavedAnalysis): string {
  return encodeFrame(writeSaved(s), s.sequence, s.softMasked);
}

/** The analysis a link holds; a LinkError names what is wrong. maxChars: Infinity for session files. */
export function decodeLink(fragment: string, maxChars = MAX_LINK_CHARS): DecodedAnalysis {
  const f = decodeFrame(fragment, maxChars);
  let state: DecodedAnalysis;
  try {
    state = readSaved(f.version < 3 ? fromLegacySettings(f.settings) : f.settings, f.sequence, f.softMasked);
  } catch (e) {
    throw new LinkError(`The link is damaged: ${(e as Error).message}.`);
  }
  return f.version === 1 ? { ...state, notice: [UNCHECKED_NOTICE, state.notice].filter(Boolean).join(' ') } : state;
}
