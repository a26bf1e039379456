"""Checks of the region sampler, loss weights and grammar probe on a tiny made-up genome (run by smoke.sh).

    /usr/bin/python3 training/test_regions.py
"""
import gzip
import json
import tempfile
from pathlib import Path

import numpy as np
import torch

from model import GLMConfig, HybridGLM
from probe import GrammarProbe
from regions import CDS, REPEAT, SPLICE, STOP, RegionSampler, flag_weights, load_data
from sites import revcomp
from train import loss_fn

rng = np.random.default_rng(0)
seq = "".join(rng.choice(list("ACGT"), 3000))
seq = seq[:100] + seq[100:200].lower() + seq[200:]           # a soft-masked repeat at 100..199 (0-based)
# one + strand transcript on record chr1:1001-4000 (base i at 1001 + i): exons 1501-1600 and 1701-1800,
# CDS 1551-1600 and 1701-1750; a held-out gene at 3501-3600
gtf = [("exon", 1501, 1600), ("exon", 1701, 1800), ("CDS", 1551, 1600), ("CDS", 1701, 1750)]

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    (tmp / "g.fa").write_text(f">chr1:1001-4000 test\n{seq}\n>chr1:9001-9400\n{seq[:400]}\n")
    with gzip.open(tmp / "a.gtf.gz", "wt") as fh:
        for kind, s, e in gtf:
            fh.write(f'chr1\ttest\t{kind}\t{s}\t{e}\t.\t+\t.\tgene_id "G"; gene_name "G"; transcript_id "T1";\n')
    sites = {"format": "glm-playground/grammar-sites@1", "genome": "g.fa",
             "heldout": [{"gene": "H", "chrom": "chr1", "start": 3501, "end": 3600}],
             "sites": [{"kind": "donor", "record": "chr1:1001-4000", "pos": 600, "ref": seq[600].upper(), "repeat": False},
                       {"kind": "random", "record": "chr1:1001-4000", "pos": 150, "ref": seq[150].upper(), "repeat": True}]}
    (tmp / "sites.json").write_text(json.dumps(sites))
    conf = {"data": {"genomes": [{"path": "g.fa", "weight": 1.0, "annotation": "a.gtf.gz", "centres": {"exon_end": 1.0}}],
                     "val_every": 0, "jitter": 0, "heldout_genes": "sites.json",
                     "loss_weights": {"repeat": 0.1, "cds": 3, "splice": 10, "splice_flank": 2}}}
    genomes, specs, val = load_data(conf, 64, tmp)
    g = genomes[0]
    f = g.flags[0]
    assert len(g.records) == 2 and not val
    assert (f[100:200] & REPEAT).all() and not (f[:100] & REPEAT).any()
    assert (f[550:600] & CDS).all() and (f[700:750] & CDS).all() and not (f[600:700] & CDS).any()
    # intron 1601-1700 -> 0-based 600..699; its ends +-2 are splice-flagged
    assert (f[598:603] & SPLICE).all() and (f[697:702] & SPLICE).all() and not (f[603:697] & SPLICE).any()
    assert g.elements["exon_end"].tolist() == [[0, 600, 601], [0, 699, 700]]
    assert g.blocked == {0: [(2500, 2600)]}

    lut = flag_weights(conf["data"]["loss_weights"])
    assert lut[0] == 1 and abs(lut[REPEAT] - 0.1) < 1e-6 and lut[CDS] == 3 and lut[CDS | SPLICE] == 10 and abs(lut[REPEAT | SPLICE] - 1) < 1e-6
    sampler = RegionSampler(genomes, specs, 64, np.random.default_rng(1), 0.5, 0, lut)
    toks, wts = sampler.batch(64)
    assert (wts == 10).any(axis=1).all(), "every window is centred on an intron end"
    # without the jitter, windows are centred on an intron end, forward or reverse-complemented
    starts = {600 - 32, 699 - 32}
    from genome import encode, reverse_complement
    rec = encode(seq)
    for t in toks.numpy():
        assert any((t == rec[s:s + 64]).all() or (t == reverse_complement(rec[s:s + 64])).all() for s in starts)
    random_sampler = RegionSampler(genomes, [{"weight": 1.0}], 64, np.random.default_rng(2), 0.0, 0, lut)
    start_of = {rec[s:s + 64].tobytes(): s for s in range(len(rec) - 63)}
    starts = [start_of[t.numpy().astype(np.uint8).tobytes()] for _ in range(50) for t in random_sampler.batch(8)[0]]
    assert not any(2500 - 64 < s < 2600 for s in starts), "no window touches the held-out gene"
    assert any(2300 < s <= 2436 for s in starts) and any(s >= 2600 for s in starts), "windows do reach up to it on both sides"

    torch.manual_seed(0)
    cfg = GLMConfig(objective="mlm", d_model=16, n_heads=2, d_ff=32, conv_dilations=[1], n_attn=1, context=64)
    model = HybridGLM(cfg)
    same = loss_fn(model, toks, cfg, 0.15, torch.Generator().manual_seed(3), torch.full(toks.shape, 2.0))
    plain = loss_fn(model, toks, cfg, 0.15, torch.Generator().manual_seed(3))
    assert abs(same.item() - plain.item()) < 1e-5, "equal weights give the unweighted mean"
    probe = GrammarProbe(tmp / "sites.json", tmp, causal=False)
    out = probe.run(model)
    assert set(out) == {"p_donor", "p_random_repeat", "bits_random_repeat"}, out
    assert probe.windows[0, 64].item() == 5 and probe.windows[0].tolist().count(5) == 1   # masked at the centre

