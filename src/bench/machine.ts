// One line that says which machine a benchmark ran on. Sessions here get different hosts behind the same
// "2 cores" (the same dependency map took 80 s on one and 40 s on another), so a table's numbers are only
// comparable with those printed under the same line.

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
