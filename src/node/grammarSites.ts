// Reads training/grammar_sites.json (written by training/sites.py) and the records it points into.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_KINDS, type GrammarSite } from '../eval/grammarProbe';
import { dataPath, readFasta } from './data';
import { REPO_ROOT } from './nodeRuntime';

export const GRAMMAR_SITES = join(REPO_ROOT, 'training/grammar_sites.json');
const FORMAT = 'glm-playground/grammar-sites@1';

export interface GrammarSiteSet {
  genome: string;
  heldoutGenes: number;
  sites: GrammarSite[];
  /** record name -> sequence, for the records that hold a site */
  records: Map<string, string>;
}

export function readGrammarSites(path = GRAMMAR_SITES): GrammarSiteSet {
  const meta = JSON.parse(readFileSync(path, 'utf8')) as {
    format?: unknown;
    genome?: unknown;
    heldout?: unknown;
    sites?: unknown;
  };
  if (
    meta.format !== FORMAT ||
    typeof meta.genome !== 'string' ||
    !Array.isArray(meta.sites) ||
    !Array.isArray(meta.heldout)
  ) {
    throw new Error(`${path}: not a ${FORMAT} file (rebuild it with /usr/bin/python3 training/sites.py)`);
  }
  const sites = meta.sites as GrammarSite[];
  for (const s of sites) {
    if (
      !SITE_KINDS.includes(s.kind) ||
      typeof s.record !== 'string' ||
      !Number.isInteger(s.pos) ||
      !/^[ACGT]$/.test(s.ref) ||
      typeof s.repeat !== 'boolean'
    ) {
      throw new Error(`${path}: malformed site ${JSON.stringify(s)}`);
    }
  }
  const want = new Set(sites.map((s) => s.record));
  const records = new Map(
    readFasta(dataPath(meta.genome))
      .filter((r) => want.has(r.name))
      .map((r) => [r.name, r.sequence]),
  );
  return { genome: meta.genome, heldoutGenes: meta.heldout.length, sites, records };
}
