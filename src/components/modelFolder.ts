// What a listed model's folder on this site says beyond what the worker reports: its model.json's measured
// variant-effect numbers and training record, and the licence its README's front matter names. Fetched once.

import { useEffect, useState } from 'react';
import { QUESTIONS, validateVariantEffect, type Question, type VariantEffectMetrics } from '../model/variantMetrics';
import type { ModelEntry } from '../state/types';

export interface Measured {
  id: string;
  name: string;
  metrics: VariantEffectMetrics;
}

/** What the card shows of a folder; null fields: the folder does not say. */
export interface FolderFacts {
  readmeUrl: string | null;
  licence: string | null;
  trainedOn: string[] | null;
  trainBases: number | null;
  trainContext: number | null;
}

const texts = new Map<string, Promise<string | null>>();

/** A file of the entry's folder as text, or null (no folder: a model brought from files; or no such file). */
function folderText(entry: ModelEntry, file: string): Promise<string | null> {
  if (entry.user || !entry.path) return Promise.resolve(null);
  const url = new URL(file, new URL(entry.path, document.baseURI)).href;
  let p = texts.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => (r.ok ? r.text() : null))
      .catch(() => null);
    texts.set(url, p);
  }
  return p;
}

const parse = (text: string | null): Record<string, unknown> | null => {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** The entry's metrics.variantEffect when its model.json has a valid one. */
async function measured(entry: ModelEntry): Promise<Measured | null> {
  const v = (parse(await folderText(entry, 'model.json'))?.metrics as { variantEffect?: unknown })?.variantEffect;
  return v !== undefined && validateVariantEffect(v) === null
    ? { id: entry.id, name: entry.name, metrics: v as VariantEffectMetrics }
    : null;
}

/** The licence a model card's YAML front matter names (`license: apache-2.0`, as on the Hugging Face Hub). */
export function frontMatterLicence(readme: string): string | null {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readme)?.[1];
  const line = front && /^license:\s*["']?([^"'\r\n]+?)["']?\s*$/m.exec(front);
  return line ? line[1]! : null;
}

export async function folderFacts(entry: ModelEntry): Promise<FolderFacts> {
  const [readme, json] = await Promise.all([folderText(entry, 'README.md'), folderText(entry, 'model.json')]);
  const t = (parse(json)?.training ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    readmeUrl: readme === null ? null : new URL('README.md', new URL(entry.path, document.baseURI)).href,
    licence: readme === null ? null : frontMatterLicence(readme),
    trainedOn: Array.isArray(t.genomes) ? t.genomes.map(String) : null,
    trainBases: num(t.trainBases),
    trainContext: num(t.trainContext),
  };
}

/** The measured models of the list, in its order (empty until they arrive). */
export function useMeasuredModels(models: ModelEntry[]): Measured[] {
  const [list, setList] = useState<Measured[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(models.map(measured)).then((all) => {
      if (live) setList(all.filter((m): m is Measured => m !== null));
    });
    return () => {
      live = false;
    };
  }, [models]);
  return list;
}

/** For each question, the model and method with the highest measured AUROC (the first in the list on a tie). */
export function bestPerQuestion(list: Measured[]): Partial<Record<Question, { model: Measured; method: string }>> {
  const out: Partial<Record<Question, { model: Measured; method: string }>> = {};
  for (const q of Object.keys(QUESTIONS) as Question[]) {
    for (const model of list) {
      const r = model.metrics.recommendation[q];
      const best = out[q];
      if (!best || r.auroc > best.model.metrics.recommendation[q].auroc) out[q] = { model, method: r.method };
    }
  }
  return out;
}
