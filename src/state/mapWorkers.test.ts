// computeDependencyMap with fake workers that speak the worker protocol: the rows are shared among two
// helpers and merged; a helper that crashes sends the map to the page's worker and the next map starts new
// helpers; a model change while the helpers run cancels the map instead.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DependencyMap } from '../analysis/dependency/dependencyMap';
import { CallCancelledError } from '../worker/client';

type Msg = { type: string; id: number; kind?: string; args?: { rows?: [number, number]; end: number; start: number } };

/** A helper: answers init, load and setSequence; for a dependency analysis, its rows i of the region hold i * 1000 + j. */
class FakeWorker {
  static made: FakeWorker[] = [];
  static crashOnMap: number | null = null; // the index (in `made`) of a helper that crashes when asked for a map
  static onMap: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: { message: string }) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  readonly cancelled = new Set<number>();
  postMessage(m: Msg) {
    setTimeout(() => {
      if (this.terminated) return;
      const send = (data: unknown) => {
        if (!this.terminated) this.onmessage?.({ data });
      };
      const reply = (result: unknown) => send({ type: 'result', id: m.id, result });
      if (m.type === 'cancel') this.cancelled.add(m.id);
      else if (m.type === 'setSequence') reply({ sequence: 1 });
      else if (m.type === 'analysis' && m.kind === 'dependency') {
        FakeWorker.onMap?.();
        if (FakeWorker.made.indexOf(this) === FakeWorker.crashOnMap) {
          this.onerror?.({ message: 'out of memory' });
          return;
        }
        send({ type: 'progress', id: m.id, done: 3, total: 3 });
        setTimeout(() => {
          // after any cancel sent meanwhile, as the real worker checks between batches
          if (this.cancelled.has(m.id)) send({ type: 'error', id: m.id, message: 'Cancelled', cancelled: true });
          else reply(fakeMap(m.args!.end, m.args!.rows!));
        }, 5);
      } else reply(null);
    }, 1);
  }
  terminate() {
    this.terminated = true;
  }
}

function fakeMap(n: number, [a, b]: [number, number], value = (i: number, j: number) => i * 1000 + j): DependencyMap {
  const values = new Float32Array(n * n).fill(NaN);
  for (let i = a; i < b; i++) for (let j = 0; j < n; j++) values[i * n + j] = value(i, j);
  return {
    start: 0,
    end: n,
    values,
    argmax: new Uint8Array(n * n),
    influence: new Float32Array(n * 4),
    strands: 'forward',
    causal: false,
    windows: [{ start: 0, end: n, keepStart: 0, keepEnd: n }],
    passes: 3 * (b - a) + 1,
    workers: 1,
    forwardRows: 3 * (b - a) + 1,
  };
}

const page = {
  call: vi.fn(async (req: { type: string; kind?: string }) =>
    req.kind === 'dependency' ? fakeMap(8, [0, 8], () => -1) : null,
  ),
};

vi.mock('./workerClient', () => ({
  makeModelWorker: () => new FakeWorker(),
  mapWorkerCount: () => 2,
  worker: () => page,
}));

const { computeDependencyMap, releaseMapWorkers } = await import('./mapWorkers');

const TEXT = 'TTACGTACGTTT';
const request = {
  text: TEXT,
  start: 2,
  end: 10,
  strands: 'forward' as const,
  backend: 'wasm' as const,
  load: { type: 'load' as const, url: 'models/m/model.json' },
};

describe('computeDependencyMap on map workers', () => {
  beforeEach(() => {
    releaseMapWorkers();
    FakeWorker.made = [];
    FakeWorker.crashOnMap = null;
    FakeWorker.onMap = null;
    page.call.mockClear();
  });

  it('shares the rows between two helpers and merges them', async () => {
    const progress: number[] = [];
    const map = await computeDependencyMap(request, async () => 1, {
      onProgress: (d, total) => {
        progress.push(d);
        expect(total).toBe(24);
      },
    });
    expect(FakeWorker.made).toHaveLength(2);
    expect(page.call).not.toHaveBeenCalled();
    expect([map.start, map.end, map.workers, map.passes]).toEqual([2, 10, 2, 26]); // 3 x 8 substitutions + a reference pass each
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) expect(map.values[i * 8 + j]).toBe(i * 1000 + j);
    expect(progress.at(-1)).toBe(6); // both shares' counts, summed
    await computeDependencyMap(request, async () => 1, {});
    expect(FakeWorker.made).toHaveLength(2); // kept for the next map
  });

  it('sends the map to the page worker when a helper crashes, and starts new helpers next time', async () => {
    await computeDependencyMap(request, async () => 1, {}); // helpers 0 and 1 start
    FakeWorker.crashOnMap = 1;
    const map = await computeDependencyMap(request, async () => 7, {});
    expect(page.call).toHaveBeenCalledTimes(1);
    expect(page.call.mock.calls[0]![0]).toMatchObject({
      type: 'analysis',
      kind: 'dependency',
      sequence: 7,
      args: { start: 2, end: 10 },
    });
    expect(map.values[0]).toBe(-1); // the page worker's map
    expect(FakeWorker.made.slice(0, 2).every((w) => w.terminated)).toBe(true);
    FakeWorker.crashOnMap = null;
    const again = await computeDependencyMap(request, async () => 1, {});
    expect(FakeWorker.made).toHaveLength(4);
    expect(again.workers).toBe(2);
  });

  it('cancels, without the page worker, when the model changes under the helpers', async () => {
    FakeWorker.onMap = () => releaseMapWorkers();
    await expect(computeDependencyMap(request, async () => 1, {})).rejects.toBeInstanceOf(CallCancelledError);
    expect(page.call).not.toHaveBeenCalled();
  });

  it('cancels both shares when the page cancels', async () => {
    const ctl = new AbortController();
    FakeWorker.onMap = () => ctl.abort();
    await expect(computeDependencyMap(request, async () => 1, { signal: ctl.signal })).rejects.toBeInstanceOf(
      CallCancelledError,
    );
    expect(FakeWorker.made.map((w) => w.cancelled.size)).toEqual([1, 1]);
    expect(page.call).not.toHaveBeenCalled();
  });
});
