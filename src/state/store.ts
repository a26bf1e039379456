// The app's single zustand store: input, model and backend, analysis results, view.

import { create, type StateCreator } from 'zustand';
import { DEFAULT_MASK_STRIDE } from '../analysis/likelihoodScan';
import { parseSequence, type SequenceRecord } from '../genome/parseSequence';
import type { BackendName } from '../model/backend';
import { CallCancelledError, WorkerCrashedError } from '../worker/client';
import type { AnalysisSlice, AppState, ModelEntry } from './types';

export type { AppState } from './types';
import { createCompareSlice } from './compareSlice';
import { cancelMutagenesis, createVariantSlice } from './variantSlice';
import { cancelDependencyMap, createDependencySlice } from './dependencySlice';
import { forcedBackend, sequenceId, testHooks, wasmThreads, worker } from './workerClient';
import { createUserModelSlice } from './userModelSlice';
import { loadRequest } from './userModels';
import { computeDependencyMap, releaseMapWorkers } from './mapWorkers';
import type { MapStrands } from '../analysis/dependency/dependencyMap';

let controller: AbortController | null = null;
let initOnce: Promise<void> | null = null;

function parseInput(text: string): Pick<AppState, 'records' | 'notices' | 'inputError' | 'recordIndex'> {
  if (!text.trim()) return { records: [], notices: [], inputError: null, recordIndex: 0 };
  try {
    const r = parseSequence(text);
    return { records: r.records, notices: r.notices, inputError: null, recordIndex: 0 };
  } catch (e) {
    return { records: [], notices: [], inputError: (e as Error).message, recordIndex: 0 };
  }
}

/** Whether results for `analysed` are stale for the input's current record (none, or a different one). */
function isStale(current: SequenceRecord | undefined, analysed: SequenceRecord | null): boolean {
  if (!analysed) return false;
  if (!current || current.name !== analysed.name || current.sequence !== analysed.sequence) return true;
  return current.softMasked.some((m, i) => m !== analysed.softMasked[i]);
}

const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  input: '',
  records: [],
  recordIndex: 0,
  notices: [],
  inputError: null,
  models: [],
  modelId: null,
  model: null,
  modelError: null,
  backend: null,
  backendError: null,
  busy: false,
  progress: null,
  runError: null,
  analysed: null,
  analysedRecords: [],
  stale: false,
  linkMessage: null,
  shareLinkLength: 0,
  shareTooLarge: false,
  scan: null,
  attention: null,
  layer: 0,
  head: 0,
  focus: null,
  view: { zoom: 0, start: 0 },

  setInput(text) {
    const parsed = parseInput(text);
    set({ input: text, ...parsed, stale: isStale(parsed.records[parsed.recordIndex], get().analysed) });
  },
  selectRecord: (i) => set({ recordIndex: i, stale: isStale(get().records[i], get().analysed) }),

  init() {
    // once per page: React's StrictMode runs effects twice in dev, and two concurrent backend
    // starts make tfjs abandon the first one
    initOnce ??= initialise();
    return initOnce;
  },

  async selectModel(id) {
    const entry = get().models.find((m) => m.id === id);
    if (!entry) return;
    controller?.abort();
    get().clearMutagenesis();
    get().clearDependency();
    releaseMapWorkers();
    set({ modelId: id, model: null, modelError: null, scan: null, attention: null, analysed: null, stale: false,
      progress: { kind: 'load', label: `Loading ${entry.name}`, done: 0, total: 1, startedAt: performance.now() } });
    try {
      const model = await worker().call(loadRequest(entry), {
        onProgress: (done, total, file) => set({ progress: { kind: 'load', label: `Loading ${entry.name}${file ? ` (${file})` : ''}`, done, total, startedAt: get().progress?.startedAt ?? performance.now() } }),
      });
      set({ model, progress: null, layer: Math.max(0, model.nAttentionLayers - 1), head: 0 });
    } catch (e) {
      set({ modelError: (e as Error).message, progress: null });
    }
  },

  async run(again) {
    const { model } = get();
    const record = again?.record ?? get().records[get().recordIndex];
    const records = again?.records ?? get().records;
    if (!record || !model) return;
    controller?.abort();
    const ctl = new AbortController();
    controller = ctl;
    const startedAt = performance.now();
    get().clearMutagenesis();
    get().clearDependency();
    set({ busy: true, runError: null, scan: null, attention: null, analysed: record, analysedRecords: records, stale: isStale(get().records[get().recordIndex], record), focus: Math.floor(record.sequence.length / 2), view: { zoom: 0, start: 0 },
      progress: { kind: 'scan', label: 'Scoring every base', done: 0, total: 1, startedAt } });
    try {
      const scan = await worker().call({ type: 'scan', sequence: await sequenceId(record.sequence), maskStride: DEFAULT_MASK_STRIDE }, {
        signal: ctl.signal,
        onProgress: (done, total) => set({ progress: { kind: 'scan', label: 'Scoring every base', done, total, startedAt } }),
      });
      set({ scan });
      await refreshAttention(ctl.signal);
      await get().scoreVariants();
      await get().runCompare();
      set({ busy: false, progress: null });
    } catch (e) {
      const cancelled = e instanceof CallCancelledError;
      // a crashed worker is reported and recovered from by recover()
      set({ busy: false, progress: null, ...(e instanceof WorkerCrashedError ? {} : { runError: cancelled ? 'Cancelled.' : (e as Error).message }) });
    } finally {
      if (controller === ctl) controller = null;
    }
  },

  startWork: (progress) => set({ busy: true, runError: null, progress }),
  reportProgress: (progress) => set({ progress }),
  endWork: (error) => set({ busy: false, progress: null, ...(error === undefined ? {} : { runError: error }) }),

  async openAnalysis(req) {
    const notes: string[] = [];
    const { models, modelId } = get();
    if (req.model && models.some((m) => m.id === req.model)) {
      if (modelId !== req.model) await get().selectModel(req.model);
    } else if (req.model) {
      notes.push(`The analysis names model "${req.model}", which this page does not have; using ${models.find((m) => m.id === modelId)?.name ?? 'the default'}.`);
    }
    get().setInput(req.text);
    if (req.settings) get().setScoreSettings(req.settings);
    if (req.compare !== undefined) {
      const known = models.some((m) => m.id === req.compare && !m.user);
      set({ compareId: known ? req.compare : null, compare: null, compareScores: {} });
      if (!known) notes.push(`The analysis compares with model "${req.compare}", which this page does not have; shown without the comparison.`);
    }
    get().clearVariants();
    await get().run();
    const s = get();
    if (!s.analysed) return notes;
    if (req.layer !== undefined && s.model && req.layer < s.model.nAttentionLayers) s.setLayer(req.layer);
    if (req.head !== undefined && s.model && req.head < s.model.nHeads) s.setHead(req.head);
    if (req.focus !== undefined) s.setFocus(req.focus);
    if (req.view) s.setView(req.view);
    if (req.variants?.length) await s.addVariants(req.variants.join('\n'));
    if (req.mutagenesis) await s.runMutagenesis(req.mutagenesis[0], req.mutagenesis[1]);
    if (req.dependency) await s.runDependencyMap(req.dependency);
    return notes;
  },

  cancel() {
    if (!cancelMutagenesis() && !cancelDependencyMap()) controller?.abort();
  },

  checkModel: () => worker().call({ type: 'check' }),

  setView: (view) => set({ view }),

  setLayer(layer) { set({ layer }); void refreshAttention(); },
  setHead(head) { set({ head }); void refreshAttention(); },
  setFocus(pos) {
    const prev = get().attention;
    set({ focus: pos });
    // only a focus outside the shown window needs a new forward pass
    if (pos !== null && prev && (pos < prev.start || pos >= prev.start + prev.size)) void refreshAttention();
  },
});

