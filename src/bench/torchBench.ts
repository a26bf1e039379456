// The PyTorch side of both bench scripts: training/bench_torch.py run on a spec written to a temp file.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../node/nodeRuntime';

export interface TorchSpec {
  threads: number[];
  repeats: number;
  /** "reuse" (default): freed memory stays in the process; "glibc": glibc's defaults (see bench_torch.py) */
  allocator?: 'reuse' | 'glibc';
  /** "wall" (default) or "cpu": the process's CPU time (bench_torch.py) */
  clock?: 'wall' | 'cpu';
  model?: string;
  cases?: { length: number; batch: number; tokens: number[] }[];
  gemms?: number[][];
}

/** Per thread count: {length: [ms, ...]} for model cases, or [ms per product, ...] for gemms. */
export function torchTimes(spec: TorchSpec): Record<string, Record<string, number[]> | number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-torch-'));
  try {
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    return JSON.parse(
      execFileSync('/usr/bin/python3', [join(REPO_ROOT, 'training/bench_torch.py'), join(dir, 'spec.json')], {
        encoding: 'utf8',
        env: { ...process.env, OMP_WAIT_POLICY: 'passive' },
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
