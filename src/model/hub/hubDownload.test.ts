// Hub downloads against a fake Hub (a fetch that serves shared/reference-models' files in chunks at the resolve
// URL) and a Map for Cache Storage: the URLs and request options, progress, the cache on a second visit with the
// network down, the sha256 check, cancel, HTTP errors; the folder it returns loads through the one loader; and
// index.html's CSP names exactly the hosts a download reaches.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceModelsDir } from '../../node/referenceModels';
import { useNodeBackend } from '../../node/nodeRuntime';
import { findWeightsFile } from '../formats/checkpoint';
import { loadModel } from '../loadModel';
import { MAX_MODEL_BYTES, modelFolder } from '../memorySource';
import { HUB_CATALOGUE, hubEntry, type HubEntry } from './catalogue';
import { downloadHubEntry, type FileCache, HUB_HOSTS, type HubProgress, isCached, resolveUrl } from './hubDownload';

const fixture = (f: string) => new Uint8Array(readFileSync(join(referenceModelsDir(), 'caduceus-ps', f)));
const ENTRY = hubEntry('caduceus-ps-131k');
const FILES: Record<string, Uint8Array> = {
  [resolveUrl(ENTRY, 'config.json')]: fixture('config.json'),
  [resolveUrl(ENTRY, 'model.safetensors')]: fixture('model.safetensors'),
};

/** A fake Hub: each file in 4 KB chunks with its length; `calls` records every request and its options. */
function fakeHub(files: Record<string, Uint8Array>, hooks: { onChunk?: (url: string, k: number) => void } = {}) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const body = files[url];
    if (!body) return new Response('Entry not found', { status: 404 });
    let k = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (init?.signal?.aborted) return ctl.error(init.signal.reason);
        hooks.onChunk?.(url, k);
        const chunk = body.subarray(k * 4096, (k + 1) * 4096);
        k++;
        if (chunk.byteLength) ctl.enqueue(chunk.slice());
        else ctl.close();
      },
    });
    return new Response(stream, { headers: { 'content-length': String(body.byteLength) } });
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

function memoryCache(): FileCache & { store: Map<string, ArrayBuffer> } {
  const store = new Map<string, ArrayBuffer>();
  return {
    store,
    match: async (url) => (store.has(url) ? new Response(store.get(url)!.slice(0)) : undefined),
    put: async (url, res) => void store.set(url, await res.arrayBuffer()),
    delete: async (url) => store.delete(url),
  };
}

const offline = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

