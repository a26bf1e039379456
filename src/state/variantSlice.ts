// Variants the person names (typed or from a VCF) and their scores by every method the model has; and the two
// region analyses that share the score settings: saturation mutagenesis and the dependency map.

import type { StateCreator } from 'zustand';
import { chooseMethod, DEFAULT_WINDOW, methodsFor } from '../analysis/variantEffect';
import { placeVariant } from '../genome/locate';
import { parseVariantList, type TypedVariant } from '../genome/variantSyntax';
import { looksLikeVcf, parseVcf } from '../genome/vcf';
import { computeDependencyMap } from './mapWorkers';
import { loadRequest } from './modelLoad';
import type { AppState, VariantRow, VariantSlice } from './types';
import { sequenceId } from './workerClient';

const keyOf = (v: TypedVariant) => `${v.chrom ?? ''}:${v.pos}${v.ref}>${v.alt}`;

function placeOn(
  records: { name: string; sequence: string }[],
  analysed: number,
  v: TypedVariant,
): Pick<VariantRow, 'index' | 'note'> {
  const loc = placeVariant(records, v, analysed);
  return 'problem' in loc ? { index: null, note: loc.problem } : { index: loc.index, note: '' };
}

export const createVariantSlice: StateCreator<AppState, [], [], VariantSlice> = (set, get) => {
  const addRows = (typed: TypedVariant[], errors: string[]) => {
    const have = new Set(get().variants.map((v) => v.key));
    const fresh = typed.filter((v) => !have.has(keyOf(v)));
    set({
      variants: [
        ...get().variants,
        ...fresh.map((v) => ({ key: keyOf(v), source: v, index: null, scores: {}, note: '' })),
      ],
      variantMessages: errors,
    });
  };
  return {
    variants: [],
    variantMessages: [],
    window: DEFAULT_WINDOW,
    bothStrands: false,
    mutagenesisMethod: null,

    async addVariants(text) {
      if (looksLikeVcf(text)) return get().addVcf(text); // a #CHROM header or tab-separated data lines
      const { variants, errors } = parseVariantList(text);
      addRows(variants, errors);
      await get().scoreVariants();
    },

    async addVcf(text) {
      const r = parseVcf(text, { headerless: true }); // pasted data lines need no header here
      const errors = r.errors.map((e) => `VCF line ${e.line}: ${e.message}`);
      const typed: TypedVariant[] = [];
      for (const v of r.variants) {
        if (v.problem) errors.push(`VCF line ${v.line}: ${v.problem}`);
        else
          typed.push({
            chrom: v.chrom,
            pos: v.pos,
            ref: v.ref,
            alt: v.alt,
            text: `${v.chrom}:${v.pos}${v.ref}>${v.alt}`,
          });
      }
      addRows(typed, errors);
      await get().scoreVariants();
    },

    removeVariant: (key) => set({ variants: get().variants.filter((v) => v.key !== key) }),
    clearVariants: () => set({ variants: [], variantMessages: [] }),

    setScoreSettings(s) {
      set({
        ...(s.window !== undefined ? { window: s.window } : {}),
        ...(s.bothStrands !== undefined ? { bothStrands: s.bothStrands } : {}),
        ...(s.mutagenesisMethod ? { mutagenesisMethod: s.mutagenesisMethod } : {}),
      });
    },

    /** (Re)place every variant on the analysed sequence and score it by each method the model has. */
    async scoreVariants() {
      const { analysed, analysedRecords, model, window, bothStrands } = get();
      if (!analysed || !model) return;
      const rows = get().variants.map((r) => ({
        ...r,
        scores: {},
        ...placeOn(analysedRecords, analysedRecords.indexOf(analysed), r.source),
      }));
      set({ variants: rows });
      const todo = rows.filter((r) => r.index !== null);
      if (todo.length === 0) return;
      const variants = todo.map((r) => ({ pos: r.index!, ref: r.source.ref, alt: r.source.alt }));
      for (const method of methodsFor(model.objective)) {
        const res = await get().runJob('variants', { variants, method, window, bothStrands });
        if (!res) {
          const err = get().jobs.variants?.error;
          if (err) set({ variantMessages: [...get().variantMessages, err] });
          return;
        }
        const byKey = new Map(todo.map((r, i) => [r.key, res.scores[i]!]));
        set({
          variants: get().variants.map((r) => {
            const s = byKey.get(r.key);
            return s ? { ...r, scores: { ...r.scores, [method]: s.score }, note: r.note || s.note } : r;
          }),
        });
      }
      await get().scoreCompare();
    },

    async runMutagenesis({ start, end, method: wanted }) {
      const { model, window, bothStrands } = get();
      if (!model) return;
      const method = chooseMethod(model.objective, wanted ?? get().mutagenesisMethod);
      await get().runJob(
        'mutagenesis',
        { start, end, method, window, bothStrands },
        { label: `Mutagenesis of ${start + 1}-${end}` },
      );
    },

    async runDependencyMap({ start, end, strands }) {
      const { analysed, modelId, models, backend } = get();
      const entry = models.find((m) => m.id === modelId);
      if (!analysed || !entry) return;
      const text = analysed.sequence;
      await get().runJob(
        'dependency',
        { start, end, strands },
        {
          label: `Dependency map of ${start + 1}-${end}`,
          via: (signal, onProgress) =>
            computeDependencyMap(
              { text, start, end, strands, backend: backend?.name, load: loadRequest(entry) },
              () => sequenceId(text),
              { signal, onProgress },
            ),
        },
      );
    },
  };
};
