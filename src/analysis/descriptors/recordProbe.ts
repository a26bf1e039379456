// A few-shot probe on whole sequences (fewshot/recordProbe.ts): labelled FASTA records of two classes, the loaded
// model's mean-pooled embedding against a k-mer share baseline on the same folds, new records predicted. Not kept
// in a saved analysis: the records are the person's own data and can be long.

import { probeRecords, type RecordProbeInput, type RecordProbeResult } from '../../fewshot/recordProbe';
import { defineAnalysis, requireModel } from '../descriptor';

export const recordProbe = defineAnalysis<RecordProbeInput, RecordProbeResult, never>({
  kind: 'recordProbe',
  label: 'Sequence probe',
  run: (model, _input, a, opts) => probeRecords(requireModel(model), a, opts),
  transfer: () => [],
});

declare module '../descriptor' {
  interface AnalysisKinds {
    recordProbe: typeof recordProbe;
  }
}
