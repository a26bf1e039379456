// How a worker loads a model of the list: a brought one from its kept files, a bundled one from its folder's URL
// (the page's worker and a dependency map's helpers load it the same way; the compare view's second model too).

import type { ModelFile } from '../model/memorySource';
import type { ModelEntry } from './types';

/** Entries of the model list for brought models are named with this prefix, so they never clash with bundled ids. */
export const USER_PREFIX = 'user:';

export type LoadRequest = { type: 'load'; url: string } | { type: 'loadFiles'; label: string; files: ModelFile[] };

export function loadRequest(entry: ModelEntry): LoadRequest {
  return entry.files
    ? { type: 'loadFiles', label: entry.name, files: entry.files }
    : { type: 'load', url: new URL(entry.path, document.baseURI).href };
}

/** The name the worker holds `entry` by as the compare view's model: a bundled one's URL, a brought one's id. */
export const secondRef = (entry: ModelEntry): { url: string } => ({
  url: entry.files ? entry.id : new URL(entry.path, document.baseURI).href,
});

/** The request that loads `entry` as the compare view's model (a brought one travels with its files). */
export function secondRequest(entry: ModelEntry) {
  return {
    type: 'second' as const,
    ...secondRef(entry),
    ...(entry.files ? { files: entry.files, label: entry.name } : {}),
  };
}
