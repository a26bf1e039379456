// What some tests need beyond a fresh clone, and how to make it: the training smoke exports (.cache/smoke-*) and
// the shared data (../shared/data, or $GLM_SHARED_DATA). test/globalSetup.ts finds them once per run and says what
// is missing; a test that needs one is skipped outside CI, with the reason printed, and under CI=true the run fails.

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTRACT_SHARED_DATA } from '../contracts';
import { BRCA1_DEV_TSV, BRCA1_FASTA, dataPath, SHARED_DATA } from './data';
import { REPO_ROOT } from './nodeRuntime';

/** The exports training/smoke.sh writes. */
export const SMOKE_EXPORTS = ['smoke-mlm', 'smoke-mlm-long', 'smoke-clm', 'smoke-cnn', 'smoke-hyena'] as const;
export type SmokeExport = (typeof SMOKE_EXPORTS)[number];

/** The shared data files tests read (the BRCA1 region and variants, chr22 for the grammar sites and baselines). */
const SHARED_FILES = [
  BRCA1_FASTA,
  BRCA1_DEV_TSV,
  BRCA1_DEV_TSV.replace(/\.tsv$/, '.vcf'),
  ...['human_hg19_chr22_segments.fa.gz', 'phage_lambda.fa.gz'].map((f) =>
    dataPath(`${CONTRACT_SHARED_DATA.prefix}genomes/${f}`),
  ),
];

/** What one run found: the smoke exports that are missing, and the shared data files that are. */
export interface Prerequisites {
  missingSmoke: SmokeExport[];
  missingShared: string[];
}

export function findPrerequisites(): Prerequisites {
  return {
    missingSmoke: SMOKE_EXPORTS.filter((id) => !existsSync(join(REPO_ROOT, '.cache', id, 'model.json'))),
    missingShared: SHARED_FILES.filter((f) => !existsSync(f)),
  };
}

/** What is missing, in words, with how to make it; null when nothing is. */
export function describeMissing(p: Prerequisites): string | null {
  const lines: string[] = [];
  if (p.missingSmoke.length) {
    const names = p.missingSmoke.map((id) => `.cache/${id}`).join(', ');
    lines.push(`training smoke exports missing: ${names} (make them: bash training/smoke.sh, about 5 minutes)`);
  }
  if (p.missingShared.length) {
    const names = p.missingShared.map((f) => relative(SHARED_DATA, f)).join(', ');
    lines.push(
      `shared data missing in ${SHARED_DATA}: ${names} ` +
        `(put the data folder at ../shared/data beside the repository, or set ${CONTRACT_SHARED_DATA.env} to it)`,
    );
  }
  return lines.length ? lines.join('\n') : null;
}

/**
 * Whether a test that needs `smoke` exports (and the shared data, if `shared`) must be skipped: true outside CI
 * when one is missing (the reason is printed), false when all are there. Under CI the global setup has already
 * failed the run for a missing one; a test that finds one missing anyway throws.
 */
export function mustSkip(
  p: Prerequisites,
  what: string,
  needs: { smoke?: readonly SmokeExport[]; shared?: boolean },
): boolean {
  const lacking = describeMissing({
    missingSmoke: p.missingSmoke.filter((id) => needs.smoke?.includes(id)),
    missingShared: needs.shared ? p.missingShared : [],
  });
  if (!lacking) return false;
  if (process.env.CI) throw new Error(`${what} cannot run:\n${lacking}`);
  console.warn(`skipped: ${what}\n${lacking}`);
  return true;
}
