// npm run score -- --model public/models/<id> --fasta REF.fa[.gz] --vcf IN.vcf[.gz]
//                  [--method masked|wt|dll] [--window N] [--both-strands] > OUT.tsv
// Writes chrom, pos, ref, alt, score, method, model, note; a variant that cannot be scored gets an
// empty score and the reason in note. Progress goes to stderr.

import { parseArgs } from 'node:util';
import { DEFAULT_WINDOW, METHODS, methodsFor, scoreVariants, type ScoreMethod, type Variant } from '../analysis/variantEffect';
import { placeVariant } from '../genome/locate';
import { parseVcf } from '../genome/vcf';
import { loadModel } from '../model/loadModel';
import { readFasta, readText } from './data';
import { fileSource } from './fileSource';
import { useNodeBackend } from './nodeRuntime';

export interface ScoreArgs {
  model: string;
  fasta: string;
  vcf: string;
  method?: ScoreMethod;
  window?: number;
  bothStrands?: boolean;
}

export const TSV_HEADER = ['chrom', 'pos', 'ref', 'alt', 'score', 'method', 'model', 'note'];

export async function runScore(a: ScoreArgs, write: (line: string) => void, progress: (msg: string) => void = () => {}): Promise<void> {
  const model = await loadModel(fileSource(a.model));
  const method = a.method ?? methodsFor(model.objective)[0]!;
  if (!(method in METHODS)) throw new Error(`unknown method ${method}: use ${Object.keys(METHODS).join(', ')}`);
  const window = a.window ?? DEFAULT_WINDOW;
  const records = readFasta(a.fasta);
  const vcf = parseVcf(readText(a.vcf));
  for (const e of vcf.errors) progress(`${a.vcf}:${e.line}: ${e.message} (line skipped)`);
  const rows = vcf.variants.map((v) => ({ v, score: '', note: v.problem ?? '' }));
  // group the scorable variants by FASTA record so each record is encoded once
  const byRecord = new Map<number, { row: number; variant: Variant }[]>();
  rows.forEach((r, i) => {
    if (r.note) return;
    const loc = placeVariant(records, r.v);
    if ('problem' in loc) { r.note = loc.problem; return; }
    byRecord.set(loc.record, [...(byRecord.get(loc.record) ?? []), { row: i, variant: { pos: loc.index, ref: r.v.ref, alt: r.v.alt } }]);
  });
  const t0 = performance.now();
  let done = 0;
  const total = [...byRecord.values()].reduce((n, g) => n + g.length, 0);
  let lastReport = 0;
  for (const [rec, group] of byRecord) {
    const res = await scoreVariants(model, records[rec]!.sequence, group.map((g) => g.variant), {
      method, window, bothStrands: a.bothStrands,
      onProgress: (d, t) => {
        if (performance.now() - lastReport < 2000 && d < t) return;
        lastReport = performance.now();
        progress(`${records[rec]!.name}: ${d}/${t} forward rows`);
      },
    });
    res.scores.forEach((s, k) => {
      const r = rows[group[k]!.row]!;
      r.score = s.score === null ? '' : s.score.toFixed(6);
      r.note = s.note;
    });
    done += group.length;
    progress(`${done}/${total} variants scored (${(done / ((performance.now() - t0) / 1000)).toFixed(1)} variants/s)`);
  }
  write(TSV_HEADER.join('\t'));
  for (const r of rows) write([r.v.chrom, r.v.pos, r.v.ref, r.v.alt, r.score, method, model.manifest.id, r.note].join('\t'));
  model.dispose();
}

async function main() {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' }, fasta: { type: 'string' }, vcf: { type: 'string' },
      method: { type: 'string' }, window: { type: 'string' }, 'both-strands': { type: 'boolean', default: false },
      backend: { type: 'string', default: 'wasm' },
    },
  });
  if (!values.model || !values.fasta || !values.vcf) {
    process.stderr.write('usage: npm run score -- --model public/models/<id> --fasta REF.fa --vcf IN.vcf [--method masked|wt|dll] [--window N] [--both-strands] > OUT.tsv\n');
    process.exit(2);
  }
  const window = values.window === undefined ? undefined : Number(values.window);
  if (window !== undefined && !(Number.isInteger(window) && window > 0)) throw new Error(`--window must be a positive integer, got ${values.window}`);
  await useNodeBackend(values.backend as 'wasm' | 'cpu');
  await runScore({ model: values.model, fasta: values.fasta, vcf: values.vcf, method: values.method as ScoreMethod | undefined, window, bothStrands: values['both-strands'] },
    (l) => process.stdout.write(`${l}\n`), (m) => process.stderr.write(`${m}\n`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { process.stderr.write(`error: ${(e as Error).message}\n`); process.exit(1); });
}
