// npm run score against a whole genome, run in pieces: 1 and 2 workers, shards, a tabix region, the Snakemake
// workflow and the bundled command give the whole run's rows; VCF out; options refused with exit status 2.

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import VCF from '@gmod/vcf';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../node/nodeRuntime';
import { EXIT } from '../score/scoreArgs';
import { TSV_HEADER } from '../score/scoreOutput';
import { at, dir, MARKOV, score, VCF_HEAD, variantLines, writeGenomeFiles } from '../score/testGenome';
import { cli } from './score';

beforeAll(writeGenomeFiles, 60_000);

describe('score runs in pieces, as a bundle and as VCF', () => {
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
