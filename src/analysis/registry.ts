/// <reference types="vite/client" />
// Every analysis descriptor, found by listing descriptors/ (Vite bundles the folder for the worker and the page,
// and vitest reads it the same way): adding an analysis adds its file there and nothing here.

import type { AnalysisDescriptor, AnalysisKind, AnalysisKinds } from './descriptor';

const modules = import.meta.glob<Record<string, unknown>>(['./descriptors/*.ts', '!./descriptors/*.test.ts'], {
  eager: true,
});

function collect(): Map<string, AnalysisDescriptor<unknown, unknown, unknown>> {
  const out = new Map<string, AnalysisDescriptor<unknown, unknown, unknown>>();
  for (const [file, mod] of Object.entries(modules)) {
    for (const value of Object.values(mod)) {
      const d = value as AnalysisDescriptor<unknown, unknown, unknown>;
      if (typeof d !== 'object' || d === null || typeof d.kind !== 'string' || typeof d.run !== 'function') continue;
      if (out.has(d.kind)) throw new Error(`${file}: analysis kind ${d.kind} is defined twice`);
      out.set(d.kind, d);
    }
  }
  return out;
}

export const ANALYSES = collect();

/** The descriptor of `kind`; a request naming another kind is refused. */
export function analysisOf<K extends AnalysisKind>(kind: K): AnalysisKinds[K];
export function analysisOf(kind: string): AnalysisDescriptor<unknown, unknown, unknown>;
export function analysisOf(kind: string): AnalysisDescriptor<unknown, unknown, unknown> {
  const d = ANALYSES.get(kind);
  if (!d) throw new Error(`unknown analysis "${kind}" (this page has ${[...ANALYSES.keys()].join(', ')})`);
  return d;
}
