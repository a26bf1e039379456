// The probe's predictions for the variants table as files: the TSV npm run fewshot writes, and a VCF with both
// predictions in INFO fields, in the record's genomic coordinates when its name gives them.
import type { Variant } from '../../analysis/scoring/plan';
import { predictionsTsv, predictionsVcf, probeDescription, type PredictionRow } from '../../export/predictions';
import type { SequenceProbeResult } from '../../fewshot/sequenceProbe';
import { parseRegion } from '../../genome/region';
import { downloadText, stem } from '../download';

interface Props {
  result: SequenceProbeResult;
  predict: readonly Variant[];
  record: string;
}

export function PredictionDownloads({ result: r, predict, record }: Props) {
  const region = parseRegion(record);
  const rows = (): PredictionRow[] =>
    predict.map((v, i) => {
      const got = r.predictions[i];
      return {
        chrom: region.chrom,
        pos: region.start + v.pos,
        ref: v.ref,
        alt: v.alt,
        probe: got?.probe ?? null,
        baseline: got?.baseline ?? null,
        note: got?.note ?? 'not predicted',
      };
    });
  const file = `${stem(record)}.fewshot`;
  const describe = probeDescription(r.n, r.features);
  return (
    <div className="row">
      <button type="button" onClick={() => downloadText(`${file}.tsv`, predictionsTsv(r.kind, rows()))}>
        Download TSV
      </button>
      <button type="button" onClick={() => downloadText(`${file}.vcf`, predictionsVcf(r.kind, describe, rows()))}>
        Download VCF
      </button>
    </div>
  );
}
