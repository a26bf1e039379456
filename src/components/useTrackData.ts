// What the track view draws, gathered from the store: the scan of the analysed record, attention from the focus,
// the variants as lollipops (the model's first scoring method with scores), and the annotation tracks (the
// record's own features, a brought file's, the gallery's marks).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { methodsFor, METHODS, type ScoreMethod } from '../analysis/variantEffect';
import type { SequenceFeature } from '../genome/features';
import { marksAsFeatures, type AnnotationSet } from '../render/annotationTrack';
import type { LogoMode } from '../render/logo';
import type { TrackData } from '../render/tracks';
import type { TrackVariant } from '../render/variantTrack';
import { resultOf } from '../state/selectors';
import { useApp } from '../state/store';
import type { VariantRow } from '../state/types';

/** The method to draw: the model's first with a score in some row, else its first. */
function drawnMethod(rows: VariantRow[], methods: ScoreMethod[]): ScoreMethod | null {
  return methods.find((m) => rows.some((r) => typeof r.scores[m] === 'number')) ?? methods[0] ?? null;
}

export function useTrackData(logoMode: LogoMode, file: { name: string; features: SequenceFeature[] } | null) {
  const { scan, analysed, focus, attention, model, variants } = useApp(
    useShallow((s) => ({
      scan: resultOf(s, 'scan')!,
      analysed: s.analysed!,
      focus: s.focus,
      attention: resultOf(s, 'attention'),
      model: s.model,
      variants: s.variants,
    })),
  );
  const marks = useApp((s) => s.marks);

  const attnRow = useMemo(() => {
    if (!attention || focus === null || focus < attention.start || focus >= attention.start + attention.size)
      return undefined;
    const n = attention.size,
      r = focus - attention.start;
    return { start: attention.start, values: attention.probs.subarray(r * n, (r + 1) * n) };
  }, [attention, focus]);

  const method = model ? drawnMethod(variants, methodsFor(model.objective)) : null;
  const trackVariants = useMemo(
    (): TrackVariant[] =>
      variants.flatMap((v) =>
        v.index === null
          ? []
          : [{ index: v.index, label: v.source.text, score: method ? (v.scores[method] ?? null) : null }],
      ),
    [variants, method],
  );

  const annotations = useMemo((): AnnotationSet[] => {
    const sets: AnnotationSet[] = [];
    if (analysed.features?.length)
      sets.push({ title: 'record features', unit: 'from its FEATURES table', features: analysed.features });
    if (file?.features.length) sets.push({ title: 'file features', unit: file.name, features: file.features });
    if (marks?.length)
      sets.push({ title: 'example marks', unit: 'from the gallery', features: marksAsFeatures(marks) });
    return sets;
  }, [analysed, file, marks]);

  const data = useMemo(
    (): TrackData => ({
      name: analysed.name,
      sequence: analysed.sequence,
      softMasked: analysed.softMasked,
      logprobs: scan.logprobs,
      observedBits: scan.observedBits,
      entropyBits: scan.entropyBits,
      focus,
      attnRow,
      attentionNote:
        model && model.nAttentionLayers === 0
          ? 'this model has no attention'
          : focus === null
            ? 'click a base to see its attention'
            : 'the attention map does not cover the focused base',
      variants: trackVariants,
      variantMethod: method ? METHODS[method].label : '',
      annotations,
      logoMode,
    }),
    [scan, analysed, focus, attnRow, model, trackVariants, method, annotations, logoMode],
  );
  return { data, scan, analysed, focus, model };
}
