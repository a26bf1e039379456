"""Gene models (GTF, GFF3) mapped onto FASTA records: exons, CDS, splice sites and promoters per record.

Record coordinates are 0-based offsets into a record's sequence. Two record naming schemes occur in
../shared/data (see its README): `chr22:S-E` (base i is at genomic S + i, 1-based) and
`Umaydis:chr01:1:+:2476500` (seqid in the second field, 1-based from the record's first base).
"""
from dataclasses import dataclass, field
import gzip
import re

import numpy as np


@dataclass
class Transcript:
    id: str
    gene: str
    chrom: str
    strand: str                                   # "+" or "-"
    exons: list = field(default_factory=list)     # [(start, end)] 1-based inclusive, genomic, sorted
    cds: list = field(default_factory=list)       # [(start, end)] 1-based inclusive, genomic, sorted

    @property
    def span(self):
        parts = self.exons or self.cds
        return min(s for s, _ in parts), max(e for _, e in parts)

    def introns(self):
        """[(start, end)] 1-based inclusive: the gaps between consecutive exons (CDS pieces if no exons)."""
        parts = sorted(self.exons or self.cds)
        return [(e1 + 1, s2 - 1) for (_, e1), (s2, _) in zip(parts, parts[1:]) if s2 - e1 > 1]


def _open(path):
    return gzip.open(path, "rt") if str(path).endswith(".gz") else open(path)


def _rows(path, kinds):
    """The tab-separated fields of every GTF/GFF row whose feature type is one of `kinds`."""
    with _open(path) as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(f) >= 9 and f[2] in kinds:
                yield f


def read_gtf(path):
    """RefSeq-style GTF (exon and CDS rows with gene_name and transcript_id) -> [Transcript]."""
    tx = {}
    for f in _rows(path, ("exon", "CDS")):
        attrs = dict(re.findall(r'(\w+) "([^"]*)"', f[8]))
        t = tx.setdefault(attrs["transcript_id"], Transcript(attrs["transcript_id"], attrs.get("gene_name", attrs["transcript_id"]), f[0], f[6]))
        (t.exons if f[2] == "exon" else t.cds).append((int(f[3]), int(f[4])))
    for t in tx.values():
        t.exons.sort(); t.cds.sort()
    return list(tx.values())


def read_gff3(path):
    """GFF3 with mRNA rows and CDS rows whose Parent is the mRNA (the MIPS U. maydis models) -> [Transcript].

    These models have no exon rows: the CDS pieces stand for the exons, and the mRNA's start for the TSS."""
    tx = {}
    for f in _rows(path, ("mRNA", "CDS")):
        attrs = dict(kv.split("=", 1) for kv in f[8].split(";") if "=" in kv)
        tid = attrs.get("ID") if f[2] == "mRNA" else attrs.get("Parent")
        t = tx.setdefault(tid, Transcript(tid, tid.split(":")[-1], f[0], f[6]))
        if f[2] == "CDS":
            t.cds.append((int(f[3]), int(f[4])))
    for t in tx.values():
        t.cds.sort()
    return [t for t in tx.values() if t.cds]


def read_annotation(path):
    return read_gff3(path) if re.search(r"\.gff3?(\.gz)?$", str(path)) else read_gtf(path)


def record_locus(header: str):
    """(chrom, 1-based genomic position of the record's first base) from a record name, or None."""
    name = header.split()[0]
    m = re.fullmatch(r"([^:]+):(\d+)-(\d+)", name)
    if m:
        return m.group(1), int(m.group(2))
    f = name.split(":")
    if len(f) == 5 and f[2].isdigit():
        return f[1], int(f[2])
    return None


class RecordIndex:
    """Finds the record (and offset inside it) that holds a genomic 1-based position."""

    def __init__(self, headers, lengths):
        self.by_chrom = {}
        for i, (h, n) in enumerate(zip(headers, lengths)):
            loc = record_locus(h)
            if loc:
                self.by_chrom.setdefault(loc[0], []).append((loc[1], loc[1] + n - 1, i))
        for v in self.by_chrom.values():
            v.sort()

    def find(self, chrom, start, end=None):
        """(record index, 0-based offset of start) if [start, end] lies inside one record, else None."""
        end = start if end is None else end
        for s, e, i in self.by_chrom.get(chrom, ()):
            if s <= start and end <= e:
                return i, start - s
            if s > start:
                break
        return None

    def locator(self, record_starts):
        """A function (chrom, 1-based positions array) -> index of each base in the records laid end to end
        (record i begins at record_starts[i]), -1 where no record holds it."""
        tables = {}
        for chrom, v in self.by_chrom.items():
            a = np.array(v, dtype=np.int64)                  # (first, last, record), sorted by first
            tables[chrom] = (a[:, 0], a[:, 1], np.asarray(record_starts)[a[:, 2]])

        def locate(chrom, pos):
            if chrom not in tables:
                return np.full(len(pos), -1, dtype=np.int64)
            first, last, base = tables[chrom]
            k = np.searchsorted(first, pos, side="right") - 1
            kk = np.maximum(k, 0)
            return np.where((k >= 0) & (pos <= last[kk]), base[kk] + pos - first[kk], -1)
        return locate
