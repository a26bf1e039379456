// The model worker: owns tfjs, the backend and the loaded model; tensors never leave it.

import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs-core';
import { attentionMap } from '../analysis/attentionMap';
import { dependencyMap } from '../analysis/dependency/dependencyMap';
import { goldenCheck, validateGolden } from '../model/check/goldenCheck';
import { timeForward } from '../model/benchmarking';
import { measureCostCurve } from '../bench/costCurve';
import { secondModel } from './secondModel';
import { CancelledError } from '../analysis/run';
import { likelihoodScan } from '../analysis/likelihoodScan';
import { saturationMutagenesis } from '../analysis/mutagenesis';
import { scoreVariants } from '../analysis/variantEffect';
import { encode } from '../genome/tokens';
import { chooseBackend } from '../model/backend';
import { loadModel } from '../model/loadModel';
import type { LoadedModel } from '../model/meta';
import { validateManifest } from '../model/manifest';
import { modelFolder, unzipModel } from '../model/memorySource';
import { fetchSource, type ModelSource } from '../model/source';
import { verifyGolden } from '../model/check/verifyModel';
import { KEPT_SEQUENCES, type Call, type ModelInfo, type Reply, type Request, type Results } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
interface GPUDeviceLike { lost: Promise<{ reason: string; message: string }>; destroy(): void }
let model: LoadedModel | null = null;
/** Where the loaded model came from (its golden.json is read from there). */
let modelSource: ModelSource | null = null;
/**
 * Sequences sent by setSequence, as text (scoring) and tokens (scan, attention), by request id. A few are
 * kept, not one: a request for the previous analysis may still arrive after the next one's sequence.
 */
const sequences = new Map<number, { text: string; tokens: Int32Array }>();
/** Requests in flight: their abort controllers, and a promise that settles when each has finished. */
const running = new Map<number, { ctl: AbortController; finished: Promise<void> }>();

function post(reply: Reply, transfer: Transferable[] = []) {
  scope.postMessage(reply, transfer);
}

function requireModel(): LoadedModel {
  if (!model) throw new Error('No model is loaded yet.');
  return model;
}

/** The sequence a request names, or an error if it was never sent or has been dropped. */
function sequence(id: number): { text: string; tokens: Int32Array } {
  const seq = sequences.get(id);
  if (!seq) throw new Error(`The request names sequence ${id}, which the model worker does not hold (it keeps the last ${KEPT_SEQUENCES}).`);
  return seq;
}

function modelInfo(m: LoadedModel): ModelInfo {
  const man = m.meta;
  return { id: man.id, name: man.name, objective: man.objective, architecture: man.type, context: m.context,
    nHeads: m.nHeads, nAttentionLayers: m.nAttentionLayers, parameters: man.parameters, metrics: man.metrics,
    scoreDistribution: man.scoreDistribution };
}

/**
 * Load a model in place of the current one. One the user brings must also reproduce its golden vectors
 * here (verifyGolden) before it is used; a network without them is refused.
 */
async function loadFrom(source: ModelSource, id: number, verify: boolean): Promise<ModelInfo> {
  // an analysis still running reads the current weights: cancel it and let it finish before disposing them
  const others = [...running].filter(([rid]) => rid !== id).map(([, r]) => r);
  for (const r of others) r.ctl.abort();
  await Promise.all(others.map((r) => r.finished));
  model?.dispose();
  model = null;
  modelSource = null;
  const loaded = await loadModel(source, (p) => post({ type: 'progress', id, status: p.status === 'ready' ? 'progress' : p.status, done: p.loaded, total: p.total, file: p.file }));
  if (verify && loaded.meta.type !== 'markov') {
    try {
      await verifyGolden(loaded, source);
    } catch (e) {
      loaded.dispose();
      throw e;
    }
  }
  model = loaded;
  modelSource = source;
  return modelInfo(loaded);
}

