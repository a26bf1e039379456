// A few-shot probe on the person's labelled variants of the sequence (fewshot/sequenceProbe.ts): the loaded
// model's features against the sequence-only baseline on the same folds, then the variants table's variants
// predicted. A saved analysis keeps the columns and the fitted probe (applied as it is when reopened), and the
// labels as pasted only when the person chose to share them (then the probe is refitted on them).

import { probeSequence, type SequenceProbeInput, type SequenceProbeResult } from '../../fewshot/sequenceProbe';
import { readFitted, type FittedProbes } from '../../fewshot/probeLink';
import { FEATURE_SETS, type FeatureSet } from '../../fewshot/variantFeatures';
import { defineAnalysis, isRecord, requireModel } from '../descriptor';

/** What the person chose: kept in a saved analysis. */
export type FewshotSettings = Pick<
  SequenceProbeInput,
  'labels' | 'label' | 'positive' | 'group' | 'features' | 'fitted'
>;
/** What the worker needs besides: the record's name (genomic positions) and the variants to predict. */
export type FewshotArgs = SequenceProbeInput;

/** Labels a link may carry: a link holds at most 64,000 characters, a session file more. */
export const MAX_LABEL_CHARS = 200_000;
const MAX_NAME = 100;

function optionalName(v: unknown, field: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_NAME)
    throw new Error(`its few-shot ${field} is not valid`);
  return v;
}

/** A saved probe's settings, each field checked; an Error names the bad one. */
export function readFewshotSettings(json: unknown): FewshotSettings {
  if (!isRecord(json)) throw new Error('its few-shot settings are not valid');
  const labels = json.labels;
  if (labels !== undefined && (typeof labels !== 'string' || labels.length === 0 || labels.length > MAX_LABEL_CHARS))
    throw new Error('its few-shot labels are not valid');
  if (labels === undefined && json.fitted === undefined)
    throw new Error('its few-shot probe has neither labels nor a fitted probe');
  const label = optionalName(json.label, 'label column');
  if (label === undefined) throw new Error('its few-shot label column is not valid');
  const f = json.features;
  if (!Array.isArray(f) || f.length === 0 || !f.every((s) => FEATURE_SETS.includes(s as FeatureSet)))
    throw new Error('its few-shot features are not valid');
  const positive = optionalName(json.positive, 'positive value'),
    group = optionalName(json.group, 'group column');
  return {
    ...(labels !== undefined ? { labels } : {}),
    ...(json.fitted !== undefined ? { fitted: readFitted(json.fitted) } : {}),
    label,
    ...(positive !== undefined ? { positive } : {}),
    ...(group !== undefined ? { group } : {}),
    features: [...new Set(f as FeatureSet[])],
  };
}

/** What a link keeps of a fitted probe: the probe always, the labels only when the person chose to share them. */
export function fewshotToSave(args: FewshotSettings, fitted: FittedProbes, withLabels: boolean): FewshotSettings {
  const { labels, ...rest } = readFewshotSettings({ ...args, fitted });
  return withLabels && labels !== undefined ? { labels, ...rest } : rest;
}

export const fewshot = defineAnalysis<FewshotArgs, SequenceProbeResult, FewshotSettings>({
  kind: 'fewshot',
  label: 'Few-shot probe',
  run: (model, input, a, opts) => probeSequence(requireModel(model), input.text, a, opts),
  transfer: () => [],
  saved: {
    // the arguments a run was given are saved: only the person's choices leave, not the record or the table
    write: (s) => readFewshotSettings(s),
    read: (json) => readFewshotSettings(json),
  },
});

declare module '../descriptor' {
  interface AnalysisKinds {
    fewshot: typeof fewshot;
  }
}
