// A catalogue entry's files from the Hugging Face Hub: fetched at the Hub's documented resolve URL
// (https://huggingface.co/<repo>/resolve/<revision>/<file>, which redirects large files to its CDN), read through
// the body's stream for progress, checked against the sha256 the catalogue gives, and kept in a cache keyed by
// that URL, so a later visit loads them without the network. Only the files' names leave the page: the request
// carries no body, no credentials and no referrer.

import type { ModelFile } from '../memorySource';
import type { HubEntry } from './catalogue';

export const HUB_ORIGIN = 'https://huggingface.co';

/**
 * The hosts a download reaches: the Hub, and the CDN hosts its resolve URLs redirect file contents to, as the
 * Hub publishes them (https://huggingface.co/.well-known/meta.json, "cdnDomains"). index.html's CSP connect-src
 * names exactly these (hubHosts.test.ts checks it); a redirect elsewhere is refused by the browser.
 */
export const HUB_HOSTS = [
  'huggingface.co',
  'aws.cdn.hf.co',
  'us.aws.cdn.hf.co',
  'us-east-1.aws.cdn.hf.co',
  'us-west-2.aws.cdn.hf.co',
  'eu-west-3.aws.cdn.hf.co',
  'ap-southeast-1.aws.cdn.hf.co',
  'us.gcp.cdn.hf.co',
  'us-east1.us.gcp.cdn.hf.co',
  'us-central1.us.gcp.cdn.hf.co',
  'us-west4.us.gcp.cdn.hf.co',
  'europe-west4.us.gcp.cdn.hf.co',
  'asia-southeast1.us.gcp.cdn.hf.co',
] as const;

export function resolveUrl(entry: Pick<HubEntry, 'repo' | 'revision'>, file: string): string {
  return `${HUB_ORIGIN}/${entry.repo}/resolve/${encodeURIComponent(entry.revision)}/${file}`;
}

/** The part of Cache Storage a download uses (the browser's `caches.open(...)`; a Map in tests). */
export interface FileCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}

export interface HubProgress {
  file: string;
  /** Bytes so far and in all, over every file (the total is an estimate until each file's length is known). */
  loaded: number;
  total: number;
  /** true while the bytes come from the cache, not the network. */
  cached: boolean;
}

export interface DownloadOptions {
  fetch: typeof fetch;
  cache: FileCache | null;
  signal?: AbortSignal;
  onProgress?: (p: HubProgress) => void;
}

const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');

async function checkSha(entry: HubEntry, path: string, bytes: ArrayBuffer, expected?: string): Promise<void> {
  if (!expected) return;
  const found = hex(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  if (found !== expected)
    throw new Error(
      `${entry.repo}/${path} is not the file the catalogue lists: sha256 ${found}, expected ${expected} ` +
        '(the file changed on the Hub, or the download was damaged).',
    );
}

/** The body of `res`, read chunk by chunk so progress can be told (and a cancel stops it between chunks). */
async function readBody(res: Response, onChunk: (n: number) => void): Promise<ArrayBuffer> {
  if (!res.body) return res.arrayBuffer();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    n += value.byteLength;
    onChunk(value.byteLength);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

/** Whether every file of `entry` is in the cache (a later visit can load it offline). */
export async function isCached(entry: HubEntry, cache: FileCache): Promise<boolean> {
  for (const f of entry.files) if (!(await cache.match(resolveUrl(entry, f.path)))) return false;
  return true;
}

/** Drops `entry`'s files from the cache. */
export async function forgetCached(entry: HubEntry, cache: FileCache): Promise<void> {
  for (const f of entry.files) await cache.delete(resolveUrl(entry, f.path));
}

/**
 * The entry's files as a model folder named after its repository (`<name>/config.json`, ...), each from the
 * cache when it holds it, else from the Hub. A file is cached only once it is whole and matches its sha256.
 */
export async function downloadHubEntry(entry: HubEntry, opts: DownloadOptions): Promise<ModelFile[]> {
  const folder = entry.repo.split('/').pop()!;
  const weights = entry.files.filter((f) => f.path !== 'config.json').length;
  const sizes = entry.files.map((f) => (f.path === 'config.json' ? 2_000 : (entry.sizeMB * 1e6) / weights));
  let before = 0;
  const report = (file: string, loaded: number, cached: boolean) => {
    const total = sizes.reduce((a, b) => a + b, 0);
    opts.onProgress?.({ file, loaded: before + loaded, total: Math.max(total, before + loaded), cached });
  };
  const out: ModelFile[] = [];
  for (const [i, f] of entry.files.entries()) {
    opts.signal?.throwIfAborted();
    const url = resolveUrl(entry, f.path);
    let bytes: ArrayBuffer;
    const hit = await opts.cache?.match(url);
    if (hit) {
      bytes = await hit.arrayBuffer();
      sizes[i] = bytes.byteLength;
      await checkSha(entry, f.path, bytes, f.sha256);
      report(f.path, bytes.byteLength, true);
    } else {
      let res: Response;
      try {
        res = await opts.fetch(url, { signal: opts.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
      } catch (e) {
        if (opts.signal?.aborted) throw e;
        throw new Error(`Could not reach the Hugging Face Hub for ${entry.repo}/${f.path}: ${(e as Error).message}`);
      }
      if (!res.ok) throw new Error(`The Hugging Face Hub answered HTTP ${res.status} for ${entry.repo}/${f.path}.`);
      const length = Number(res.headers.get('content-length'));
      if (length > 0) sizes[i] = length;
      let loaded = 0;
      bytes = await readBody(res, (n) => {
        loaded += n;
        report(f.path, loaded, false);
      });
      sizes[i] = bytes.byteLength;
      await checkSha(entry, f.path, bytes, f.sha256);
      await opts.cache?.put(
        url,
        new Response(bytes.slice(0), { headers: { 'content-type': 'application/octet-stream' } }),
      );
    }
    before += bytes.byteLength;
    out.push({ path: `${folder}/${f.path}`, bytes });
  }
  return out;
}
