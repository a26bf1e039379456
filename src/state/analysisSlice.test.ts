// Opening a saved analysis (link, gallery example): its focus and view are where the results first show, and what
// the person clicks while the rest of the analysis runs is kept, not overwritten when the opening ends.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./workerClient'); // src/state/__mocks__/workerClient.ts
const { useApp } = await import('./store');

const seq = 'ACGT'.repeat(75);
const saved = { name: 'alu', sequence: seq, models: {}, view: { focus: 150, zoom: 2, start: 100 }, analyses: {} };
let seenAtScan: { focus: number | null; view: { zoom: number; start: number } } | null = null;

beforeEach(() => {
  seenAtScan = null;
  useApp.setState({
    model: { id: 'm', name: 'M', nAttentionLayers: 0 } as never,
    models: [],
    modelId: 'm',
    init: async () => {},
    // the scan ends: the tracks show, at the focus and view they open at
    runJob: (async () => {
      seenAtScan = { focus: useApp.getState().focus, view: useApp.getState().view };
      return {};
    }) as never,
    // later parts of the run, during which the person clicks a base and pans
    scoreVariants: async () => {
      useApp.getState().setFocus(51);
      useApp.getState().setView({ zoom: 2, start: 0 });
    },
    runCompare: async () => {},
  });
});

describe('opening a saved analysis', () => {
  it('shows its focus and view with the first results, and keeps a click made before the opening ends', async () => {
    await useApp.getState().openAnalysis(saved);
    expect(seenAtScan).toEqual({ focus: 150, view: { zoom: 2, start: 100 } });
    expect(useApp.getState()).toMatchObject({ focus: 51, view: { zoom: 2, start: 0 } });
  });
});
