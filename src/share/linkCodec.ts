// The share format: the whole analysis state in the URL fragment (#s=2.<base64url>), so nothing
// reaches a server. Binary: varint JSON length, JSON settings, packed sequence, then (from format 2)
// the CRC-32 of all that, big-endian; deflated (fflate). Decoding is bounded and validated: bad links
// give a specific LinkError, never a throw elsewhere. Format-1 links (no check) are still read.

import { deflateSync, Inflate } from 'fflate';
import { MAX_DEPENDENCY_LENGTH, type MapStrands } from '../analysis/dependency/dependencyMap';
import { METHODS, type ScoreMethod } from '../analysis/variantEffect';
import { MAX_SEQUENCE_LENGTH } from '../genome/parseSequence';
import { crc32 } from './crc32';
import { ByteReader, ByteWriter, packSequence, unpackSequence } from './packSequence';

export const LINK_VERSION = 2;
/** What a format-1 link (made before links carried a check) is restored with. */
export const UNCHECKED_NOTICE = 'This link is in format 1, made before share links carried a check (CRC-32): it has no check, so damage to it '
  + 'cannot be detected. Compare the sequence with its source, or ask for a new link.';
/** Longest fragment accepted as a link (characters). Longer states are shared as a session file. */
export const MAX_LINK_CHARS = 64_000;
/** Most bytes a link may inflate to; checked while inflating, before the memory is used. */
export const MAX_INFLATED_BYTES = 256 * 1024;

export interface ShareState {
  name: string;
  sequence: string;
  softMasked?: Uint8Array;
  model?: string;
  focus?: number;
  layer?: number;
  head?: number;
  variants?: string[];
  window?: number;
  bothStrands?: boolean;
  mutagenesis?: [number, number];
  /** Mutagenesis score method. */
  method?: ScoreMethod;
  /** Track view: zoom step and first visible base. */
  view?: { zoom: number; start: number };
  /** A dependency map's region [start, end) and strands; the map is recomputed on open. */
  dependency?: { start: number; end: number; strands: MapStrands };
  /** The compare view's second model id. */
  compare?: string;
}

/** A decoded link; `notice` is set when it was read but could not be checked. */
export type DecodedLink = ShareState & { notice?: string };

export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError('The link contains characters that are not part of a share link; it may have been edited or cut.');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try { bin = atob(b64); } catch { throw new LinkError('The link is damaged (it is not valid base64url); it may have been cut short.'); }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function inflateBounded(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0, finished = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw new LinkError(`The link expands to more than ${MAX_INFLATED_BYTES / 1024} KB, the limit for a share link; it was refused.`);
    chunks.push(chunk);
    finished ||= final;
  });
  try {
    inf.push(data, true);
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError('The link is damaged: its compressed data does not decode (it may have been cut short or edited).');
  }
  if (!finished) throw new LinkError('The link is incomplete: its compressed data ends early (it was probably cut short).');
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

export function encodeLink(state: ShareState): string {
  const { sequence, softMasked, ...settings } = state;
  const w = new ByteWriter();
  const json = new TextEncoder().encode(JSON.stringify(settings));
  w.varint(json.length);
  w.bytes(json);
  packSequence(w, sequence, softMasked);
  w.uint32(crc32(w.result()));
  return `s=${LINK_VERSION}.${toBase64Url(deflateSync(w.result(), { level: 9 }))}`;
}

/** The payload without its check, once the check matches (format 2); format 1 has none. */
function checked(payload: Uint8Array, version: number): Uint8Array {
  if (version === 1) return payload;
  if (payload.length < 4) throw new LinkError('The link is damaged: it is too short to hold its check.');
  const body = payload.subarray(0, payload.length - 4);
  const stored = new ByteReader(payload.subarray(payload.length - 4)).uint32();
  if (crc32(body) !== stored) {
    throw new LinkError('The link is damaged: its check (CRC-32) does not match its content, so it was changed after it was made '
      + '(a character edited, lost or added). Ask for the link again.');
  }
  return body;
}

