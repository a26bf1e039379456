// One line that says which machine a benchmark ran on. Sessions here get different hosts behind the same
// "2 cores" (the same dependency map took 80 s on one and 40 s on another), so a table's numbers are only
// comparable with those printed under the same line.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** "machine: AMD EPYC (family 26, model 2), 2 cores; load average 1.13 at the start" */
export function machineLine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    // the hypervisor may hide the product name; the family and model numbers still tell hosts apart
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(info)?.[1]?.trim();
    const [family, number] = [field('cpu family'), field('model')];
    if (family && number) model += ` (family ${family}, model ${number})`;
  } catch {
    /* not Linux: the name alone */
  }
  return `machine: ${model}, ${cpus().length} cores; load average ${loadavg()[0]!.toFixed(2)} at the start`;
}

/** "Made by `npm run bench` at commit 1a2b3c4 (clean), started 2026-12-03 23:58 UTC." */
export function runLine(started: Date): string {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const commit = git('rev-parse', '--short', 'HEAD');
  const state = git('status', '--porcelain', '--untracked-files=no') === '' ? 'clean' : 'with uncommitted changes';
  const at = commit ? ` at commit ${commit} (${state})` : '';
  const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
  return `Made by \`npm run bench\`${at}, started ${utc(started)} UTC.`;
}
