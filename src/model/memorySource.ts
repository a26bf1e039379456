// A model folder the user brings: its files in memory (picked or dropped on the page, or a zip of them),
// read through the same ModelSource as a served folder, so the same checks apply (docs/model-format.md).

import { unzipSync } from 'fflate';
import type { ModelSource } from './source';

export interface ModelFile {
  /** Path as the browser gives it (a folder's files carry the folder name: "my-model/model.json"). */
  path: string;
  bytes: ArrayBuffer;
}

/**
 * Largest zip or folder read (bytes): the bundled models are 6 MB, the published ones a browser can hold up to
 * GPN's 264 MB (66M parameters); PlantCaduceus's largest (225M, 900 MB) is beyond a tab.
 */
export const MAX_MODEL_BYTES = 400 * 1024 * 1024;

/**
 * The files of one model folder, keyed by their path inside it. The folder is where model.json is: its
 * files may sit under one enclosing folder (as a picked folder or most zips put them) or at the top.
 */
export function modelFolder(files: ModelFile[], label: string): ModelSource {
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > MAX_MODEL_BYTES)
    throw new Error(
      `${label} holds ${(total / 1e6).toFixed(0)} MB; a model folder may hold at most ${MAX_MODEL_BYTES / 1e6} MB.`,
    );
  const names = files.map((f) => f.path.replace(/\\/g, '/').replace(/^\/+/, ''));
  // a bundled-format folder is found by its model.json, a published one by its config.json
  const isDescription = (n: string) => /(^|\/)(model|config)\.json$/.test(n);
  const manifests = names.filter(isDescription).sort((a, b) => a.length - b.length);
  if (manifests.length === 0) {
    throw new Error(
      `${label} has no model.json or config.json (a model folder holds model.json, its weight shards and golden.json, or a published config.json and its weights; see docs/model-format.md).`,
    );
  }
  const root = manifests[0]!.slice(0, manifests[0]!.lastIndexOf('/') + 1); // "" or "folder/"
  if (manifests.some((m) => m !== manifests[0] && m.length === manifests[0]!.length && !m.startsWith(root)))
    throw new Error(`${label} holds more than one model folder at the same depth; bring one model at a time.`);
  const byName = new Map<string, ArrayBuffer>();
  names.forEach((n, i) => {
    if (n.startsWith(root)) byName.set(n.slice(root.length), files[i]!.bytes);
  });
  const where = `${label}${label.endsWith('/') ? '' : '/'}`;
  const get = (file: string): ArrayBuffer => {
    const b = byName.get(file);
    if (!b) throw new Error(`${where}${file} is missing: the model needs it, but the folder does not hold it.`);
    return b;
  };
  return {
    label: where,
    readText: async (file) => new TextDecoder().decode(get(file)),
    readBytes: async (file) => get(file).slice(0),
    list: async () => [...byName.keys()].filter((n) => !n.includes('/')),
  };
}

/** The files of a zip (folders skipped); a damaged archive is refused with its name. */
export function unzipModel(bytes: ArrayBuffer, name: string): ModelFile[] {
  let entries: Record<string, Uint8Array>;
  let inflated = 0;
  try {
    // sizes from the archive's directory, checked before inflating (a small zip can hold a huge file)
    entries = unzipSync(new Uint8Array(bytes), {
      filter: (f) => {
        inflated += f.originalSize;
        return inflated <= MAX_MODEL_BYTES;
      },
    });
  } catch (e) {
    throw new Error(`${name} is not a readable zip archive: ${(e as Error).message}`);
  }
  if (inflated > MAX_MODEL_BYTES)
    throw new Error(`${name} unpacks to more than ${MAX_MODEL_BYTES / 1e6} MB; a model folder may hold at most that.`);
  return Object.entries(entries)
    .filter(([p]) => !p.endsWith('/') && !p.startsWith('__MACOSX/'))
    .map(([path, data]) => ({
      path,
      bytes: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
    }));
}
