import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRegion } from '../genome/region';
import { assemble } from '../fewshot/features';
import { fitProbe } from '../fewshot/probe';
import { predictProbe } from '../fewshot/probeModel';
import { variantFeatures } from '../fewshot/variantFeatures';
import { loadModel } from '../model/loadModel';
import { BRCA1_DEV_TSV, BRCA1_FASTA, readFasta, readSge, readText } from '../node/data';
import { fileSource } from '../node/fileSource';
import { useNodeBackend } from '../node/nodeRuntime';
import { referenceModelsDir } from '../node/referenceModels';
import { cli, EXIT } from './fewshot';

// a published folder with random weights: its numbers mean nothing, it is small and fast, and the CLI must run on it
const MODEL = join(referenceModelsDir(), 'caduceus-ps');
const dir = mkdtempSync(join(tmpdir(), 'fewshot-'));
const [header, ...lines] = readText(BRCA1_DEV_TSV).trim().split('\n');
const sge = readSge();
// 12 LOF and 12 other variants from each of three exons: 72 labels, 3 groups
const pick = (exon: string, lof: boolean) =>
  sge
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.exon === exon && (v.funcClass === 'LOF') === lof)
    .slice(0, 12)
    .map(({ i }) => i);
const train = ['2', '16', '22'].flatMap((e) => [...pick(e, true), ...pick(e, false)]).sort((a, b) => a - b);
const predict = sge
  .map((v, i) => ({ v, i }))
  .filter(({ v }) => v.exon === '5')
  .slice(0, 6);

function write(name: string, rows: string[]): string {
  writeFileSync(join(dir, name), `${rows.join('\n')}\n`);
  return join(dir, name);
}
const labels = write('labels.tsv', [header!, ...train.map((i) => lines[i]!)]);
const vcf = write('predict.vcf', [
  '##fileformat=VCFv4.2',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
  ...predict.map(({ v }, k) => `${v.chrom}\t${v.pos}\tv${k}\t${v.ref}\t${v.alt}\t.\t.\t.`),
  `17\t${predict[0]!.v.pos}\tmismatch\t${'ACGT'.replace(predict[0]!.v.ref, '')[0]}\tA\t.\t.\t.`,
  `17\t${predict[1]!.v.pos}\tdeletion\t${predict[1]!.v.ref}T\t${predict[1]!.v.ref}\t.\t.\t.`,
  '17\tnotanumber\tbad\tA\tG\t.\t.\t.',
]);

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [],
    err: string[] = [];
  const code = await cli(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err: err.filter((l) => !l.startsWith('features:')) };
}
/** The command's arguments; an option given as undefined is left out. */
const base = (over: Record<string, string | undefined> = {}) =>
  Object.entries({
    model: MODEL,
    fasta: BRCA1_FASTA,
    train: labels,
    label: 'func_class',
    positive: 'LOF',
    group: 'exon',
    predict: vcf,
    ...over,
  })
    .filter(([, v]) => v !== undefined)
    .flatMap(([k, v]) => [`--${k}`, v!]);

