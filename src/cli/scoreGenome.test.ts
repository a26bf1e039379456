// npm run score against a whole genome: every reference format gives the same scores as the engine on the
// generated sequence itself; 1 and 2 workers, shards and a tabix region give the whole run's rows; VCF out.
// Fixtures are generated here (samtools, bgzip and tabix make the indexes, as a user would).

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import VCF from '@gmod/vcf';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreVariants } from '../analysis/variantEffect';
import { loadModel } from '../model/loadModel';
import { buildFai, faiText } from '../node/faidx';
import { fileSource } from '../node/fileSource';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { writeTwoBit } from '../node/twoBitWriter';
import { cli, EXIT, runScore, ScoreError, type ScoreArgs } from './score';
import { TSV_HEADER } from '../score/scoreOutput';

const MARKOV = join(REPO_ROOT, 'public/models/markov-k9-chr22');
const dir = mkdtempSync(join(tmpdir(), 'score-genome-'));
const at = (f: string) => join(dir, f);

/** A seeded random genome: chr1 spans several BGZF blocks (64 KB each) and holds a soft-masked run and an N run. */
function genome(): { name: string; sequence: string }[] {
  let x = 12345;
  const rand = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 8;
  };
  const bases = (n: number) => Array.from({ length: n }, () => 'ACGT'[rand() % 4]).join('');
  const chr1 = bases(1000) + bases(500).toLowerCase() + bases(3500) + 'N'.repeat(100) + bases(135_011 - 5100);
  return [
    { name: 'chr1', sequence: chr1 },
    { name: 'chrM', sequence: bases(5003) },
  ];
}
const GENOME = genome();
const upper = GENOME.map((r) => r.sequence.toUpperCase());

/** Variants: VCF names (1 and MT) differ from the genome's (chr1, chrM); edges of both contigs, two ALTs on a line, a wrong REF, a contig not there. */
function variantLines(): string[] {
  const lines: string[] = [];
  const other = (b: string) => 'ACGT'.replace(b, '')[0]!;
  const add = (chrom: string, pos: number, alts?: string, ref?: string) => {
    const r = ref ?? upper[chrom === 'MT' ? 1 : 0]![pos - 1]!;
    lines.push(`${chrom}\t${pos}\t.\t${r}\t${alts ?? other(r)}\t.\t.\t.`);
  };
  add('1', 1);
  for (let p = 37; p < 134_000; p += 2_917) add('1', p);
  add('1', 80_001, 'ACGT'.replace(upper[0]![80_000]!, '').slice(0, 2).split('').join(','));
  add('1', 90_001, undefined, upper[0]![90_000] === 'A' ? 'C' : 'A');
  add('1', 135_011);
  lines.sort((a, b) => Number(a.split('\t')[1]) - Number(b.split('\t')[1])); // tabix needs them sorted
  for (let p = 11; p < 5003; p += 613) add('MT', p);
  add('MT', 5003);
  lines.push('5\t100\t.\tA\tG\t.\t.\t.');
  return lines;
}
const VCF_HEAD = ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  await useNodeBackend('wasm');
  const fasta = GENOME.map((r) => `>${r.name} generated\n${r.sequence.match(/.{1,60}/g)!.join('\n')}\n`).join('');
  writeFileSync(at('ref.fa'), fasta);
  writeFileSync(at('noindex.fa'), fasta);
  writeFileSync(at('whole.fa'), fasta);
  sh('samtools', ['faidx', 'ref.fa']);
  writeFileSync(at('ref.fa.gz'), sh('bgzip', ['-c', 'ref.fa']));
  sh('samtools', ['faidx', 'ref.fa.gz']);
  copyFileSync(at('ref.fa.gz'), at('nogzi.fa.gz'));
  copyFileSync(at('ref.fa.gz.fai'), at('nogzi.fa.gz.fai'));
  writeTwoBit(
    at('ref.2bit'),
    GENOME.map((r) => ({ name: r.name, length: r.sequence.length })),
    GENOME,
  );
  writeFileSync(at('v.vcf'), [...VCF_HEAD, ...variantLines()].join('\n') + '\n');
  writeFileSync(at('v.vcf.gz'), sh('bgzip', ['-c', 'v.vcf']));
  sh('tabix', ['-p', 'vcf', 'v.vcf.gz']);
}, 60_000);