describe('downloading a catalogue entry', () => {
  it('fetches each file at its resolve URL without credentials or referrer, with progress, and caches it', async () => {
    const hub = fakeHub(FILES),
      cache = memoryCache(),
      seen: HubProgress[] = [];
    const files = await downloadHubEntry(ENTRY, { fetch: hub.fetch, cache, onProgress: (p) => seen.push(p) });
    expect(hub.calls.map((c) => c.url)).toEqual([
      'https://huggingface.co/kuleshov-group/caduceus-ps_seqlen-131k_d_model-256_n_layer-16/resolve/main/config.json',
      'https://huggingface.co/kuleshov-group/caduceus-ps_seqlen-131k_d_model-256_n_layer-16/resolve/main/model.safetensors',
    ]);
    for (const c of hub.calls) expect(c.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(files.map((f) => f.path)).toEqual([
      'caduceus-ps_seqlen-131k_d_model-256_n_layer-16/config.json',
      'caduceus-ps_seqlen-131k_d_model-256_n_layer-16/model.safetensors',
    ]);
    const total = fixture('config.json').byteLength + fixture('model.safetensors').byteLength;
    // 116,952 bytes of weights in 4 KB chunks: many reports, never going back, ending at the true total
    expect(seen.length).toBeGreaterThan(20);
    seen.slice(1).forEach((p, k) => expect(p.loaded).toBeGreaterThanOrEqual(seen[k]!.loaded));
    expect(seen.at(-1)).toEqual({ file: 'model.safetensors', loaded: total, total, cached: false });
    expect(await isCached(ENTRY, cache)).toBe(true);

    // a second visit with the network down: every byte from the cache, the same folder
    const again = await downloadHubEntry(ENTRY, { fetch: offline, cache });
    expect(again.map((f) => new Uint8Array(f.bytes))).toEqual(files.map((f) => new Uint8Array(f.bytes)));
  });

  it('the folder it returns loads through the one loader, as a dropped folder does', async () => {
    await useNodeBackend('cpu');
    const files = await downloadHubEntry(ENTRY, { fetch: fakeHub(FILES).fetch, cache: null });
    const model = await loadModel(modelFolder(files, ENTRY.repo));
    expect(model.meta).toMatchObject({ family: 'Caduceus', format: 'published', objective: 'mlm' });
    expect(model.meta.card?.weights).toEqual({ file: 'model.safetensors', bytes: 116_952 });
    model.dispose();
  });

  it('refuses a file whose sha256 differs from the catalogue, naming both, and does not cache it', async () => {
    const body = fixture('model.safetensors');
    const right = createHash('sha256').update(body).digest('hex');
    const entry: HubEntry = { ...ENTRY, files: [{ path: 'model.safetensors', sha256: right }] };
    const cache = memoryCache();
    await downloadHubEntry(entry, { fetch: fakeHub(FILES).fetch, cache }); // the right hash passes
    const wrong = { ...entry, files: [{ path: 'model.safetensors', sha256: '0'.repeat(64) }] };
    cache.store.clear();
    await expect(downloadHubEntry(wrong, { fetch: fakeHub(FILES).fetch, cache })).rejects.toThrow(
      `model.safetensors is not the file the catalogue lists: sha256 ${right}, expected ${'0'.repeat(64)}`,
    );
    expect(cache.store.size).toBe(0);
  });

  it('stops on cancel between chunks, keeping no part of the file it was reading', async () => {
    const ctl = new AbortController(),
      cache = memoryCache();
    const hub = fakeHub(FILES, { onChunk: (url, k) => url.endsWith('.safetensors') && k === 3 && ctl.abort() });
    await expect(downloadHubEntry(ENTRY, { fetch: hub.fetch, cache, signal: ctl.signal })).rejects.toThrow();
    expect([...cache.store.keys()]).toEqual([resolveUrl(ENTRY, 'config.json')]);
    expect(await isCached(ENTRY, cache)).toBe(false);
  });

  it('names the file and the status of an HTTP error, and the file of a network failure', async () => {
    await expect(downloadHubEntry(ENTRY, { fetch: fakeHub({}).fetch, cache: null })).rejects.toThrow(
      'The Hugging Face Hub answered HTTP 404 for kuleshov-group/caduceus-ps_seqlen-131k_d_model-256_n_layer-16/config.json.',
    );
    await expect(downloadHubEntry(ENTRY, { fetch: offline, cache: null })).rejects.toThrow(
      /Could not reach the Hugging Face Hub for .*\/config\.json: Failed to fetch/,
    );
  });
});

describe('the catalogue', () => {
  it('each entry: config.json and one weight file the loader reads, within the folder limit, licence and source stated', () => {
    expect(new Set(HUB_CATALOGUE.map((e) => e.id)).size).toBe(HUB_CATALOGUE.length);
    for (const e of HUB_CATALOGUE) {
      const names = e.files.map((f) => f.path);
      expect(names[0]).toBe('config.json');
      expect(findWeightsFile(names, e.repo)).toEqual({ kind: 'file', file: names[1] });
      expect(e.sizeMB * 1e6).toBeLessThan(MAX_MODEL_BYTES);
      expect(e.licence && e.trainingData && e.zeroShot.text && e.zeroShot.source).toBeTruthy();
      for (const f of e.files) if (f.sha256) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe("the page's Content-Security-Policy", () => {
  it("connect-src names this origin and exactly the Hub's hosts, over https", () => {
    const html = readFileSync(join(import.meta.dirname, '../../../index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const connect = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('connect-src '))!;
    expect(connect.split(/\s+/).slice(1)).toEqual(["'self'", ...HUB_HOSTS.map((h) => `https://${h}`)]);
    // no other directive names a host
    expect(csp.replace(connect, '')).not.toMatch(/https?:|\*/);
  });
});
