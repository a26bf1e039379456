// The worker's session in Node (tfjs cpu): requests dispatched as the page sends them, analyses looked up in the
// registry and equal to calling them directly, a model-free analysis without a model, and a model load that
// cancels the analyses reading the old weights.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { likelihoodScan } from '../analysis/likelihoodScan';
import { CancelledError } from '../analysis/run';
import { encode } from '../genome/tokens';
import { loadModel } from '../model/loadModel';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import type { AnalysisRequest } from './protocol';
import { WorkerSession } from './session';

const MODELS = join(REPO_ROOT, 'public/models');
const session = () => new WorkerSession((url) => fileSource(join(MODELS, url)));
const noLoad = () => undefined;
const SEQ = 'GATTACACCGGTTAACGGCTAGCTTGACCATGCAAGTCCGATCGATTNCAAATCGGTACCAGT';

async function withSequence(s: WorkerSession, id = 1) {
  await s.control({ type: 'setSequence', id, sequence: SEQ }, {}, noLoad);
  return id;
}

describe('the model worker session', () => {
  it('runs an analysis by kind, as calling it directly does, with its result buffers for transfer', async () => {
    await useNodeBackend('cpu');
    const s = session();
    const info = await s.control({ type: 'load', id: 1, url: 'mlm-hybrid-chr22' }, {}, noLoad);
    expect(info).toMatchObject({ id: 'mlm-hybrid-chr22', format: 'bundled', objective: 'mlm', hiddenSize: 128 });
    const seq = await withSequence(s, 2);
    const [result, transfer] = await s.analysis(
      { type: 'analysis', id: 3, kind: 'scan', sequence: seq, args: { maskStride: 8 } },
      {},
    );
    const model = await loadModel(fileSource(join(MODELS, 'mlm-hybrid-chr22')));
    const direct = await likelihoodScan(model, encode(SEQ), { maskStride: 8 });
    model.dispose();
    expect(Array.from((result as typeof direct).observedBits)).toEqual(Array.from(direct.observedBits));
    expect(transfer).toHaveLength(3);
    await expect(
      s.analysis({ type: 'analysis', id: 4, kind: 'nope', sequence: seq, args: {} } as unknown as AnalysisRequest, {}),
    ).rejects.toThrow(/unknown analysis "nope"/);
    await expect(
      s.analysis({ type: 'analysis', id: 5, kind: 'scan', sequence: 99, args: { maskStride: 8 } }, {}),
    ).rejects.toThrow(/names sequence 99, which the model worker does not hold/);
    // a bench's timing names the model it timed, so the bench can check it is the one it asked for
    const bench = await s.control(
      { type: 'benchForward', id: 6, tokens: encode(SEQ), batch: 1, repeats: 1 },
      {},
      noLoad,
    );
    expect(bench).toMatchObject({ model: 'mlm-hybrid-chr22', backend: 'cpu' });
  }, 120_000);

  it('runs a sequence analysis with no model loaded, and refuses a model analysis then', async () => {
    const s = session();
    const seq = await withSequence(s);
    const [gc] = await s.analysis({ type: 'analysis', id: 2, kind: 'gc', sequence: seq, args: { window: 11 } }, {});
    expect((gc as { gc: Float32Array }).gc).toHaveLength(SEQ.length);
    await expect(
      s.analysis({ type: 'analysis', id: 3, kind: 'scan', sequence: seq, args: { maskStride: 8 } }, {}),
    ).rejects.toThrow(/No model is loaded yet/);
  });

  it('cancels a running analysis and waits for it before a new model replaces the weights it reads', async () => {
    await useNodeBackend('cpu');
    const s = session();
    await s.control({ type: 'load', id: 1, url: 'clm-hybrid-chr22' }, {}, noLoad);
    await s.control({ type: 'setSequence', id: 2, sequence: SEQ.repeat(40) }, {}, noLoad);
    const ctl = new AbortController();
    let finish!: () => void;
    s.running.set(3, {
      ctl,
      finished: new Promise<void>((r) => {
        finish = r;
      }),
    });
    const scan = s.analysis(
      { type: 'analysis', id: 3, kind: 'scan', sequence: 2, args: { maskStride: 8 } },
      { signal: ctl.signal },
    );
    const settled = scan
      .then(
        () => 'done',
        (e) => (e instanceof CancelledError ? 'cancelled' : `failed: ${(e as Error).message}`),
      )
      .finally(() => finish());
    const loaded = await s.control({ type: 'load', id: 4, url: 'mlm-hybrid-chr22' }, {}, noLoad);
    expect(await settled).toBe('cancelled');
    expect(loaded).toMatchObject({ id: 'mlm-hybrid-chr22' });
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  }, 120_000);

  it('holds a second model beside the current one for the compare view', async () => {
    await useNodeBackend('cpu');
    const s = session();
    await s.control({ type: 'load', id: 1, url: 'mlm-hybrid-chr22' }, {}, noLoad);
    const seq = await withSequence(s, 2);
    expect(await s.control({ type: 'second', id: 3, url: 'clm-hybrid-chr22' }, {}, noLoad)).toMatchObject({
      id: 'clm-hybrid-chr22',
      objective: 'clm',
    });
    const [b] = await s.analysis(
      {
        type: 'analysis',
        id: 4,
        kind: 'scan',
        sequence: seq,
        args: { maskStride: 8 },
        model: { url: 'clm-hybrid-chr22' },
      },
      {},
    );
    expect((b as { method: string }).method).toBe('causal');
    const [a] = await s.analysis({ type: 'analysis', id: 5, kind: 'scan', sequence: seq, args: { maskStride: 8 } }, {});
    expect((a as { method: string }).method).toBe('masked-stride');

    // a brought model as the second: sent with its files, then named by the id the page gave it
    const dir = join(MODELS, 'clm-hybrid-chr22');
    const files = readdirSync(dir).map((f) => ({
      path: `mine/${f}`,
      bytes: new Uint8Array(readFileSync(join(dir, f))).buffer,
    }));
    const second = { type: 'second', id: 6, url: 'user:mine', files, label: 'mine' } as const;
    expect(await s.control(second, {}, noLoad)).toMatchObject({ id: 'clm-hybrid-chr22', objective: 'clm' });
    const [mine] = await s.analysis(
      { type: 'analysis', id: 7, kind: 'scan', sequence: seq, args: { maskStride: 8 }, model: { url: 'user:mine' } },
      {},
    );
    const bits = (r: unknown) => Array.from((r as { observedBits: Float32Array }).observedBits);
    expect(bits(mine)).toEqual(bits(b));
  }, 120_000);
});
