// The jobs slice with a fake worker: every analysis alike gets progress, a result tied to its sequence and model,
// cancel with its own message, errors, and a newer run of the same kind superseding an older one.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CallCancelledError } from '../worker/client';

interface Pending {
  req: { type: string; kind?: string; args?: unknown };
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  progress?: (d: number, t: number) => void;
}
const pending: Pending[] = [];
const fake = {
  call: vi.fn(
    (req: Pending['req'], opts: { signal?: AbortSignal; onProgress?: (d: number, t: number) => void } = {}) =>
      new Promise((resolve, reject) => {
        pending.push({ req, resolve, reject, progress: opts.onProgress });
        opts.signal?.addEventListener('abort', () => reject(new CallCancelledError('Cancelled')));
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
const { resultOf, selectBusy, progressOf } = await import('./selectors');
const record = (sequence: string) => ({ name: 'r', sequence, softMasked: new Uint8Array(sequence.length) });
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  pending.length = 0;
  useApp.setState({ analysed: record('ACGTACGT'), modelId: 'm1', jobs: {} });
});

describe('jobs', () => {
  it('shows progress, then keeps the result for the sequence and model it was of', async () => {
    const run = useApp.getState().runJob('gc', { window: 11 });
    await tick();
    expect(pending[0]!.req).toMatchObject({ type: 'analysis', kind: 'gc', sequence: 7, args: { window: 11 } });
    expect(selectBusy(useApp.getState())).toBe(true);
    pending[0]!.progress!(2, 5);
    expect(progressOf(useApp.getState(), 'gc')).toMatchObject({ label: 'GC content', done: 2, total: 5 });
    pending[0]!.resolve({ window: 11 });
    expect(await run).toEqual({ window: 11 });
    expect(selectBusy(useApp.getState())).toBe(false);
    expect(resultOf(useApp.getState(), 'gc')).toEqual({ window: 11 });
    // another sequence or another model: the result is not theirs
    useApp.setState({ analysed: record('TTTT') });
    expect(resultOf(useApp.getState(), 'gc')).toBeNull();
    useApp.setState({ analysed: record('ACGTACGT'), modelId: 'm2' });
    expect(resultOf(useApp.getState(), 'gc')).toBeNull();
  });

  it("says which analysis was cancelled, and keeps a failure's message", async () => {
    const run = useApp
      .getState()
      .runJob('mutagenesis', { start: 0, end: 4, method: 'masked', window: 256, bothStrands: false });
    await tick();
    expect(useApp.getState().cancelJob('mutagenesis')).toBe(true);
    expect(await run).toBeNull();
    expect(useApp.getState().jobs.mutagenesis).toMatchObject({ status: 'cancelled', error: 'Mutagenesis cancelled.' });
    expect(useApp.getState().cancelJob('mutagenesis')).toBe(false);
    const failing = useApp.getState().runJob('dependency', { start: 0, end: 4, strands: 'forward' });
    await tick();
    pending.at(-1)!.reject(new Error('out of memory'));
    expect(await failing).toBeNull();
    expect(useApp.getState().jobs.dependency).toMatchObject({ status: 'error', error: 'out of memory' });
  });

  it('lets a newer run of a kind supersede the running one, whose late result is dropped', async () => {
    const first = useApp.getState().runJob('gc', { window: 11 });
    await tick();
    const second = useApp.getState().runJob('gc', { window: 21 });
    await tick();
    expect(await first).toBeNull(); // aborted by the second
    pending[1]!.resolve({ window: 21 });
    expect(await second).toEqual({ window: 21 });
    expect(resultOf(useApp.getState(), 'gc')).toEqual({ window: 21 });
    expect(useApp.getState().jobs.gc!.args).toEqual({ window: 21 });
  });

  it('clears jobs, cancelling the running ones', async () => {
    const run = useApp.getState().runJob('gc', { window: 11 });
    await tick();
    useApp.getState().clearJobs();
    expect(await run).toBeNull();
    expect(useApp.getState().jobs).toEqual({});
  });
});