async function score(args: Partial<ScoreArgs>): Promise<{ lines: string[]; notes: string[] }> {
  const lines: string[] = [],
    notes: string[] = [];
  await runScore(
    { model: MARKOV, fasta: at('ref.fa'), vcf: at('v.vcf'), method: 'dll', window: 129, ...args },
    (l) => lines.push(l),
    (m) => notes.push(m),
  );
  return { lines, notes };
}

describe('score against a genome read by index', () => {
  it('builds the same .fai as samtools faidx', async () => {
    expect(faiText(await buildFai(at('ref.fa')))).toBe(readFileSync(at('ref.fa.fai'), 'utf8'));
  });

  it("gives the same scores from every reference format, and they are the engine's on the whole contig", async () => {
    const whole = await score({ fasta: at('whole.fa') });
    expect(whole.notes[0]).toMatch(/read whole, in memory$/);
    const rows = whole.lines.slice(1).map((l) => l.split('\t'));
    expect(rows.length).toBe(variantLines().length + 1); // one line has two ALTs
    // independent of the CLI: scoreVariants on each whole contig, placed by hand
    const model = await loadModel(fileSource(MARKOV));
    for (const [c, chrom] of [
      [0, '1'],
      [1, 'MT'],
    ] as const) {
      const mine = rows.filter((r) => r[0] === chrom && r[4] !== '');
      const direct = await scoreVariants(
        model,
        upper[c]!,
        mine.map((r) => ({ pos: Number(r[1]) - 1, ref: r[2]!, alt: r[3]! })),
        { method: 'dll', window: 129 },
      );
      expect(mine.map((r) => r[4])).toEqual(direct.scores.map((s) => s.score!.toFixed(6)));
      expect(mine.length).toBeGreaterThan(c === 0 ? 40 : 8);
    }
    const note = (k: string) => rows.find((r) => `${r[0]}:${r[1]}` === k)![TSV_HEADER.indexOf('note')];
    expect(note('1:90001')).toMatch(/^reference mismatch at 1:90001: the sequence has [ACGT], the variant says [AC]$/);
    expect(note('5:100')).toBe('no sequence named 5 in the FASTA');
    for (const fasta of ['ref.fa', 'ref.fa.gz', 'ref.2bit']) {
      const r = await score({ fasta: at(fasta) });
      expect(r.notes[0]).toMatch(/read by (index|its 2bit index)/);
      expect(r.lines).toEqual(whole.lines);
    }
  });

  it('builds a missing .fai beside a large FASTA once, and names what is missing or cannot be read by index', async () => {
    const first = await score({ fasta: at('noindex.fa'), inMemoryMax: 0 });
    expect(first.notes[0]).toMatch(
      new RegExp(
        `^${at('noindex.fa')} had no index: built ${at('noindex.fa.fai')} \\(samtools faidx format, 2 sequences\\)`,
      ),
    );
    expect(readFileSync(at('noindex.fa.fai'), 'utf8')).toBe(readFileSync(at('ref.fa.fai'), 'utf8'));
    const again = await score({ fasta: at('noindex.fa'), inMemoryMax: 0 });
    expect(again.notes[0]).toMatch(/read by index/);
    expect(again.lines).toEqual(first.lines);
    const e = await score({ fasta: at('nogzi.fa.gz') }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ScoreError);
    expect((e as Error).message).toBe(
      `${at('nogzi.fa.gz')} is bgzipped but ${at('nogzi.fa.gz.gzi')} is missing: make it with samtools faidx ${at('nogzi.fa.gz')}`,
    );
    const message = (args: Partial<ScoreArgs>) =>
      score(args).then(
        () => 'no error',
        (x: unknown) => (x as Error).message,
      );
    writeFileSync(at('plain.fa.gz'), gzipSync(readFileSync(at('ref.fa'))));
    expect(await message({ fasta: at('plain.fa.gz'), inMemoryMax: 1000 })).toMatch(
      new RegExp(
        `^${at('plain.fa.gz')} is gzipped \\(not bgzipped\\), so it cannot be read by index and is too large to read whole: recompress it with bgzip`,
      ),
    );
    const region = { chrom: '1', start: 1, end: 1000 };
    expect(await message({ vcf: at('v.vcf'), region })).toBe(
      `--region needs a bgzipped VCF, and ${at('v.vcf')} is not compressed: bgzip it (bgzip -c IN.vcf > IN.vcf.gz) and index it (tabix -p vcf IN.vcf.gz)`,
    );
    copyFileSync(at('v.vcf.gz'), at('noindex.vcf.gz'));
    expect(await message({ vcf: at('noindex.vcf.gz'), region })).toMatch(
      new RegExp(`^--region needs an index of ${at('noindex.vcf.gz')}: no ${at('noindex.vcf.gz')}.tbi or`),
    );
  });

  it('gives the same table from 2 workers, from 3 shards put together, and a tabix region its part of it', async () => {
    const one = (await score({ fasta: at('ref.2bit'), batchLines: 8 })).lines;
    expect((await score({ fasta: at('ref.2bit'), batchLines: 8, threads: 2 })).lines).toEqual(one);
    const shards = await Promise.all(
      [1, 2, 3].map((index) =>
        score({ fasta: at('ref.fa.gz'), vcf: at('v.vcf.gz'), batchLines: 8, shard: { index, count: 3 } }),
      ),
    );
    // 61 lines in batches of 8: 8 batches, split 2 + 3 + 3 (batches floor((i - 1) * 8 / 3) to floor(i * 8 / 3));
    // rows: one per ALT
    const alts = variantLines().map((l) => l.split('\t')[4]!.split(',').length);
    expect(alts.length).toBe(61);
    const rowsIn = (a: number, b: number) => alts.slice(a * 8, b * 8).reduce((x, y) => x + y, 0);
    expect(shards.map((s) => s.lines.length - 1)).toEqual([rowsIn(0, 2), rowsIn(2, 5), rowsIn(5, 8)]);
    expect([one[0], ...shards.flatMap((s) => s.lines.slice(1))]).toEqual(one);
    const region = await score({ vcf: at('v.vcf.gz'), region: { chrom: 'chr1', start: 20_000, end: 60_000 } });
    expect(region.lines.slice(1)).toEqual(
      one.slice(1).filter((l) => {
        const [c, p] = l.split('\t');
        return c === '1' && Number(p) >= 20_000 && Number(p) <= 60_000;
      }),
    );
    expect(region.lines.length).toBeGreaterThan(10);
  });

  it('gives the same table from the Snakemake workflow (3 shards gathered) as from one run', async () => {
    const one = (await score({ fasta: at('ref.fa.gz'), vcf: at('v.vcf.gz') })).lines;
    execFileSync(
      'snakemake',
      [
        '-s',
        join(REPO_ROOT, 'workflows/score/Snakefile'),
        '--cores',
        '2',
        '--quiet',
        '--config',
        `model=${MARKOV}`,
        `fasta=${at('ref.fa.gz')}`,
        `vcf=${at('v.vcf.gz')}`,
        `out=${at('wf.tsv')}`,
        'shards=3',
        'batch=8',
        'extra=--method dll --window 129',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(readFileSync(at('wf.tsv'), 'utf8')).toBe(one.map((l) => `${l}\n`).join(''));
  }, 120_000);

  it('gives the same table from the bundled command (npm run score) with 1 and 2 workers, rebuilding a stale bundle first', async () => {
    const one = (await score({ fasta: at('ref.2bit') })).lines.map((l) => `${l}\n`).join('');
    const launch = (threads: string) =>
      spawnSync(
        process.execPath,
        [
          join(REPO_ROOT, 'src/cli/launch.mjs'),
          'score',
          '--model',
          MARKOV,
          '--fasta',
          at('ref.2bit'),
          '--vcf',
          at('v.vcf'),
          '--method',
          'dll',
          '--window',
          '129',
          '--threads',
          threads,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
    const first = launch('1');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe(one);
    // a bundle older than its sources is rebuilt before it runs
    const bundle = join(REPO_ROOT, '.cache/cli/score.mjs');
    utimesSync(bundle, new Date(0), new Date(0));
    const two = launch('2');
    expect(two.status, two.stderr).toBe(0);
    expect(two.stderr).toMatch(/built score's bundle/);
    expect(two.stderr).toMatch(/2 workers ready/);
    expect(two.stdout).toBe(one);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    const bad = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'src/cli/launch.mjs'), 'score', '--model', MARKOV, '--vcf', at('v.vcf')],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/missing --fasta/);
  }, 60_000);

  it('writes the input VCF with GLM_SCORE declared in its header and set on every line', async () => {
    const tsv = (await score({})).lines.slice(1).map((l) => l.split('\t'));
    const out = (await score({ outputFormat: 'vcf' })).lines;
    const head = out.filter((l) => l.startsWith('#'));
    expect(head[0]).toBe('##fileformat=VCFv4.2');
    expect(head.at(-1)).toBe(VCF_HEAD[1]);
    expect(head.some((l) => l.startsWith('##INFO=<ID=GLM_SCORE,Number=A,Type=Float,'))).toBe(true);
    const parser = new VCF({ header: head.join('\n') });
    const data = out.filter((l) => !l.startsWith('#'));
    expect(data.map((l) => l.split('\t').slice(0, 7))).toEqual(variantLines().map((l) => l.split('\t').slice(0, 7)));
    const scores = data.flatMap((l) =>
      (parser.parseLine(l).INFO.GLM_SCORE as (number | undefined)[]).map((x) => x ?? null),
    );
    expect(scores).toEqual(tsv.map((r) => (r[4] === '' ? null : Number(r[4]))));
  });

  it('refuses bad --shard, --threads, --region and --output-format (exit 2), and exits 0 for a shard with no variant', async () => {
    const run = async (extra: string[]) => {
      const out: string[] = [],
        err: string[] = [];
      const code = await cli(
        ['--model', MARKOV, '--fasta', at('ref.2bit'), '--vcf', at('v.vcf'), ...extra],
        (l) => out.push(l),
        (m) => err.push(m),
      );
      return { code, out, last: err.at(-1) };
    };
    expect(await run(['--shard', '0/3'])).toMatchObject({
      code: EXIT.usage,
      last: 'error: --shard must be i/n with 1 <= i <= n (1/4 ... 4/4), got 0/3',
    });
    expect(await run(['--threads', '1.5'])).toMatchObject({
      code: EXIT.usage,
      last: 'error: --threads must be a positive integer, got 1.5',
    });
    expect(await run(['--region', 'chr1:9-2'])).toMatchObject({
      code: EXIT.usage,
      last: expect.stringMatching(/^error: --region chr1:9-2: expected chrom:start-end/),
    });
    expect(await run(['--output-format', 'bed'])).toMatchObject({
      code: EXIT.usage,
      last: 'error: --output-format must be tsv or vcf, got bed',
    });
    // 61 lines are one batch of 256: shard 1 of 2 gets batches floor(0 * 1 / 2) to floor(1 * 1 / 2), none,
    // and writes the header alone; shard 2 gets the batch
    const empty = await run(['--shard', '1/2']);
    expect(empty).toMatchObject({ code: EXIT.ok, out: [TSV_HEADER.join('\t')] });
    expect((await run(['--shard', '2/2'])).out).toHaveLength(63);
  });
});