const isInt = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** maxChars: a link's limit; session files (which hold the same text) pass Infinity. */
export function decodeLink(fragment: string, maxChars = MAX_LINK_CHARS): DecodedLink {
  const text = fragment.replace(/^#/, '');
  if (text.length > maxChars) throw new LinkError(`The link is ${text.length.toLocaleString('en-US')} characters long, over the ${MAX_LINK_CHARS.toLocaleString('en-US')} this page reads; open it as a session file instead.`);
  const m = /^s=(\d+)\.(.*)$/s.exec(text);
  if (!m) throw new LinkError('This is not a share link of this app (it should start with #s=).');
  const version = Number(m[1]);
  if (version > LINK_VERSION) throw new LinkError(`This link was made by a newer version of the app (format ${version}; this page reads format ${LINK_VERSION}). Open it with the newer version.`);
  if (version !== LINK_VERSION && version !== 1) throw new LinkError(`Unknown share link format ${version}.`);
  const r = new ByteReader(checked(inflateBounded(fromBase64Url(m[2]!)), version));
  try {
    const jsonLen = r.varint();
    let settings: Record<string, unknown>;
    try { settings = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(r.bytes(jsonLen))); } catch (e) {
      if (e instanceof RangeError) throw e;
      throw new LinkError('The link is damaged: its settings are not valid JSON.');
    }
    const { sequence, softMasked } = unpackSequence(r, MAX_SEQUENCE_LENGTH);
    if (!r.done) throw new LinkError('The link is damaged: it has data after its end.');
    const state = validate(settings, sequence, softMasked);
    return version === 1 ? { ...state, notice: UNCHECKED_NOTICE } : state;
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError(`The link is damaged: ${(e as Error).message}.`);
  }
}

function validate(s: Record<string, unknown>, sequence: string, softMasked: Uint8Array): ShareState {
  const bad = (field: string): never => { throw new LinkError(`The link is damaged: its ${field} is not valid.`); };
  if (typeof s !== 'object' || s === null || Array.isArray(s)) bad('settings');
  if (sequence.length === 0) bad('sequence');
  const out: ShareState = { name: typeof s.name === 'string' && s.name.length <= 200 ? s.name : bad('name'), sequence, softMasked };
  if (s.model !== undefined) out.model = typeof s.model === 'string' && /^[\w.-]{1,80}$/.test(s.model) ? s.model : bad('model');
  if (s.compare !== undefined) out.compare = typeof s.compare === 'string' && /^[\w.-]{1,80}$/.test(s.compare) ? s.compare : bad('compare');
  if (s.focus !== undefined) out.focus = isInt(s.focus, 0, sequence.length - 1) ? (s.focus as number) : bad('focus');
  if (s.layer !== undefined) out.layer = isInt(s.layer, 0, 64) ? (s.layer as number) : bad('layer');
  if (s.head !== undefined) out.head = isInt(s.head, 0, 64) ? (s.head as number) : bad('head');
  if (s.window !== undefined) out.window = isInt(s.window, 1, 100_000) ? (s.window as number) : bad('window');
  if (s.bothStrands !== undefined) out.bothStrands = typeof s.bothStrands === 'boolean' ? s.bothStrands : bad('strand setting');
  if (s.variants !== undefined) {
    out.variants = Array.isArray(s.variants) && s.variants.length <= 5000 && s.variants.every((v) => typeof v === 'string' && v.length <= 200)
      ? (s.variants as string[]) : bad('variant list');
  }
  if (s.method !== undefined) out.method = typeof s.method === 'string' && Object.hasOwn(METHODS, s.method) ? s.method as ScoreMethod : bad('method');
  if (s.view !== undefined) {
    const v = s.view as Record<string, unknown> | null;
    out.view = v && typeof v === 'object' && isInt(v.zoom, 0, 40) && isInt(v.start, 0, sequence.length - 1)
      ? { zoom: v.zoom as number, start: v.start as number } : bad('view');
  }
  if (s.dependency !== undefined) {
    const d = s.dependency as Record<string, unknown> | null;
    out.dependency = d && typeof d === 'object' && isInt(d.start, 0, sequence.length - 2) && isInt(d.end, (d.start as number) + 2, Math.min(sequence.length, (d.start as number) + MAX_DEPENDENCY_LENGTH))
      && (d.strands === 'forward' || d.strands === 'both') ? { start: d.start as number, end: d.end as number, strands: d.strands } : bad('dependency map region');
  }
  if (s.mutagenesis !== undefined) {
    const mg = s.mutagenesis;
    out.mutagenesis = Array.isArray(mg) && mg.length === 2 && isInt(mg[0], 0, sequence.length - 1) && isInt(mg[1], (mg[0] as number) + 1, sequence.length)
      ? [mg[0] as number, mg[1] as number] : bad('mutagenesis region');
  }
  return out;
}
