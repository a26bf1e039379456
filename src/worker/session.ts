// What the model worker holds and does, apart from the browser: the loaded model (and a second one for the
// compare view), the sequences sent to it, and a handler per control request; analyses are looked up in the
// registry. Node tests drive it directly (session.test.ts).

import * as tf from '@tensorflow/tfjs-core';
import type { AnalysisDescriptor } from '../analysis/descriptor';
import { analysisOf } from '../analysis/registry';
import type { RunOptions } from '../analysis/run';
import { measureCostCurve } from '../bench/costCurve';
import { encode } from '../genome/tokens';
import { timeForward } from '../model/benchmarking';
import { goldenCheck, validateGolden } from '../model/check/goldenCheck';
import { verifyGolden } from '../model/check/verifyModel';
import { loadModel } from '../model/loadModel';
import { modelFolder, unzipModel, type ModelFile } from '../model/memorySource';
import type { LoadedModel } from '../model/meta';
import type { ModelSource } from '../model/source';
import type { LoadProgress } from '../model/weights';
import {
  KEPT_SEQUENCES,
  type AnalysisRequest,
  type Call,
  type ControlResults,
  type ModelInfo,
  type ModelRef,
} from './protocol';

export interface Running {
  ctl: AbortController;
  finished: Promise<void>;
}

export function modelInfo(m: LoadedModel): ModelInfo {
  const meta = m.meta;
  return {
    id: meta.id,
    name: meta.name,
    family: meta.family,
    objective: meta.objective,
    architecture: meta.type,
    format: meta.format,
    context: m.context,
    nHeads: m.nHeads,
    nAttentionLayers: m.nAttentionLayers,
    parameters: meta.parameters,
    hiddenSize: m.representation.kind === 'hidden' ? m.representation.size : 0,
    metrics: meta.metrics,
    scoreDistribution: meta.scoreDistribution,
    ...(meta.card ? { card: meta.card } : {}),
  };
}

/** A brought model's files as a source; a zip is unpacked here, off the page's thread. */
function filesSource(files: ModelFile[], label: string): ModelSource {
  const unpacked = files.length === 1 && /\.zip$/i.test(files[0]!.path) ? unzipModel(files[0]!.bytes, label) : files;
  return modelFolder(unpacked, label);
}

export class WorkerSession {
  private model: LoadedModel | null = null;
  private source: ModelSource | null = null;
  private second: { url: string; model: Promise<LoadedModel> } | null = null;
  /** Sequences by request id, as text and tokens; a few are kept: a request may name the one before the last. */
  private readonly sequences = new Map<number, { text: string; tokens: Int32Array }>();
  /** Requests in flight (the worker's onmessage fills it): a model load cancels and awaits the others. */
  readonly running = new Map<number, Running>();

  constructor(private readonly sourceOf: (url: string) => ModelSource) {}

  private sequence(id: number) {
    const seq = this.sequences.get(id);
    if (!seq)
      throw new Error(
        `The request names sequence ${id}, which the model worker does not hold (it keeps the last ${KEPT_SEQUENCES}).`,
      );
    return seq;
  }

  private current(): LoadedModel {
    if (!this.model) throw new Error('No model is loaded yet.');
    return this.model;
  }

  /** The compare view's model: kept while the same one is asked for, freed when another is; `files`: a brought one's. */
  private secondModel(url: string, files?: { files: ModelFile[]; label: string }): Promise<LoadedModel> {
    if (this.second?.url === url) return this.second.model;
    const old = this.second;
    const held = { url, model: loadModel(files ? filesSource(files.files, files.label) : this.sourceOf(url)) };
    this.second = held;
    void old?.model.then(
      (m) => m.dispose(),
      () => undefined,
    );
    held.model.catch(() => {
      if (this.second === held) this.second = null;
    }); // a failed load is retried next time
    return held.model;
  }

