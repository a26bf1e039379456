// The compare view's second model: loaded beside the current one from its URL, kept while the same one is
// asked for, freed when another is.

import { loadModel } from '../model/loadModel';
import type { LoadedModel } from '../model/meta';
import { fetchSource } from '../model/source';

let held: { url: string; model: Promise<LoadedModel> } | null = null;

export function secondModel(url: string): Promise<LoadedModel> {
  if (held?.url === url) return held.model;
  const old = held;
  held = { url, model: loadModel(fetchSource(url)) };
  void old?.model.then((m) => m.dispose(), () => undefined);
  const mine = held;
  held.model.catch(() => { if (held === mine) held = null; }); // a failed load is retried next time
  return held.model;
}
