"""Cut the teaching-gallery sequences out of ../shared/data into public/examples/ (FASTA, named
chrom:start-end so genomic coordinates carry through to variants and exports).

    /usr/bin/python3 training/gallery.py
"""
from pathlib import Path

from contracts import data_path
from genome import read_fasta

ROOT = Path(__file__).resolve().parent.parent
DATA = data_path("../shared/data/")
OUT = ROOT / "public/examples"


def region_record(path, header_prefix, chrom, rec_start, start, end):
    """Bases [start, end] (1-based, inclusive, genomic) of the record whose first base is rec_start."""
    for h, s in read_fasta(path):
        if h.startswith(header_prefix):
            return f"{chrom}:{start}-{end}", s[start - rec_start:end - rec_start + 1]
    raise KeyError(header_prefix)


def write(name, header, seq, note):
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f">{header} {note}"] + [seq[i:i + 60] for i in range(0, len(seq), 60)]
    (OUT / f"{name}.fa").write_text("\n".join(lines) + "\n")
    print(f"{name}: {header} {len(seq)} bp")


def main():
    # BRCA1 exon 19 (hg19 chr17:41209069-41209152, minus-strand gene) with ~110 bp of intron each side
    h, s = region_record(DATA / "brca1/chr17_BRCA1_region_hg19.fa", "chr17:40577017", "chr17", 40577017, 41208960, 41209260)
    write("brca1_exon19", h, s, "BRCA1 exon 19 and flanking introns (hg19, plus strand)")
    # E. coli thrL leader and the start of thrA (U00096: thrL 190-255, thrA 337-2799, plus strand)
    h, s = region_record(DATA / "genomes/ecoli_K12_MG1655.fa.gz", "", "U00096.3", 1, 190, 1189)
    write("ecoli_thrA", h, s, "E. coli K-12 thr operon leader and thrA start")
    # a soft-masked Alu element in human chr22 (hg19), with flanks
    h, s = region_record(DATA / "genomes/human_hg19_chr22_segments.fa.gz", "chr22:17557853-17563108", "chr22", 17557853, 17558674, 17559073)
    write("human_alu_chr22", h, s, "an Alu repeat (soft-masked) in human chr22")
    # fly promoter: 2 kb upstream of NM_078863 (dm3), the last 600 bp before the transcription start
    h, s = region_record(DATA / "genomes/dmel_dm3_upstream2000.fa.gz", "NM_078863_up_2000", "chr2L", 16764737, 16766137, 16766736)
    write("fly_promoter_NM_078863", h, s, "D. melanogaster promoter upstream of NM_078863 (dm3)")
    # phage lambda cI-cro region: the end of cI, the right operator OR and cro (NC_001416)
    h, s = region_record(DATA / "genomes/phage_lambda.fa.gz", "", "NC_001416.1", 1, 37800, 38799)
    write("lambda_cI_cro", h, s, "phage lambda cI / OR / cro region")


if __name__ == "__main__":
    main()
