// Models the user brought this session: their files, kept so that switching back to one reloads it (the
// worker holds only the model in use). Nothing leaves the page.

import type { ModelFile } from '../model/memorySource';

const files = new Map<string, { label: string; files: ModelFile[] }>();

/** Entries of the model list for brought models are named with this prefix, so they never clash with bundled ids. */
export const USER_PREFIX = 'user:';

export function rememberUserModel(id: string, label: string, f: ModelFile[]): void {
  files.set(id, { label, files: f });
}

export function userModelFiles(id: string): { label: string; files: ModelFile[] } | undefined {
  return files.get(id);
}

/** How a worker loads a model of the list: a brought one from its kept files, a bundled one from its folder's URL. */
export type LoadRequest = { type: 'load'; url: string } | { type: 'loadFiles'; label: string; files: ModelFile[] };

export function loadRequest(entry: { id: string; path: string }): LoadRequest {
  const brought = userModelFiles(entry.id);
  return brought ? { type: 'loadFiles', ...brought } : { type: 'load', url: new URL(entry.path, document.baseURI).href };
}