export const useApp = create<AppState>()((...a) => ({ ...createAnalysisSlice(...a), ...createVariantSlice(...a), ...createDependencySlice(...a), ...createCompareSlice(...a), ...createUserModelSlice(...a) }));

/** Recompute the attention map for the current layer/head around the focus. */
async function refreshAttention(signal?: AbortSignal): Promise<void> {
  const { analysed, model, layer, head, focus } = useApp.getState();
  if (!analysed || !model || model.nAttentionLayers === 0) return;
  try {
    const attention = await worker().call(
      { type: 'attention', sequence: await sequenceId(analysed.sequence), layer, heads: [head], focus: focus ?? 0 }, { signal });
    const now = useApp.getState();
    if (now.analysed === analysed && now.layer === layer && now.head === head) useApp.setState({ attention });
  } catch (e) {
    if (!(e instanceof CallCancelledError)) useApp.setState({ runError: (e as Error).message });
  }
}

const failedBackends: BackendName[] = [];

/**
 * The worker crashed or lost its GPU: restart it on the next backend in line, reload the model and
 * re-run the analysis. The sequence and settings live in the store, so nothing is lost.
 */
async function recover(message: string): Promise<void> {
  const s = useApp.getState();
  if (s.backend) failedBackends.push(s.backend.name);
  useApp.setState({ backend: null, model: null, busy: false, progress: null, runError: `${message} Restarting the model on another backend…` });
  worker().restart();
  try {
    const backend = await worker().call({ type: 'init', exclude: failedBackends, testHooks: testHooks(), wasmThreads: wasmThreads() });
    useApp.setState({ backend });
    // read before selectModel clears the results; the analysed record, not whatever the input box holds now
    const { modelId, analysed, analysedRecords } = useApp.getState();
    if (modelId) await useApp.getState().selectModel(modelId);
    if (analysed && useApp.getState().model) await useApp.getState().run({ record: analysed, records: analysedRecords });
    useApp.setState({ runError: `${message} Recovered on ${backend.name}${analysed ? '; the analysis was run again' : ''}.` });
  } catch (e) {
    useApp.setState({ backendError: `${message} Restarting failed too: ${(e as Error).message}` });
  }
}

/** Start the backend, read the model list and load the first model. */
async function initialise(): Promise<void> {
  const set = useApp.setState;
  worker().onFailure = (message) => void recover(message);
  // npm run bench drives the worker directly through these handles
  if (testHooks()) {
    const hooks = window as unknown as Record<string, unknown>;
    hooks.__glmCall = (req: Parameters<ReturnType<typeof worker>['call']>[0]) => worker().call(req);
    // a dependency map as the panel runs it (shared among the map workers), of any text, with the current model
    hooks.__glmDependencyMap = (text: string, start: number, end: number, strands: MapStrands) => {
      const { models, modelId, backend } = useApp.getState();
      const entry = models.find((m) => m.id === modelId);
      if (!entry) throw new Error('No model is loaded yet.');
      return computeDependencyMap({ text, start, end, strands, backend: backend?.name, load: loadRequest(entry) }, () => sequenceId(text), {});
    };
  }
  try {
    const backend = await worker().call({ type: 'init', backend: forcedBackend(), testHooks: testHooks(), wasmThreads: wasmThreads() });
    set({ backend, backendError: null });
  } catch (e) {
    set({ backendError: (e as Error).message });
    return;
  }
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}models/index.json`);
    const index = (await res.json()) as { models: ModelEntry[] };
    set({ models: index.models });
    const first = index.models[0];
    if (first) await useApp.getState().selectModel(first.id);
  } catch (e) {
    set({ modelError: `Could not read the model list: ${(e as Error).message}` });
    return;
  }
}
