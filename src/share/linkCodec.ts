// The share link's frame: JSON settings and a sequence in the URL fragment (#s=3.<base64url>), so nothing
// reaches a server. Binary: varint JSON length, JSON settings, packed sequence, then (from format 2) the CRC-32
// of all that, big-endian; deflated (fflate). Decoding is bounded and checked: a bad link gives a specific
// LinkError, never a throw elsewhere. What the JSON holds is savedAnalysis.ts's (it reads formats 1 and 2 too).

import { deflateSync, Inflate } from 'fflate';
import { MAX_SEQUENCE_LENGTH } from '../genome/parseSequence';
import { crc32 } from './crc32';
import { ByteReader, ByteWriter, packSequence, unpackSequence } from './packSequence';
import { LinkError } from './linkError';

export const LINK_VERSION = 3;
/** What a format-1 link (made before links carried a check) is restored with. */
export const UNCHECKED_NOTICE =
  'This link is in format 1, made before share links carried a check (CRC-32): it has no check, so damage to it ' +
  'cannot be detected. Compare the sequence with its source, or ask for a new link.';
/** Longest fragment accepted as a link (characters). Longer states are shared as a session file. */
export const MAX_LINK_CHARS = 64_000;
/** Most bytes a link may inflate to; checked while inflating, before the memory is used. */
export const MAX_INFLATED_BYTES = 256 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new LinkError(
      'The link contains characters that are not part of a share link; it may have been edited or cut.',
    );
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new LinkError('The link is damaged (it is not valid base64url); it may have been cut short.');
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function inflateBounded(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0,
    finished = false;
  const inf = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES)
      throw new LinkError(
        `The link expands to more than ${MAX_INFLATED_BYTES / 1024} KB, the limit for a share link; it was refused.`,
      );
    chunks.push(chunk);
    finished ||= final;
  });
  try {
    inf.push(data, true);
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError(
      'The link is damaged: its compressed data does not decode (it may have been cut short or edited).',
    );
  }
  if (!finished)
    throw new LinkError('The link is incomplete: its compressed data ends early (it was probably cut short).');
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** What a link holds, before its settings are read: the format, the settings JSON, the sequence. */
export interface Frame {
  version: number;
  settings: unknown;
  sequence: string;
  softMasked: Uint8Array;
}

export function encodeFrame(settings: unknown, sequence: string, softMasked?: Uint8Array): string {
  const w = new ByteWriter();
  const json = new TextEncoder().encode(JSON.stringify(settings));
  w.varint(json.length);
  w.bytes(json);
  packSequence(w, sequence, softMasked);
  w.uint32(crc32(w.result()));
  return `s=${LINK_VERSION}.${toBase64Url(deflateSync(w.result(), { level: 9 }))}`;
}

/** The payload without its check, once the check matches (formats 2 and 3); format 1 has none. */
function checked(payload: Uint8Array, version: number): Uint8Array {
  if (version === 1) return payload;
  if (payload.length < 4) throw new LinkError('The link is damaged: it is too short to hold its check.');
  const body = payload.subarray(0, payload.length - 4);
  const stored = new ByteReader(payload.subarray(payload.length - 4)).uint32();
  if (crc32(body) !== stored) {
    throw new LinkError(
      'The link is damaged: its check (CRC-32) does not match its content, so it was changed after it was made ' +
        '(a character edited, lost or added). Ask for the link again.',
    );
  }
  return body;
}

/** maxChars: a link's limit; session files (which hold the same text) pass Infinity. */
export function decodeFrame(fragment: string, maxChars = MAX_LINK_CHARS): Frame {
  const text = fragment.replace(/^#/, '');
  if (text.length > maxChars)
    throw new LinkError(
      `The link is ${text.length.toLocaleString('en-US')} characters long, over the ${MAX_LINK_CHARS.toLocaleString('en-US')} this page reads; open it as a session file instead.`,
    );
  const m = /^s=(\d+)\.(.*)$/s.exec(text);
  if (!m) throw new LinkError('This is not a share link of this app (it should start with #s=).');
  const version = Number(m[1]);
  if (version > LINK_VERSION)
    throw new LinkError(
      `This link was made by a newer version of the app (format ${version}; this page reads format ${LINK_VERSION}). Open it with the newer version.`,
    );
  if (version < 1) throw new LinkError(`Unknown share link format ${version}.`);
  const r = new ByteReader(checked(inflateBounded(fromBase64Url(m[2]!)), version));
  try {
    const jsonLen = r.varint();
    let settings: unknown;
    try {
      settings = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(r.bytes(jsonLen)));
    } catch (e) {
      if (e instanceof RangeError) throw e;
      throw new LinkError('The link is damaged: its settings are not valid JSON.');
    }
    const { sequence, softMasked } = unpackSequence(r, MAX_SEQUENCE_LENGTH);
    if (!r.done) throw new LinkError('The link is damaged: it has data after its end.');
    return { version, settings, sequence, softMasked };
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError(`The link is damaged: ${(e as Error).message}.`);
  }
}
