// The nucleotide dependency map of a region (dependency/dependencyMap.ts); `rows` computes a share of its rows
// (the page splits a map among workers); a saved analysis keeps the region and strands.

import { defineAnalysis, isRecord, requireModel, savedInt } from '../descriptor';
import { dependencyMap, MAX_DEPENDENCY_LENGTH, type DependencyMap, type MapStrands } from '../dependency/dependencyMap';

export interface DependencySettings {
  start: number;
  end: number;
  strands: MapStrands;
}
export type DependencyArgs = DependencySettings & { rows?: [number, number] };

export const dependency = defineAnalysis<DependencyArgs, DependencyMap, DependencySettings>({
  kind: 'dependency',
  label: 'Dependency map',
  run: (model, input, a, opts) =>
    dependencyMap(requireModel(model), input.tokens, a.start, a.end, { strands: a.strands, rows: a.rows, ...opts }),
  transfer: (r) => [r.values.buffer, r.argmax.buffer, r.influence.buffer],
  saved: {
    write: (s) => ({ start: s.start, end: s.end, strands: s.strands }),
    read(json, length) {
      if (!isRecord(json)) throw new Error('its dependency map region is not valid');
      const start = savedInt(json.start, 0, length - 2, 'dependency map region');
      const end = savedInt(
        json.end,
        start + 2,
        Math.min(length, start + MAX_DEPENDENCY_LENGTH),
        'dependency map region',
      );
      if (json.strands !== 'forward' && json.strands !== 'both')
        throw new Error('its dependency map region is not valid');
      return { start, end, strands: json.strands };
    },
  },
});

declare module '../descriptor' {
  interface AnalysisKinds {
    dependency: typeof dependency;
  }
}