  /**
   * A model in place of the current one. A bundled-format folder the user brings must also reproduce its golden
   * vectors here before it is used; a published folder is held to its checkpoint's checks (publishedFolder.ts).
   */
  private async load(
    source: ModelSource,
    id: number,
    verify: boolean,
    onLoad: (p: LoadProgress) => void,
  ): Promise<ModelInfo> {
    // an analysis still running reads the current weights: cancel it and let it finish before disposing them
    const others = [...this.running].filter(([rid]) => rid !== id).map(([, r]) => r);
    for (const r of others) r.ctl.abort();
    await Promise.all(others.map((r) => r.finished));
    this.model?.dispose();
    this.model = null;
    this.source = null;
    const loaded = await loadModel(source, onLoad);
    if (verify && loaded.meta.format === 'bundled' && loaded.meta.type !== 'markov') {
      try {
        await verifyGolden(loaded, source);
      } catch (e) {
        loaded.dispose();
        throw e;
      }
    }
    this.model = loaded;
    this.source = source;
    return modelInfo(loaded);
  }

  async analysis(req: AnalysisRequest, opts: RunOptions): Promise<[unknown, ArrayBufferLike[]]> {
    const d = analysisOf(req.kind) as AnalysisDescriptor<unknown, unknown, unknown>;
    const model = d.needsModel === false ? null : await this.modelFor(req.model ?? 'current');
    const result = await d.run(model, this.sequence(req.sequence), req.args, opts);
    return [result, d.transfer(result)];
  }

  private modelFor(ref: ModelRef): Promise<LoadedModel> | LoadedModel {
    return ref === 'current' ? this.current() : this.secondModel(ref.url);
  }

  /** Every request but init (the browser glue's) and analyses. */
  async control(
    req: Exclude<Call, AnalysisRequest | { type: 'init' }>,
    opts: RunOptions,
    onLoad: (p: LoadProgress) => void,
  ): Promise<ControlResults[keyof ControlResults]> {
    switch (req.type) {
      case 'load':
        return this.load(this.sourceOf(req.url), req.id, false, onLoad);
      case 'loadFiles':
        return this.load(filesSource(req.files, req.label), req.id, true, onLoad);
      case 'second':
        return modelInfo(
          await this.secondModel(req.url, req.files && { files: req.files, label: req.label ?? req.url }),
        );
      case 'setSequence':
        this.sequences.set(req.id, { text: req.sequence, tokens: encode(req.sequence) });
        for (const id of this.sequences.keys()) if (this.sequences.size > KEPT_SEQUENCES) this.sequences.delete(id); // oldest first
        return { length: req.sequence.length, sequence: req.id };
      case 'benchForward': {
        const model = this.current();
        return {
          ms: await timeForward(model, req.tokens, req.batch, req.repeats),
          backend: tf.getBackend(),
          numBytes: tf.memory().numBytes,
          model: model.meta.id,
        };
      }
      case 'costCurve':
        return this.costCurve(req, opts);
      case 'check': {
        const model = this.current();
        const golden = validateGolden(JSON.parse(await this.source!.readText('golden.json')), 'golden.json');
        return { ...(await goldenCheck(model, golden)), backend: tf.getBackend() };
      }
      default: {
        const never: never = req;
        throw new Error(`unknown request ${JSON.stringify(never)}`);
      }
    }
  }

  /** One model per architecture (the bundled hybrids share one), each loaded beside the current one, then freed. */
  private async costCurve(
    req: Extract<Call, { type: 'costCurve' }>,
    opts: RunOptions,
  ): Promise<ControlResults['costCurve']> {
    const seen = new Set<string>(),
      curves: ControlResults['costCurve']['curves'] = [];
    for (const m of req.models) {
      const source = this.sourceOf(m.url);
      const type = String(
        (JSON.parse(await source.readText('model.json')) as { architecture?: { type?: unknown } }).architecture?.type,
      );
      if (seen.has(type)) continue; // read the manifest first: load only one model per architecture
      seen.add(type);
      const other = await loadModel(source);
      try {
        const curve = await measureCostCurve(other, {
          lengths: req.lengths,
          repeats: req.repeats,
          signal: opts.signal,
          onProgress: (done, total) => opts.onProgress?.(curves.length * total + done, req.models.length * total),
        });
        curves.push({ id: m.id, architecture: other.meta.type, ...curve });
      } finally {
        other.dispose();
      }
    }
    return { backend: tf.getBackend(), curves };
  }
}
