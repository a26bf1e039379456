// Human chromosome accessions (RefSeq NC_): the chromosome each names, and the assembly its version belongs to.

/**
 * The version of NC_000001 ... NC_000024 (chr1-22, X, Y) in GRCh37; in GRCh38 each is one more
 * (NCBI's assembly reports of GRCh37.p13 and GRCh38).
 */
const GRCH37_VERSIONS = [10, 11, 11, 11, 9, 11, 13, 10, 11, 10, 9, 11, 10, 8, 9, 9, 10, 9, 9, 10, 8, 10, 10, 9];
/** The mitochondrion (the revised Cambridge Reference Sequence) in both assemblies. */
const MITOCHONDRION = { number: 12920, version: 1 };

export type Accession = { chrom: string; note: string } | { problem: string };

/**
 * What a RefSeq accession names: a human chromosome with a note on its assembly, or why it cannot be
 * placed on one. null: not a human chromosome accession (another RefSeq such as the lambda phage's
 * NC_001416.1, a contig, or no accession), so it stays a sequence name like any other.
 */
export function readAccession(name: string): Accession | null {
  const m = /^NC_(\d{6})(?:\.(\d+))?$/.exec(name);
  if (!m) return null;
  const [, digits, versionText] = m;
  const n = Number(digits);
  const mito = n === MITOCHONDRION.number;
  if (!mito && !(n >= 1 && n <= 24)) return null;
  const chromosome = mito ? 'chrM' : `chr${n <= 22 ? n : n === 23 ? 'X' : 'Y'}`;
  const base = `NC_${digits}`;
  const versions = mito ? [MITOCHONDRION.version] : [GRCH37_VERSIONS[n - 1]!, GRCH37_VERSIONS[n - 1]! + 1];
  const known = mito
    ? `${base}.${versions[0]} (GRCh37 and GRCh38)`
    : `${base}.${versions[0]} (GRCh37) or ${base}.${versions[1]} (GRCh38)`;
  if (versionText === undefined) {
    return {
      problem:
        `${name} has no version: the version names the assembly, and positions differ between ` +
        `assemblies; write ${known}`,
    };
  }
  const version = Number(versionText);
  if (!versions.includes(version)) {
    return { problem: `${name} is ${chromosome}, but not ${known}: its positions may differ from theirs` };
  }
  const assembly = mito ? 'GRCh37 and GRCh38 (the rCRS)' : version === versions[0] ? 'GRCh37 (hg19)' : 'GRCh38 (hg38)';
  return {
    chrom: chromosome,
    note:
      `${name} is ${chromosome} of ${assembly}; the analysed sequence's name does not ` +
      'say its assembly: check it is the same',
  };
}

/** A chromosome as written, with a human chromosome accession read as its chromosome (and a note on its assembly). */
export function resolveChrom(name: string): { chrom: string; note?: string } | { problem: string } {
  return readAccession(name) ?? { chrom: name };
}