describe('npm run fewshot', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    await useNodeBackend('wasm');
    result = await run([...base(), '--features', 'scores,embedding']);
  }, 600_000);

  it('writes one row per VCF allele and line, in file order, with the reason where there is no prediction', () => {
    expect(result.code).toBe(EXIT.ok);
    const columns = ['chrom', 'pos', 'ref', 'alt', 'probability', 'baseline_probability', 'note'];
    expect(result.out[0]!.split('\t')).toEqual(columns);
    const rows = result.out.slice(1).map((l) => l.split('\t'));
    expect(rows).toHaveLength(predict.length + 3);
    predict.forEach(({ v }, k) => {
      expect(rows[k]!.slice(0, 4)).toEqual([v.chrom, String(v.pos), v.ref, v.alt]);
      for (const p of rows[k]!.slice(4, 6).map(Number)) {
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThan(1);
      }
      expect(rows[k]![6]).toBe('');
    });
    const notes = rows.slice(predict.length).map((r) => [r[4], r[5], r[6]]);
    expect(notes[0]).toEqual(['', '', expect.stringMatching(/^reference mismatch at 17:\d+: the sequence has/)]);
    expect(notes[1]).toEqual(['', '', expect.stringMatching(/single-base substitutions/)]);
    expect(notes[2]).toEqual(['', '', expect.stringMatching(/^VCF line \d+ not read: POS must be a positive integer/)]);
  });

  it("reports the probe's and the baseline's AUROC and predictions as fitProbe gives them on one matrix", async () => {
    const region = readFasta(BRCA1_FASTA)[0]!,
      start = parseRegion(region.name).start;
    const model = await loadModel(fileSource(MODEL));
    const at = (i: number) => ({ pos: sge[i]!.pos - start, ref: sge[i]!.ref, alt: sge[i]!.alt });
    const named = [{ name: model.meta.id, model }];
    const features = (variants: { pos: number; ref: string; alt: string }[]) =>
      variantFeatures(named, region.sequence, variants, { sets: ['scores', 'embedding', 'baseline'] });
    const [trainBlocks, predictBlocks] = [await features(train.map(at)), await features(predict.map(({ i }) => at(i)))];
    const y = train.map((i) => (sge[i]!.funcClass === 'LOF' ? 1 : 0)),
      groups = train.map((i) => sge[i]!.exon);
    const sides = [
      ['probe', (s: string) => s !== 'baseline'],
      ['baseline', (s: string) => s === 'baseline'],
    ] as const;
    for (const [name, keep] of sides) {
      const { X, names } = assemble(trainBlocks.filter((b) => keep(b.set)));
      const { report, model: probe } = await fitProbe({ X, names, y, kind: 'binary', groups });
      const m = report.metric;
      const line = result.err.find((l) => l.startsWith(name === 'probe' ? 'probe [' : 'baseline ['))!;
      const interval = `(${m.lo.toFixed(2)}-${m.hi.toFixed(2)})`;
      expect(line).toContain(`(${names.length} columns): AUROC ${m.value.toFixed(3)} ${interval}`);
      const p = predictProbe(probe, assemble(predictBlocks.filter((b) => keep(b.set))).X);
      const column = name === 'probe' ? 4 : 5;
      p.forEach((v, k) => expect(Number(result.out[k + 1]!.split('\t')[column])).toBeCloseTo(v, 5));
    }
    // the two columns are two different models, not one printed twice
    expect(result.out.slice(1, 1 + predict.length).some((l) => l.split('\t')[4] !== l.split('\t')[5])).toBe(true);
    const difference = result.err.find((l) => l.startsWith('probe minus baseline: '));
    expect(difference).toMatch(/^probe minus baseline: [+-]\d\.\d{3} \(/);
    model.dispose();
  }, 600_000);

  it('writes the same predictions as a VCF, in INFO fields, for the rows that name a position', async () => {
    const r = await run([...base(), '--features', 'scores,embedding', '--output-format', 'vcf']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out[0]).toBe('##fileformat=VCFv4.2');
    expect(r.out.filter((l) => l.startsWith('##INFO=<ID=GLM_'))).toHaveLength(2);
    const body = r.out.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
    const tsv = result.out.slice(1).map((l) => l.split('\t'));
    const withPosition = tsv.filter((t) => t[1] !== '');
    expect(body).toHaveLength(withPosition.length); // the line whose POS is not a number has no VCF row
    body.forEach((v, k) => {
      const t = withPosition[k]!;
      expect([v[0], v[1], v[3], v[4]]).toEqual(t.slice(0, 4));
      const [probe, baseline] = [t[4] || '.', t[5] || '.'];
      expect(v[7]).toBe(`GLM_PROBE=${probe};GLM_BASELINE=${baseline}`);
    });
  }, 600_000);

  it('refuses, in one line, labels that cannot give an honest probe or name variants the FASTA lacks', async () => {
    const ints = train.filter((i) => sge[i]!.funcClass === 'INT').length;
    expect(ints).toBeLessThan(10);
    // the sixth label (line 7) gets a function_score that is not a number
    const textScore = train.map((i, k) =>
      lines[i]!.split('\t')
        .map((f, c) => (k === 5 && c === 6 ? 'abc' : f))
        .join('\t'),
    );
    const twoExons = train.filter((i) => sge[i]!.exon !== '22').map((i) => lines[i]!);
    const outside = [
      ...train.map((i) => lines[i]!),
      '5\t100\tA\tG\t2\tMissense\t0\tLOF',
      `17\t${sge[0]!.pos}\tG\tA\t2\tMissense\t0\tLOF`,
    ];
    const refusals: [string[], string | RegExp][] = [
      [base({ positive: 'NOPE' }), 'error: all 72 examples are negative: a probe needs both classes'],
      [
        base({ positive: 'INT' }),
        new RegExp(
          `^error: ${ints} positive and ${72 - ints} negative examples: ` + 'a probe needs at least 10 of each class',
        ),
      ],
      [
        base({ train: write('two-groups.tsv', [header!, ...twoExons]) }),
        /^error: grouped cross-validation needs at least 3 groups, found 2/,
      ],
      [
        base({ train: write('outside.tsv', [header!, ...outside]) }),
        'error: 2 of 74 labelled variants cannot be used: line 74 (no sequence named 5 in the FASTA), line 75 ' +
          `(reference mismatch at 17:${sge[0]!.pos}: the sequence has T, the variant says G)`,
      ],
      [
        base({ train: write('text-score.tsv', [header!, ...textScore]), label: 'function_score', positive: undefined }),
        "error: 1 of 72 data lines refused: 1 with a 'function_score' that is not a number (line 7 ('abc')); " +
          'for classes, name the positive one with --positive',
      ],
    ];
    for (const [args, message] of refusals) {
      const r = await run(args);
      const said = typeof message === 'string' ? message : expect.stringMatching(message);
      expect([r.code, r.out, r.err]).toEqual([EXIT.refused, [], [said]]);
    }
  });

  it('says what is wrong with the command (exit 2)', async () => {
    const usage: [string[], RegExp][] = [
      [base().slice(0, -2), /^error: missing --predict; usage: npm run fewshot/],
      [
        [...base(), '--features', 'scores,attention'],
        /--features scores,attention: expected a comma-separated list of scores, embedding, baseline/,
      ],
      [base({ model: dir }), /not a model folder \(no model.json or config.json there\)/],
      [base({ fasta: join(dir, 'none.fa') }), /--fasta .*none\.fa: no such file/],
      [[...base(), '--output-format', 'bed'], /^error: --output-format must be tsv or vcf, got bed$/],
    ];
    for (const [args, message] of usage) {
      const r = await run(args);
      expect([r.code, r.err]).toEqual([EXIT.usage, [expect.stringMatching(message)]]);
    }
  });
});
