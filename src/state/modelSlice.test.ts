// Model switches with a fake worker: a switch that ends after a newer one began leaves the page to the newer one
// (the page never says a model is loaded that the worker has already let go), and its failure is not shown.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelEntry } from './types';

interface Pending {
  req: { type: string; label?: string };
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}
const pending: Pending[] = [];
const fake = {
  call: vi.fn(
    (req: Pending['req']) =>
      new Promise((resolve, reject) => {
        pending.push({ req, resolve, reject });
      }),
  ),
};
vi.mock('./workerClient', () => ({
  worker: () => fake,
  sequenceId: async () => 7,
  makeModelWorker: () => null,
  mapWorkerCount: () => 1,
}));

const { useApp } = await import('./store');
// brought models load from their files, so no page URL is needed to name them
const entry = (id: string): ModelEntry => ({ id, name: id.toUpperCase(), objective: 'mlm', path: '', files: [] });
const info = (id: string) => ({ id, name: id.toUpperCase(), nAttentionLayers: 2 });
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  pending.length = 0;
  useApp.setState({ models: [entry('a'), entry('b')], modelId: null, model: null, modelError: null, analysed: null });
});

describe('switching models', () => {
  it('shows a model only once the worker has loaded it, and not one a newer switch replaced', async () => {
    const first = useApp.getState().selectModel('a');
    const second = useApp.getState().selectModel('b');
    expect(pending.map((p) => p.req.label)).toEqual(['A', 'B']);
    pending[0]!.resolve(info('a')); // the worker finished A, then turns to B (and frees A)
    await first;
    expect(useApp.getState()).toMatchObject({ modelId: 'b', model: null, modelError: null });
    expect(useApp.getState().loading?.label).toBe('Loading B');
    pending[1]!.resolve(info('b'));
    await second;
    expect(useApp.getState()).toMatchObject({ modelId: 'b', model: { id: 'b' }, loading: null });
  });

  it("says nothing of a replaced switch's failure, and does say the current one's", async () => {
    const first = useApp.getState().selectModel('a');
    const second = useApp.getState().selectModel('b');
    pending[0]!.reject(new Error('A went wrong'));
    await first;
    expect(useApp.getState().modelError).toBeNull();
    pending[1]!.reject(new Error('B went wrong'));
    await second;
    await tick();
    expect(useApp.getState()).toMatchObject({ model: null, modelError: 'B went wrong', loading: null });
  });
});
