// Published models from the Hugging Face Hub, on the person's click only: the catalogue entry's files are fetched
// (or read from this browser's Cache Storage, where a finished download keeps them), then loaded through the same
// path and checks as a dropped folder (bringModel). Cache Storage rather than OPFS: it is keyed by the resolve
// URL the file came from, holds only whole files (put after the sha256 check), reads from the page and workers
// alike and needs no file-handle API; both count against the same origin quota.

import type { StateCreator } from 'zustand';
import { HUB_CATALOGUE, hubEntry, type HubEntry } from '../model/hub/catalogue';
import { downloadHubEntry, type FileCache, forgetCached, isCached } from '../model/hub/hubDownload';
import type { ModelCard } from '../model/meta';
import type { ModelFile } from '../model/memorySource';
import type { AppState, HubSlice } from './types';

export const HUB_CACHE = 'glm-hub-v1';

let controller: AbortController | null = null;

async function openCache(): Promise<FileCache | null> {
  if (typeof caches === 'undefined') return null; // not a secure context: download, but keep nothing
  const c = await caches.open(HUB_CACHE);
  return { match: (url) => c.match(url), put: (url, res) => c.put(url, res), delete: (url) => c.delete(url) };
}

/** What the model card says of an entry (the weights' size comes from the file the worker reads). */
export function cardOf(e: HubEntry, files: ModelFile[]): ModelCard {
  const weights = files.find((f) => !f.path.endsWith('/config.json'))!;
  return {
    source: `huggingface.co/${e.repo} at ${e.revision}`,
    weights: { file: weights.path.split('/').pop()!, bytes: weights.bytes.byteLength },
    licence: e.licence,
    trainedContext: e.trainedContext,
    trainingData: e.trainingData,
    zeroShot: e.zeroShot,
    unverified: e.unverified,
  };
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

export const createHubSlice: StateCreator<AppState, [], [], HubSlice> = (set, get) => ({
  hub: null,
  hubCached: {},

  async refreshHubCache() {
    const cache = await openCache();
    if (!cache) return;
    const flags = await Promise.all(HUB_CATALOGUE.map(async (e) => [e.id, await isCached(e, cache)] as const));
    set({ hubCached: Object.fromEntries(flags) });
  },

  async downloadHub(id) {
    if (get().loading || get().hub?.status === 'downloading' || get().hub?.status === 'loading') return;
    const entry = hubEntry(id);
    const ctl = (controller = new AbortController());
    const startedAt = performance.now();
    const progress = (label: string, done: number, total: number) => ({
      label,
      done,
      total,
      startedAt,
      updatedAt: performance.now(),
    });
    set({ hub: { id, status: 'downloading', progress: progress(`Downloading ${entry.repo} (MB)`, 0, entry.sizeMB) } });
    try {
      const cache = await openCache();
      void navigator.storage?.persist?.(); // ask the browser to keep the cache when space runs short
      const files = await downloadHubEntry(entry, {
        fetch: (url, init) => fetch(url, init),
        cache,
        signal: ctl.signal,
        onProgress: (p) =>
          set({
            hub: {
              id,
              status: 'downloading',
              progress: progress(
                `${p.cached ? "Reading this browser's copy of" : 'Downloading'} ${entry.repo}/${p.file} (MB)`,
                mb(p.loaded),
                mb(p.total),
              ),
            },
          }),
      });
      set({ hub: { id, status: 'loading', progress: progress(`Loading ${entry.repo}`, 1, 1) } });
      const loaded = await get().bringModel(files, entry.repo, cardOf(entry, files));
      set({
        hub: loaded
          ? { id, status: 'done', progress: progress(entry.repo, 1, 1) }
          : { id, status: 'error', progress: progress(entry.repo, 0, 1), error: get().modelError ?? 'refused' },
      });
    } catch (e) {
      const cancelled = ctl.signal.aborted;
      set({
        hub: {
          id,
          status: cancelled ? 'cancelled' : 'error',
          progress: get().hub!.progress,
          error: cancelled ? 'Cancelled: nothing of the file being read was kept.' : (e as Error).message,
        },
      });
    } finally {
      if (controller === ctl) controller = null;
      await get().refreshHubCache();
    }
  },

  cancelHub: () => controller?.abort(),

  async forgetHub(id) {
    const cache = await openCache();
    if (cache) await forgetCached(hubEntry(id), cache);
    await get().refreshHubCache();
  },
});
