// The analysis of one record: run (the scan, then attention, variant scores and the compare view), the view
// (focus, zoom, attention layer and head), and opening a saved analysis.

import type { StateCreator } from 'zustand';
import { DEFAULT_MASK_STRIDE } from '../analysis/likelihoodScan';
import { GALLERY, trackMarks } from '../gallery/examples';
import type { SavedAnalysis } from '../share/savedAnalysis';
import { isStale } from './inputSlice';
import { OVERVIEW_CELLS, type AttentionOverviewArgs } from '../analysis/descriptors/attentionOverview';
import { jobOf, resultOf } from './selectors';
import type { AnalysisSlice, AppState } from './types';

/** The saved sequence as FASTA text for the paste box (lower case where it was soft-masked). */
export function fastaOf(s: { name: string; sequence: string; softMasked?: Uint8Array }): string {
  let seq = '';
  for (let i = 0; i < s.sequence.length; i++) seq += s.softMasked?.[i] ? s.sequence[i]!.toLowerCase() : s.sequence[i]!;
  return `>${s.name}\n${seq.replace(/(.{60})/g, '$1\n').trim()}\n`;
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => {
  /** The attention map around the focus, unless the one shown already covers it. */
  const refreshAttention = async (force = false) => {
    const { model, attentionSettings: a, focus } = get();
    if (!get().analysed || !model || model.nAttentionLayers === 0) return;
    const shown = resultOf(get(), 'attention');
    const f = focus ?? 0;
    if (
      !force &&
      shown &&
      shown.layer === a.layer &&
      shown.heads[0] === a.head &&
      f >= shown.start &&
      f < shown.start + shown.size
    )
      return;
    await get().runJob('attention', { layer: a.layer, heads: [a.head], focus: f });
    await refreshOverview();
  };

  /** Every head's thumbnail over the attention map's window, unless they cover it already or are on their way. */
  const refreshOverview = async () => {
    const shown = resultOf(get(), 'attention');
    const have = resultOf(get(), 'attentionOverview');
    const job = jobOf(get(), 'attentionOverview');
    if (!shown || (have && have.start === shown.start && have.size === shown.size)) return;
    const focus = get().focus ?? 0;
    if (
      job?.status === 'running' &&
      (job.args as AttentionOverviewArgs).focus === focus &&
      job.of.sequence === get().analysed?.sequence
    )
      return;
    await get().runJob('attentionOverview', { focus, cells: OVERVIEW_CELLS });
  };

  return {
    analysed: null,
    analysedRecords: [],
    stale: false,
    runError: null,
    linkMessage: null,
    shareLinkLength: 0,
    shareTooLarge: false,
    attentionSettings: { layer: 0, head: 0 },
    focus: null,
    mapHover: null,
    view: { zoom: 0, start: 0 },
    exampleId: null,
    marks: [],

    async run(again, at) {
      const record = again?.record ?? get().records[get().recordIndex];
      const records = again?.records ?? get().records;
      if (!record || !get().model) return;
      const same = get().analysed?.sequence === record.sequence;
      if (!same) get().clearJobs();
      set({
        analysed: record,
        analysedRecords: records,
        runError: null,
        stale: isStale(get().records[get().recordIndex], record),
        // another sequence in place of an analysed one is no longer the example (openAnalysis, which empties
        // `analysed` first, sets its own)
        ...(same
          ? {}
          : { focus: at?.focus ?? Math.floor(record.sequence.length / 2), view: at?.view ?? { zoom: 0, start: 0 } }),
        ...(same || !get().analysed ? {} : { exampleId: null, marks: [] }),
      });
      const scan = await get().runJob('scan', { maskStride: DEFAULT_MASK_STRIDE });
      if (!scan) {
        const job = get().jobs.scan;
        if (job?.error && get().analysed === record) set({ runError: job.error });
        return;
      }
      await refreshAttention(true);
      await get().scoreVariants();
      await get().runCompare();
    },

    async openAnalysis(saved: SavedAnalysis, given) {
      const notes: string[] = [];
      // a link made from a gallery example names it: its caption and marks come back with it
      const named = GALLERY.find((e) => e.id === saved.example);
      const example = given ?? (named ? { id: named.id, marks: trackMarks(named) } : undefined);
      await get().init(); // a gallery click or a link before the model list arrived waits for it
      const { models, modelId } = get();
      const want = saved.models.primary;
      // the example's caption and marks are there when its results first show: no layout shift under the pointer
      set({ analysed: null, analysedRecords: [], exampleId: example?.id ?? null, marks: example?.marks ?? [] });
      get().clearJobs();
      if (want && models.some((m) => m.id === want)) {
        if (modelId !== want) await get().selectModel(want);
      } else if (want) {
        notes.push(
          `The analysis names model "${want}", which this page does not have; using ${models.find((m) => m.id === modelId)?.name ?? 'the default'}.`,
        );
      }
      get().setInput(fastaOf(saved));
      const a = saved.analyses;
      if (a.variants) get().setScoreSettings({ window: a.variants.window, bothStrands: a.variants.bothStrands });
      if (a.mutagenesis?.method) get().setScoreSettings({ mutagenesisMethod: a.mutagenesis.method });
      const compare = saved.models.compare;
      const known = compare !== undefined && models.some((m) => m.id === compare && !m.user);
      set({ compareId: known ? compare! : null, compareModel: null, compareScores: {} });
      if (compare !== undefined && !known)
        notes.push(
          `The analysis compares with model "${compare}", which this page does not have; shown without the comparison.`,
        );
      if (a.attention && get().model) {
        const m = get().model!;
        if (a.attention.layer < m.nAttentionLayers && a.attention.head < m.nHeads)
          set({ attentionSettings: a.attention });
      }
      get().clearVariants();
      const { focus, zoom, start } = saved.view;
      const view = zoom !== undefined || start !== undefined ? { zoom: zoom ?? 0, start: start ?? 0 } : undefined;
      await get().run(undefined, { focus, view });
      const s = get();
      if (!s.analysed) {
        set({ exampleId: null, marks: [] }); // nothing opened: no caption for whatever runs next
        return notes;
      }
      if (a.variants?.variants.length) await s.addVariants(a.variants.variants.join('\n'));
      // these have their own ways to run (the method by the model; a map shared among workers; the table predicted)
      if (a.mutagenesis) await s.runMutagenesis(a.mutagenesis);
      if (a.dependency) await s.runDependencyMap(a.dependency);
      if (a.fewshot) await s.runFewshot(a.fewshot);
      for (const [kind, settings] of Object.entries(a)) {
        if (!['attention', 'variants', 'mutagenesis', 'dependency', 'fewshot'].includes(kind))
          await s.runJob(kind as never, settings as never);
      }
      return notes;
    },

    cancel() {
      for (const job of Object.values(get().jobs)) if (job?.status === 'running') job.ctl.abort();
    },

    setView: (view) => set({ view }),
    setAttention(patch) {
      set({ attentionSettings: { ...get().attentionSettings, ...patch } });
      void refreshAttention(true);
    },
    setMapHover(cell) {
      const h = get().mapHover;
      if (cell?.row !== h?.row || cell?.col !== h?.col || cell?.map !== h?.map) set({ mapHover: cell });
    },
    setFocus(pos) {
      set({ focus: pos });
      if (pos !== null) void refreshAttention();
    },
  };
};
