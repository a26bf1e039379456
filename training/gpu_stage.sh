#!/bin/bash
# Copy the data training/gpu_run.sh reads into .gpu-data/ (ignored by git), laid out as ../shared/data, so
# that a device run can carry it (the device machine gets the repository, not ../shared). About 14 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
src=../shared/data
for f in genomes/human_hg19_chr22_segments.fa.gz annotation/chr22_hg19_refseq.gtf.gz \
         genomes/umaydis_521.fa.gz annotation/umaydis_521_mips.gff3.gz brca1/chr17_BRCA1_region_hg19.fa; do
  mkdir -p ".gpu-data/$(dirname "$f")"
  cp "$src/$f" ".gpu-data/$f"
done
du -sh .gpu-data
