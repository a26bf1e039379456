"""Training data by region: windows centred on annotated elements, per-base loss weights, held-out genes.

A genome spec in a config's data.genomes may name an annotation and the share of windows centred on each
kind of element (GPN's "balanced" windows, MarinDNA's region mix):

    {"path": "...chr22_segments.fa.gz", "weight": 0.8, "annotation": "...refseq.gtf.gz",
     "centres": {"exon_end": 0.5, "cds": 0.2, "promoter": 0.1, "random": 0.2}}

Kinds: exon_end (the two ends of every intron, i.e. the splice sites), cds (a uniform base of the CDS),
promoter (a uniform base of the 1 kb upstream of each transcript start), random (a uniform base of the
genome). A window is centred on the chosen base plus a uniform jitter of +-data.jitter bases.
Per-base flags (repeat = soft-masked lower case, cds, splice = within splice_flank of an intron end, stop = a
base of the annotated reading frame where one substitution makes a stop codon) turn into loss weights with
data.loss_weights; evaluation stays unweighted.
"""
from dataclasses import dataclass, field

import json

import numpy as np
import torch

from annotation import RecordIndex, read_annotation
from contracts import data_path
from genome import encode, read_fasta, reverse_complement

REPEAT, CDS, SPLICE, STOP = 1, 2, 4, 8
N_FLAGS = 16
KINDS = ("exon_end", "cds", "promoter", "random")
PROMOTER = 1000


@dataclass
class GenomeData:
    records: list                                  # [np.uint8 tokens]
    flags: list                                    # [np.uint8 per base: REPEAT | CDS | SPLICE]
    elements: dict = field(default_factory=dict)   # kind -> int64 [n, 3] (record, start, end) 0-based half-open
    blocked: dict = field(default_factory=dict)    # record -> [(start, end)] no training window may touch


def flag_weights(lw):
    """Loss weight for each flag combination: repeats x repeat, times the largest functional weight."""
    out = np.ones(N_FLAGS, dtype=np.float32)
    for f in range(N_FLAGS):
        w = max([1.0] + [lw.get(k, 1.0) for k, bit in (("cds", CDS), ("splice", SPLICE), ("stop", STOP)) if f & bit])
        out[f] = w * (lw.get("repeat", 1.0) if f & REPEAT else 1.0)
    return out


def load_genome(spec, min_len, val_every, heldout_spans, splice_flank):
    """Encode the records of one genome spec; every val_every-th record goes to validation (as before)."""
    headers, train, flags, val = [], [], [], []
    for i, (h, seq) in enumerate(read_fasta(spec["path"])):
        if len(seq) < min_len:
            continue
        if val_every and i % val_every == val_every - 1:
            val.append(encode(seq))
            continue
        headers.append(h)
        train.append(encode(seq))
        flags.append((np.frombuffer(seq.encode("ascii"), dtype=np.uint8) >= 97).astype(np.uint8) * REPEAT)
    g = GenomeData(train, flags)
    idx = RecordIndex(headers, [len(r) for r in train])
    for chrom, s, e in heldout_spans:                     # 1-based inclusive genomic spans
        for ri, (rs, re_, rec) in enumerate(idx.by_chrom.get(chrom, ())):
            if s <= re_ and e >= rs:
                g.blocked.setdefault(rec, []).append((max(0, s - rs), min(len(train[rec]), e - rs + 1)))
    if spec.get("annotation"):
        add_annotation(g, idx, read_annotation(spec["annotation"]), splice_flank)
    return g, val


def add_annotation(g: GenomeData, idx: RecordIndex, transcripts, flank):
    """Flags and centre elements of each transcript, piece by piece: a gene may span several records."""
    elements = {k: set() for k in KINDS if k != "random"}

    def place(chrom, s, e):                               # 1-based inclusive -> (record, 0-based start, end)
        hit = idx.find(chrom, s, e)
        return None if hit is None else (hit[0], hit[1], hit[1] + e - s + 1)

    starts = np.cumsum([0] + [len(r) for r in g.records])
    tokens = np.concatenate(g.records)
    locate = idx.locator(starts)
    stops = []
    for t in transcripts:
        for cs, ce in t.cds:
            if (p := place(t.chrom, cs, ce)):
                g.flags[p[0]][p[1]:p[2]] |= CDS
                elements["cds"].add(p)
        stops.append(stop_prone(tokens, locate, t))
        for end in (x for intron in t.introns() for x in intron):   # first and last intron base
            if (p := place(t.chrom, end, end)):
                n = len(g.records[p[0]])
                g.flags[p[0]][max(0, p[1] - flank):min(n, p[1] + flank + 1)] |= SPLICE
                elements["exon_end"].add(p)
        s, e = t.span
        lo, hi = (s - PROMOTER, s - 1) if t.strand == "+" else (e + 1, e + PROMOTER)
        if (p := place(t.chrom, lo, hi)):
            elements["promoter"].add(p)
    flags = np.concatenate(g.flags)
    flags[np.concatenate(stops or [np.zeros(0, dtype=np.int64)])] |= STOP
    g.flags = np.split(flags, starts[1:-1])
    g.elements = {k: np.array(sorted(v), dtype=np.int64).reshape(-1, 3) for k, v in elements.items()}


STOPS = {"TAA", "TAG", "TGA"}
# for each codon (tokens A C G T = 0..3, index 16 b0 + 4 b1 + b2): a 3-bit mask of the positions at which one
# substitution turns it into a stop codon
_STOP_PRONE = np.array([sum(1 << k for k in range(3)
                            if any((c[:k] + x + c[k + 1:]) in STOPS for x in "ACGT" if x != c[k]))
                        for c in ("".join("ACGT"[(i >> s) & 3] for s in (4, 2, 0)) for i in range(64))], dtype=np.uint8)