# stop-prone bases, by hand: the CDS ATG CAA | TGG TAC TAA in two pieces split by a 5-base intron; one
# substitution makes a stop at CAA's C (TAA), TGG's two Gs (TAG, TGA), TAC's C (TAA, TAG) and TAA's last two
# bases (TGA, TAG); ATG has none. On chr2 (+ strand) the gene crosses a gap between two records; on chr3 the
# same gene lies reverse-complemented in one record (- strand); a CDS of 10 bases (partial) gets no frame.
gene = "GG" + "ATGCAA" + "gtcag" + "TGGTACTAA" + "CC"         # genomic 101..124
with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    (tmp / "g.fa").write_text(f">chr2:101-110\n{gene[:10]}\n>chr2:111-124\n{gene[10:]}\n>chr3:101-124\n{revcomp(gene)}\n")
    rows = [("chr2", "+", "T1", 103, 108), ("chr2", "+", "T1", 114, 122), ("chr3", "-", "T2", 117, 122), ("chr3", "-", "T2", 103, 111),
            ("chr3", "+", "T3", 110, 119)]
    with gzip.open(tmp / "a.gtf.gz", "wt") as fh:
        for chrom, strand, tid, s, e in rows:
            fh.write(f'{chrom}\ttest\tCDS\t{s}\t{e}\t.\t{strand}\t.\tgene_id "{tid}"; transcript_id "{tid}";\n')
    genomes, _, _ = load_data({"data": {"genomes": [{"path": "g.fa", "annotation": "a.gtf.gz"}], "val_every": 0}}, 8, tmp)
    stop = [set(np.flatnonzero(f & STOP).tolist()) for f in genomes[0].flags]
    assert stop == [{5}, {4, 5, 8, 10, 11}, {18, 9, 8, 5, 3, 2}], stop
    assert (genomes[0].flags[1][3:12] & CDS).all(), "flags stay views of one array per record"
lut = flag_weights({"stop": 8, "cds": 4, "repeat": 0.5})
assert lut[CDS | STOP] == 8 and lut[CDS] == 4 and lut[STOP | REPEAT | CDS] == 4
print("regions, loss weights, stop-prone bases and grammar probe: ok")
