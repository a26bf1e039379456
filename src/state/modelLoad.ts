// How a worker loads a model of the list: a brought one from its kept files, a bundled one from its folder's URL
// (the page's worker and a dependency map's helpers load it the same way).

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
