// A few-shot probe on whole sequences: FASTA records of two classes (named >name|class or >name|class|group), each
// read as the loaded model's hidden states mean-pooled over its bases, fitted beside a k-mer share baseline on the
// same folds (fewshot/probePair.ts), then new records predicted by both.

import { embedSequences } from '../analysis/embedding';
import type { RunOptions } from '../analysis/run';
import { parseSequence, type SequenceRecord } from '../genome/parseSequence';
import type { LanguageModel } from '../model/languageModel';
import { embeddingBlock, sequenceBaseline } from './features';
import { ProbeInputError } from './inputError';
import { fitPair, rowsOfBlocks } from './probePair';
import type { Prediction } from './probeLink';
import { pairReport, type SequenceProbeResult } from './sequenceProbe';
import { validateLabels } from './validate';

export interface RecordProbeInput {
  /** Labelled FASTA: every record named name|class or name|class|group, two classes in all. */
  records: string;
  /** The class counted positive. */
  positive: string;
  /** FASTA records to predict ('' for none). */
  predict: string;
}

export type RecordProbeResult = Omit<SequenceProbeResult, 'predictions' | 'fitted' | 'fromLink'> & {
  /** Per record of `predict`: its name and both predictions. */
  predictions: (Prediction & { name: string })[];
};

export interface LabelledRecords {
  records: SequenceRecord[];
  y: Float64Array;
  groups?: string[];
  values: [string, number][];
}

/** Records and their labels from the FASTA names, refused with the record named when one does not follow the form. */
export function readLabelledRecords(text: string, positive: string): LabelledRecords {
  const { records } = parseSequence(text, Number.MAX_SAFE_INTEGER);
  const parts = records.map((r, i) => {
    const p = r.name.split('|');
    if (p.length < 2 || p.length > 3 || p.some((x) => !x)) {
      throw new ProbeInputError(
        `record ${i + 1} (${r.name}): name it >name|class or >name|class|group, e.g. >enh1|enhancer|chr1`,
      );
    }
    return p;
  });
  const counts = new Map<string, number>();
  for (const p of parts) counts.set(p[1]!, (counts.get(p[1]!) ?? 0) + 1);
  const values = [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  if (values.length !== 2) {
    throw new ProbeInputError(
      `the records name ${values.length} classes (${values.map(([v]) => v).join(', ')}), expected exactly two`,
    );
  }
  if (!counts.has(positive)) {
    throw new ProbeInputError(
      `the positive class '${positive}' is none of the records' (${[...counts.keys()].join(', ')})`,
    );
  }
  const grouped = parts.filter((p) => p.length === 3).length;
  if (grouped > 0 && grouped < parts.length) {
    throw new ProbeInputError(`${grouped} of ${parts.length} records name a group: name one for every record or none`);
  }
  const y = Float64Array.from(parts, (p) => (p[1] === positive ? 1 : 0));
  const groups = grouped ? parts.map((p) => p[2]!) : undefined;
  validateLabels(y, 'binary', groups);
  return { records, y, ...(groups ? { groups } : {}), values };
}

/** The labels are read and refused before the model runs. */
export async function probeRecords(
  model: LanguageModel,
  input: RecordProbeInput,
  opts: RunOptions = {},
): Promise<RecordProbeResult> {
  const train = readLabelledRecords(input.records, input.positive);
  const predict = input.predict.trim() ? parseSequence(input.predict, Number.MAX_SAFE_INTEGER).records : [];
  const seqs = [...train.records, ...predict].map((r) => r.sequence);
  const embedded = await embedSequences(model, seqs, opts);
  const blocks = [
    { ...embeddingBlock('embedding', seqs.length, embedded), set: 'embedding' as const },
    { ...sequenceBaseline(seqs), set: 'baseline' as const },
  ];
  const pair = await fitPair(
    rowsOfBlocks(blocks, seqs.length),
    { y: train.y, kind: 'binary', groups: train.groups },
    ['embedding'],
    opts,
  );
  return {
    ...pairReport(pair, { ...train, kind: 'binary' }, ['embedding']),
    predictions: pair.predictions.map((p, i) => ({ ...p, name: predict[i]!.name })),
  };
}