async function handle(req: Call, signal: AbortSignal): Promise<[Results[keyof Results], Transferable[]]> {
  const onProgress = (done: number, total: number) => post({ type: 'progress', id: req.id, status: 'progress', done, total });
  switch (req.type) {
    case 'init': {
      const choice = await chooseBackend({
        force: req.backend, exclude: req.exclude,
        wasmPaths: { 'tfjs-backend-wasm.wasm': wasmUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl },
        wasmThreads: req.wasmThreads ?? Math.min(navigator.hardwareConcurrency || 1, 8),
      });
      const device = choice.name === 'webgpu' ? (tf.backend() as unknown as { device: GPUDeviceLike }).device : null;
      device?.lost.then((info) => post({ type: 'failure', message: `The WebGPU device was lost (${info.reason}: ${info.message || 'no details'}).` }));
      if (req.testHooks) {
        // for the resilience e2e tests only: simulate the faults the page must survive
        (self as unknown as Record<string, unknown>).__glmTest = {
          destroyDevice: () => device?.destroy(),
          crash: () => setTimeout(() => { throw new Error('simulated crash'); }),
        };
      }
      return [choice, []];
    }
    case 'load':
      return [await loadFrom(fetchSource(req.url), req.id, false), []];
    case 'loadFiles': {
      // a zip is unpacked here, off the page's thread; a folder's files arrive as they are
      const files = req.files.length === 1 && /\.zip$/i.test(req.files[0]!.path) ? unzipModel(req.files[0]!.bytes, req.label) : req.files;
      return [await loadFrom(modelFolder(files, req.label), req.id, true), []];
    }
    case 'setSequence':
      sequences.set(req.id, { text: req.sequence, tokens: encode(req.sequence) });
      for (const id of sequences.keys()) if (sequences.size > KEPT_SEQUENCES) sequences.delete(id); // oldest first
      return [{ length: req.sequence.length, sequence: req.id }, []];
    case 'scan': {
      const r = await likelihoodScan(requireModel(), sequence(req.sequence).tokens, { maskStride: req.maskStride, signal, onProgress });
      return [r, [r.logprobs.buffer, r.observedBits.buffer, r.entropyBits.buffer]];
    }
    case 'attention': {
      const r = await attentionMap(requireModel(), sequence(req.sequence).tokens, req.layer, req.heads, req.focus, { signal, onProgress });
      return [r, [r.probs.buffer]];
    }
    case 'score':
      return [await scoreVariants(requireModel(), sequence(req.sequence).text, req.variants, { ...req.settings, signal, onProgress }), []];
    case 'mutagenesis': {
      const r = await saturationMutagenesis(requireModel(), sequence(req.sequence).text, req.start, req.end, { ...req.settings, signal, onProgress });
      return [r, [r.scores.buffer]];
    }
    case 'dependencyMap': {
      const r = await dependencyMap(requireModel(), sequence(req.sequence).tokens, req.start, req.end, { strands: req.strands, rows: req.rows, signal, onProgress });
      return [r, [r.values.buffer, r.argmax.buffer, r.influence.buffer]];
    }
    case 'benchForward':
      return [{ ms: await timeForward(requireModel(), req.tokens, req.batch, req.repeats), backend: tf.getBackend(), numBytes: tf.memory().numBytes }, []];
    case 'compareScan': {
      const other = await secondModel(req.url);
      const r = await likelihoodScan(other, sequence(req.sequence).tokens, { maskStride: req.maskStride, signal, onProgress });
      return [{ model: modelInfo(other), scan: r }, [r.logprobs.buffer, r.observedBits.buffer, r.entropyBits.buffer]];
    }
    case 'compareScore':
      return [await scoreVariants(await secondModel(req.url), sequence(req.sequence).text, req.variants, { ...req.settings, signal, onProgress }), []];
    case 'costCurve': {
      // one model per architecture (the bundled hybrids share one): read the manifests first, load only those
      const seen = new Set<string>(), pick: { id: string; url: string }[] = [];
      for (const m of req.models) {
        const type = validateManifest(JSON.parse(await fetchSource(m.url).readText('model.json')), `${m.url}model.json`).architecture.type;
        if (!seen.has(type)) { seen.add(type); pick.push(m); }
      }
      const curves: Results['costCurve']['curves'] = [];
      for (const [i, m] of pick.entries()) {
        const other = await loadModel(fetchSource(m.url)); // beside the current model, which stays loaded
        try {
          const curve = await measureCostCurve(other, { lengths: req.lengths, repeats: req.repeats, signal,
            onProgress: (done, total) => onProgress(i * total + done, pick.length * total) });
          curves.push({ id: m.id, architecture: other.meta.type, ...curve });
        } finally {
          other.dispose();
        }
      }
      return [{ backend: tf.getBackend(), curves }, []];
    }
    case 'check': {
      if (!modelSource) throw new Error('No model is loaded yet.');
      const golden = validateGolden(JSON.parse(await modelSource.readText('golden.json')), 'golden.json');
      return [{ ...(await goldenCheck(requireModel(), golden)), backend: tf.getBackend() }, []];
    }
    default: {
      const never: never = req;
      throw new Error(`unknown request ${JSON.stringify(never)}`);
    }
  }
}

scope.onmessage = async (ev: MessageEvent<Request>) => {
  const req = ev.data;
  if (req.type === 'cancel') {
    running.get(req.id)?.ctl.abort();
    return;
  }
  const ctl = new AbortController();
  let done!: () => void;
  running.set(req.id, { ctl, finished: new Promise<void>((resolve) => { done = resolve; }) });
  try {
    const [result, transfer] = await handle(req, ctl.signal);
    post({ type: 'result', id: req.id, result }, transfer);
  } catch (e) {
    // a request cancelled by a model load says so, rather than failing on weights disposed under it
    const cancelled = e instanceof CancelledError || ctl.signal.aborted;
    post({ type: 'error', id: req.id, message: cancelled ? 'Cancelled' : (e as Error).message ?? String(e), cancelled });
  } finally {
    running.delete(req.id);
    done();
  }
};
