// The generated genome and VCF the whole-genome npm run score tests read: written into a fresh folder with
// the indexes samtools, bgzip and tabix make (as a user would), and runScore over them.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, useNodeBackend } from '../node/nodeRuntime';
import { writeTwoBit } from '../node/twoBitWriter';
import { runScore } from './runScore';
import type { ScoreArgs } from './scoreArgs';

export const MARKOV = join(REPO_ROOT, 'public/models/markov-k9-chr22');
export const dir = mkdtempSync(join(tmpdir(), 'score-genome-'));
export const at = (f: string) => join(dir, f);

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
export const upper = GENOME.map((r) => r.sequence.toUpperCase());

/** Variants: VCF names (1 and MT) differ from the genome's (chr1, chrM); edges of both contigs, two ALTs on a line, a wrong REF, a contig not there. */
export function variantLines(): string[] {
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
export const VCF_HEAD = ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

/** Writes the genome (FASTA, bgzipped FASTA, 2bit, with indexes) and the VCF (plain and bgzipped + tabix). */
export async function writeGenomeFiles(): Promise<void> {
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
}

/** runScore on the generated files (dll, window 129 unless `args` say otherwise): its lines and progress notes. */
export async function score(args: Partial<ScoreArgs>): Promise<{ lines: string[]; notes: string[] }> {
  const lines: string[] = [],
    notes: string[] = [];
  await runScore(
    { model: MARKOV, fasta: at('ref.fa'), vcf: at('v.vcf'), method: 'dll', window: 129, ...args },
    (l) => lines.push(l),
    (m) => notes.push(m),
  );
  return { lines, notes };
}
