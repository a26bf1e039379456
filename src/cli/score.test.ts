import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { percentile } from '../eval/calibration';
import { auroc } from '../eval/metrics';
import { methodsFor, scoreVariants } from '../analysis/variantEffect';
import { parseRegion } from '../genome/region';
import { loadModel } from '../model/loadModel';
import { BRCA1_DEV_TSV, BRCA1_FASTA, readFasta, readSge } from '../node/data';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { mustSkip } from '../node/prerequisites';
import { runScore } from '../score/runScore';
import { TSV_HEADER } from '../score/scoreOutput';

const MARKOV = join(REPO_ROOT, 'public/models/markov-k9-chr22');

async function score(args: Parameters<typeof runScore>[0]): Promise<string[][]> {
  const lines: string[] = [];
  await runScore(args, (l) => lines.push(l));
  return lines.map((l) => l.split('\t'));
}

describe.skipIf(
  mustSkip(inject('prerequisites'), 'npm run score on the BRCA1 dev VCF (smoke export, shared data)', {
    smoke: ['smoke-mlm'],
    shared: true,
  }),
)('npm run score', () => {
  it('reproduces the evaluation AUROC on the BRCA1 dev VCF', async () => {
    await useNodeBackend('wasm');
    const rows = await score({
      model: MARKOV,
      fasta: BRCA1_FASTA,
      vcf: BRCA1_DEV_TSV.replace('.tsv', '.vcf'),
      method: 'dll',
      window: 129,
    });
    expect(rows[0]).toEqual(TSV_HEADER);
    const sge = readSge();
    expect(rows.length - 1).toBe(sge.length);
    const cliScores = rows.slice(1).map((r) => -Number(r[4]));
    const lof = sge.map((v) => v.funcClass === 'LOF');
    // the same numbers straight from the engine, as npm run eval computes them
    const region = readFasta(BRCA1_FASTA)[0]!;
    const start = parseRegion(region.name).start;
    const model = await loadModel(fileSource(MARKOV));
    const direct = await scoreVariants(
      model,
      region.sequence,
      sge.map((v) => ({ pos: v.pos - start, ref: v.ref, alt: v.alt })),
      { method: 'dll', window: 129 },
    );
    expect(auroc(cliScores, lof)).toBeCloseTo(
      auroc(
        direct.scores.map((s) => -s.score!),
        lof,
      ),
      5,
    );
    rows.slice(1).forEach((r, i) => expect(Number(r[4])).toBeCloseTo(direct.scores[i]!.score!, 5));
    // percentiles against the model's shipped distribution (window 129 here: the CLI says they are indicative)
    const q = model.meta.scoreDistribution!.quantiles.dll!;
    rows
      .slice(1)
      .forEach((r, i) =>
        expect(Number(r[TSV_HEADER.indexOf('percentile')])).toBeCloseTo(percentile(q, direct.scores[i]!.score!), 1),
      );
    const pct = rows.slice(1).map((r) => Number(r[TSV_HEADER.indexOf('percentile')]));
    expect(Math.max(...pct) - Math.min(...pct)).toBeGreaterThan(40); // the column is not a constant
  });

  it('explains every variant it cannot score, reads gzip, and never throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const vcf = join(dir, 'small.vcf.gz');
    writeFileSync(vcf, gzipSync(readFileSync(join(REPO_ROOT, 'test/data/small.vcf'))));
    const fa = join(dir, 'ref.fa.gz');
    writeFileSync(fa, gzipSync(readFileSync(BRCA1_FASTA)));
    const rows = await score({
      model: join(REPO_ROOT, '.cache/smoke-mlm'),
      fasta: fa,
      vcf,
      method: 'masked',
      window: 65,
    });
    const byId = new Map(rows.slice(1).map((r) => [`${r[0]}:${r[1]}${r[2]}>${r[3]}`, r]));
    const note = (k: string) => byId.get(k)![TSV_HEADER.indexOf('note')];
    expect(Number(byId.get('17:41276135T>G')![4])).toBeLessThan(10);
    expect(byId.get('17:41276135T>G')![4]).not.toBe('');
    expect(byId.get('chr17:41276135T>A')![4]).not.toBe(''); // chr17 and 17 match
    expect(note('17:41276136G>A')).toMatch(
      /^reference mismatch at 17:41276136: the sequence has [ACGT], the variant says G$/,
    );
    expect(note('17:40000000A>G')).toBe('17:40000000 is outside the FASTA (17:40577017-41752017)');
    expect(note('17:41276133C><DEL>')).toMatch(/not a sequence/);
    expect(note('17:41276134TT>T')).toMatch(/single-base substitutions only/);
    expect(note('5:100A>G')).toBe('no sequence named 5 in the FASTA');
    // one row per input variant: the malformed POS line too, in file order, with its fields as written
    expect(rows.length - 1).toBe(9);
    expect(rows.at(-1)).toEqual([
      '17',
      'notanumber',
      'A',
      'G',
      '',
      '',
      'masked',
      'smoke-mlm',
      'VCF line 11 not read: POS must be a positive integer, got "notanumber"',
    ]);
  });

  it('writes breakend alleles back exactly as given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const vcf = join(dir, 'bnd.vcf');
    writeFileSync(
      vcf,
      `${VCF_HEADER}17\t41276135\tbnd\tT\tT]chr13:123456]\t.\t.\tSVTYPE=BND\n17\t41276135\tok\tt\tg\t.\t.\t.\n`,
    );
    const rows = await score({ model: MARKOV, fasta: BRCA1_FASTA, vcf, window: 65 });
    expect(rows.slice(1).map((r) => [r[2], r[3], r[4] === ''])).toEqual([
      ['T', 'T]chr13:123456]', true],
      ['T', 'G', false],
    ]);
  });
});

