"""Held-out chr22 genes and the grammar sites on them: the learning-progress measure of the models issue.

    /usr/bin/python3 training/sites.py        # rewrites training/grammar_sites.json (deterministic)

Every 8th protein-coding gene of chr22 (by name) is held out of training (its span +-1 kb, see train.py);
on one transcript of each (the longest CDS) we list, 0-based inside the chr22 segment record that holds it:
  donor     the first two intron bases (GT on the transcript's strand)
  acceptor  the last two intron bases (AG)
  stop      the first base of codons that one substitution there turns into a stop (xAA, xAG, xGA, x != T)
  random    positions drawn uniformly from the held-out spans (each marked repeat or not)
The mean P(reference base) at each kind, masked alone (MLM) or from the bases before it (CLM), is what
training logs and `npm run eval` reports (src/node/grammarSites.ts reads this same file for src/eval/grammarProbe.ts).
"""
import json
from pathlib import Path

import numpy as np

from annotation import RecordIndex, read_gtf
from contracts import CONTRACTS, data_path
from genome import read_fasta

ROOT = Path(__file__).resolve().parent.parent
GENOME = "../shared/data/genomes/human_hg19_chr22_segments.fa.gz"
ANNOTATION = "../shared/data/annotation/chr22_hg19_refseq.gtf.gz"
OUT = ROOT / "training" / "grammar_sites.json"
HOLD_EVERY, MARGIN, PER_KIND, N_RANDOM, SEED = 8, 1000, 400, 1000, 7
FLANK = CONTRACTS["grammarProbe"]["window"]     # bases kept inside the record both sides: a probe window fits
COMPLEMENT = str.maketrans("ACGTacgt", "TGCAtgca")


def revcomp(s):
    return s.translate(COMPLEMENT)[::-1]


def main():
    headers, seqs = zip(*read_fasta(data_path(GENOME)))
    names = [h.split()[0] for h in headers]
    idx = RecordIndex(headers, [len(s) for s in seqs])

    def at(chrom, pos, flank=0):
        """(record, 0-based offset) of a 1-based genomic position with `flank` bases both sides in one record."""
        hit = idx.find(chrom, pos - flank, pos + flank)
        return None if hit is None else (hit[0], hit[1] + flank)

    def base(chrom, pos):
        hit = at(chrom, pos)
        return "N" if hit is None else seqs[hit[0]][hit[1]].upper()

    coding = [t for t in read_gtf(data_path(ANNOTATION)) if t.cds]
    genes = sorted({t.gene for t in coding})
    held = set(genes[HOLD_EVERY - 1::HOLD_EVERY])
    cds_len = lambda t: sum(e - s + 1 for s, e in t.cds)
    best = {}
    for t in coding:
        if t.gene in held and (t.gene not in best or cds_len(t) > cds_len(best[t.gene])):
            best[t.gene] = t
    sites = {"donor": set(), "acceptor": set(), "stop": set()}
    spans = []
    for gene in sorted(best):
        t = best[gene]
        lo, hi = t.span
        spans.append({"gene": gene, "transcript": t.id, "chrom": t.chrom, "start": lo - MARGIN, "end": hi + MARGIN})
        for s, e in t.introns():                            # 1-based first and last intron base
            donor, acceptor = ((s, s + 1), (e - 1, e)) if t.strand == "+" else ((e - 1, e), (s, s + 1))
            dn, ac = "".join(base(t.chrom, p) for p in donor), "".join(base(t.chrom, p) for p in acceptor)
            if t.strand == "-":
                dn, ac = revcomp(dn), revcomp(ac)
            if dn == "GT" and ac == "AG":
                sites["donor"].update(h for p in donor if (h := at(t.chrom, p, FLANK)))
                sites["acceptor"].update(h for p in acceptor if (h := at(t.chrom, p, FLANK)))
        cds_pos = [p for s, e in t.cds for p in range(s, e + 1)]
        if t.strand == "-":
            cds_pos = cds_pos[::-1]
        cds = "".join(base(t.chrom, p) for p in cds_pos)
        if t.strand == "-":
            cds = cds.translate(COMPLEMENT)
        if len(cds) % 3 == 0 and cds[:3] == "ATG" and "N" not in cds:
            for c in range(0, len(cds) - 3, 3):
                if cds[c + 1:c + 3] in ("AA", "AG", "GA") and cds[c] != "T" and (h := at(t.chrom, cds_pos[c], FLANK)):
                    sites["stop"].add(h)
    rng = np.random.default_rng(SEED)
    picked = {}
    for kind, found in sites.items():
        uniq = sorted(found)
        picked[kind] = [uniq[i] for i in sorted(rng.choice(len(uniq), size=min(PER_KIND, len(uniq)), replace=False))]
    span_len = np.array([s["end"] - s["start"] + 1 for s in spans], dtype=np.float64)
    rand = set()
    while len(rand) < N_RANDOM:
        s = spans[rng.choice(len(spans), p=span_len / span_len.sum())]
        h = at(s["chrom"], int(rng.integers(s["start"], s["end"] + 1)), FLANK)
        if h and seqs[h[0]][h[1]] in "ACGTacgt":
            rand.add(h)
    picked["random"] = sorted(rand)
    out = {
        "format": "glm-playground/grammar-sites@1",
        "genome": GENOME, "annotation": ANNOTATION,
        "about": "training/sites.py: every 8th coding gene of chr22 held out of training (genomic span +-1 kb, 1-based); "
                 f"site positions are 0-based in the named record, with {FLANK} bases inside it on both sides",
        "heldout": spans,
        "sites": [{"kind": k, "record": names[r], "pos": int(p), "ref": seqs[r][p].upper(), "repeat": seqs[r][p].islower()}
                  for k, v in picked.items() for r, p in v],
    }
    OUT.write_text(json.dumps(out, separators=(",", ":")).replace("},{", "},\n{"))
    print(f"{len(held)} held-out genes; sites found {({k: len(v) for k, v in sites.items()})}, "
          f"kept {({k: len(v) for k, v in picked.items()})} -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