def stop_prone(tokens, locate, t):
    """Positions (in `tokens`, the genome's records end to end) of the bases of transcript t's reading frame
    where one substitution makes a stop codon.

    The frame runs from the first CDS base on the transcript's strand and is taken from the annotation, so
    codons keep their frame where the gene model crosses a gap between records (chr22's segments); a codon
    with a base outside the records or an N is skipped, and a CDS whose length is not a multiple of 3 (a
    partial model) gives nothing. `locate` maps 1-based genomic positions to indices in `tokens` (-1 outside)."""
    if not t.cds or sum(e - s + 1 for s, e in t.cds) % 3:
        return np.zeros(0, dtype=np.int64)
    pos = np.concatenate([np.arange(s, e + 1) for s, e in t.cds])
    at = locate(t.chrom, pos)
    bases = np.where(at >= 0, tokens[np.maximum(at, 0)], 4).astype(np.int64)
    if t.strand == "-":                                   # the coding strand, 5' to 3'
        at, bases = at[::-1], np.where(bases < 4, 3 - bases, bases)[::-1]
    codons = bases.reshape(-1, 3)
    mask = np.where((codons < 4).all(axis=1), _STOP_PRONE[np.clip(codons, 0, 3) @ np.array([16, 4, 1])], 0)
    hit = ((mask[:, None] >> np.arange(3)) & 1).astype(bool).reshape(-1)
    return at[hit]


class RegionSampler:
    """Windows of `context` bases, never across records nor touching a blocked span, with loss weights.

    Genome shares follow their weights (or lengths if any has none); inside a genome, the kind of centre
    follows its `centres` mix (default all random)."""

    def __init__(self, genomes, specs, context, rng, rc_prob, jitter, weights_lut):
        self.genomes, self.context, self.rng, self.rc_prob, self.jitter = genomes, context, rng, rc_prob, jitter
        self.lut = weights_lut
        w = [s.get("weight") for s in specs]
        share = np.array(w if all(x is not None for x in w) else [sum(map(len, g.records)) for g in genomes], dtype=np.float64)
        self.share = share / share.sum()
        self.mix = []
        for g, s in zip(genomes, specs):
            c = {k: v for k, v in s.get("centres", {"random": 1.0}).items() if k == "random" or len(g.elements.get(k, ())) > 0}
            kinds = list(c)
            p = np.array([c[k] for k in kinds], dtype=np.float64)
            self.mix.append((kinds, p / p.sum()))
        self.rec_p = []
        for g in genomes:
            lens = np.array([max(0, len(r) - context + 1) for r in g.records], dtype=np.float64)
            self.rec_p.append(lens / lens.sum())
        self.el_p = [{k: (v[:, 2] - v[:, 1]) / (v[:, 2] - v[:, 1]).sum() for k, v in g.elements.items() if len(v)} for g in genomes]

    def _centre(self, gi, kind):
        g = self.genomes[gi]
        if kind == "random":
            rec = self.rng.choice(len(g.records), p=self.rec_p[gi])
            return rec, self.rng.integers(0, len(g.records[rec]))
        el = g.elements[kind][self.rng.choice(len(g.elements[kind]), p=self.el_p[gi][kind])]
        return el[0], self.rng.integers(el[1], el[2]) + self.rng.integers(-self.jitter, self.jitter + 1)

    def _window(self):
        T = self.context
        for _ in range(1000):
            gi = self.rng.choice(len(self.genomes), p=self.share)
            kinds, p = self.mix[gi]
            rec, centre = self._centre(gi, kinds[self.rng.choice(len(kinds), p=p)])
            g = self.genomes[gi]
            n = len(g.records[rec])
            if n < T:
                continue
            start = int(min(max(0, centre - T // 2), n - T))
            if any(s < start + T and start < e for s, e in g.blocked.get(rec, ())):
                continue
            return g.records[rec][start:start + T], g.flags[rec][start:start + T]
        raise RuntimeError("no window outside the held-out spans after 1000 draws")

    def batch(self, size):
        toks = np.empty((size, self.context), dtype=np.int64)
        wts = np.empty((size, self.context), dtype=np.float32)
        for b in range(size):
            t, f = self._window()
            w = self.lut[f]
            if self.rng.random() < self.rc_prob:
                t, w = reverse_complement(t), w[::-1]
            toks[b], wts[b] = t, w
        return torch.from_numpy(toks), torch.from_numpy(wts)


def load_data(conf, context, root):
    """Every genome of a training config, with held-out genes blocked; returns (genomes, specs, val records)."""
    d = conf["data"]
    specs = [{"path": g} if isinstance(g, str) else dict(g) for g in d["genomes"]]
    for s in specs:
        s["path"] = data_path(s["path"], root)
        if s.get("annotation"):
            s["annotation"] = data_path(s["annotation"], root)
    spans = []
    if d.get("heldout_genes"):
        spans = [(h["chrom"], h["start"], h["end"]) for h in json.loads((root / d["heldout_genes"]).read_text())["heldout"]]
    flank = d.get("loss_weights", {}).get("splice_flank", 10)
    genomes, val = [], []
    for s in specs:
        g, v = load_genome(s, context, d["val_every"], spans, flank)
        genomes.append(g); val.extend(v)
    return genomes, specs, val


def data_summary(genomes):
    """Training bases: every base a window may cover (held-out gene spans excluded)."""
    total = sum(len(r) for g in genomes for r in g.records)
    blocked = sum(e - s for g in genomes for spans in g.blocked.values() for s, e in spans)
    return {"trainBases": total - blocked, "records": sum(len(g.records) for g in genomes)}
