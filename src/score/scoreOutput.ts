// What npm run score writes: the TSV (one row per ALT allele and per unreadable line), or the input VCF with
// each line's scores in INFO fields declared in its header, so the result drops into bcftools pipelines.

export const TSV_HEADER = ['chrom', 'pos', 'ref', 'alt', 'score', 'percentile', 'method', 'model', 'note'];

/** One output row: a variant (one ALT allele) or a line that could not be read. */
export interface Row {
  chrom: string;
  pos: string;
  ref: string;
  alt: string;
  score: string;
  percentile: string;
  note: string;
}

/** A VCF data line and its rows (one per ALT; one for a line not read, with `read` false). */
export interface LineRows {
  text: string;
  read: boolean;
  rows: Row[];
}

export type OutputFormat = 'tsv' | 'vcf';

export interface Output {
  header(): string[];
  line(l: LineRows): string[];
}

export const INFO_IDS = ['GLM_SCORE', 'GLM_PCT'] as const;

export function tsvOutput(method: string, model: string): Output {
  return {
    header: () => [TSV_HEADER.join('\t')],
    line: (l) =>
      l.rows.map((r) => [r.chrom, r.pos, r.ref, r.alt, r.score, r.percentile, method, model, r.note].join('\t')),
  };
}

/** INFO with our fields set (any earlier GLM_ values replaced), the missing value '.' kept per VCF 4.2. */
function withInfo(info: string | undefined, fields: string[]): string {
  const kept = (info === undefined || info === '.' ? [] : info.split(';')).filter(
    (f) => !INFO_IDS.some((id) => f === id || f.startsWith(`${id}=`)),
  );
  return [...kept, ...fields].join(';');
}

/**
 * `vcfHeader`: the input's ## lines and #CHROM line. `describe`: how the scores were made (method, model,
 * window), written into the INFO declarations. Lines that could not be read are written back as they came.
 */
export function vcfOutput(vcfHeader: string[], describe: string): Output {
  return {
    header: () => {
      const meta = vcfHeader.slice(0, -1).filter((l) => !INFO_IDS.some((id) => l.startsWith(`##INFO=<ID=${id},`)));
      return [
        ...meta,
        `##INFO=<ID=GLM_SCORE,Number=A,Type=Float,Description="gLM Playground score of each ALT allele, ${describe}; negative = less likely than the reference = predicted damaging; . = not scored (npm run score's TSV says why)">`,
        `##INFO=<ID=GLM_PCT,Number=A,Type=Float,Description="Percentile of GLM_SCORE among 2,000 random substitutions of held-out sequence (the model's shipped score distribution)">`,
        vcfHeader.at(-1)!,
      ];
    },
    line: (l) => {
      if (!l.read) return [l.text];
      const f = l.text.split('\t');
      while (f.length < 8) f.push('.');
      const values = (k: 'score' | 'percentile') => l.rows.map((r) => r[k] || '.').join(',');
      const set = [
        `GLM_SCORE=${values('score')}`,
        ...(l.rows.some((r) => r.percentile) ? [`GLM_PCT=${values('percentile')}`] : []),
      ];
      f[7] = withInfo(f[7], set);
      return [f.join('\t')];
    },
  };
}