const VCF_HEADER = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';

/** `npm run score` as a process: its exit status, stdout lines and stderr lines. */
function runCli(args: string[]): { status: number | null; out: string[]; err: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/score.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const lines = (t: string) => t.split('\n').filter(Boolean);
  return {
    status: r.status,
    out: lines(r.stdout),
    err: lines(r.stderr).filter((l) => !/TensorFlow|tfjs-node|^=+$/.test(l) && l.trim()),
  };
}

describe.skipIf(
  mustSkip(inject('prerequisites'), 'npm run score exit statuses (a piece of the shared BRCA1 region)', {
    shared: true,
  }),
)('npm run score exit statuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'score-exit-'));
  const fasta = join(dir, 'ref.fa');
  writeFileSync(
    fasta,
    '>chr17:41276100-41276199\n' +
      readFasta(BRCA1_FASTA)[0]!.sequence.slice(41276100 - 40577017, 41276200 - 40577017) +
      '\n',
  );
  const MLM = join(REPO_ROOT, 'public/models/mlm-hybrid-chr22');

  it('exits 1 with one line for a file with no #CHROM line, writing no table', () => {
    const vcf = join(dir, 'nohead.vcf');
    writeFileSync(vcf, '17\t41276135\t.\tT\tG\t.\t.\t.\n');
    const r = runCli(['--model', MARKOV, '--fasta', fasta, '--vcf', vcf]);
    expect(r.status).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`error: ${vcf}: not a VCF: no "#CHROM POS ID REF ALT ..." header line`]);
  });

  it('exits 2 for a method the model cannot run, and for a missing file, naming it', () => {
    const vcf = join(dir, 'one.vcf');
    writeFileSync(vcf, `${VCF_HEADER}17\t41276135\t.\tT\tG\t.\t.\t.\n`);
    const dll = runCli(['--model', MLM, '--fasta', fasta, '--vcf', vcf, '--method', 'dll']);
    expect(dll.status).toBe(2);
    expect(dll.out).toEqual([]);
    const usable = methodsFor('mlm');
    expect(dll.err).toEqual([
      `error: --method dll cannot run on mlm-hybrid-chr22, a masked model (dll needs a causal model): use ${usable.slice(0, -1).join(', ')} or ${usable.at(-1)}`,
    ]);
    const missing = runCli(['--model', MARKOV, '--fasta', join(dir, 'absent.fa'), '--vcf', vcf]);
    expect(missing.status).toBe(2);
    expect(missing.err).toEqual([`error: --fasta ${join(dir, 'absent.fa')}: no such file`]);
    expect(runCli(['--model', MARKOV, '--fasta', fasta]).err).toEqual([
      expect.stringMatching(/^error: missing --vcf; usage: npm run score/),
    ]);
  });

  it('exits 1 when no variant can be scored, with every row and its reason in the table; 0 when one is', () => {
    const vcf = join(dir, 'none.vcf');
    writeFileSync(vcf, `${VCF_HEADER}5\t100\t.\tA\tG\t.\t.\t.\n17\tx\t.\tA\tG\t.\t.\t.\n`);
    const none = runCli(['--model', MARKOV, '--fasta', fasta, '--vcf', vcf]);
    expect(none.status).toBe(1);
    expect(none.out.slice(1).map((l) => l.split('\t')[TSV_HEADER.indexOf('note')])).toEqual([
      'no sequence named 5 in the FASTA',
      'VCF line 4 not read: POS must be a positive integer, got "x"',
    ]);
    expect(none.err.at(-1)).toBe(`error: none of the 2 rows of ${vcf} could be scored (the note column says why)`);
    writeFileSync(vcf, `${VCF_HEADER}5\t100\t.\tA\tG\t.\t.\t.\n17\t41276135\t.\tT\tG\t.\t.\t.\n`);
    const one = runCli(['--model', MARKOV, '--fasta', fasta, '--vcf', vcf]);
    expect(one.status).toBe(0);
    expect(one.out).toHaveLength(3);
    expect(one.err.at(-1)).toBe(`${vcf}: 1 of 2 rows scored with dll; 1 not (the note column says why)`);
  });
});
