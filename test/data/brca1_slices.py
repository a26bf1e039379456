"""Cuts brca1_slices.fa (two stretches of BRCA1 exons, records named chrom:start-end as the source file's are) from
the shared BRCA1 region file, and indexes it. Run from the repository root: python3 test/data/brca1_slices.py"""

import os
import subprocess

SOURCE = os.path.join(os.environ.get('GLM_SHARED_DATA', '../shared/data'), 'brca1/chr17_BRCA1_region_hg19.fa')
OUT = 'test/data/brca1_slices.fa'
# 1-based inclusive, as the source's name chr17:40577017-41752017 is (its bases match the SGE table's REF there)
SLICES = [(41209001, 41209200), (41276001, 41276200)]

with open(SOURCE) as f:
    header = f.readline()[1:].split()[0]
    sequence = ''.join(line.strip() for line in f)
chrom, span = header.split(':')
first = int(span.split('-')[0])
with open(OUT, 'w') as out:
    for start, end in SLICES:
        bases = sequence[start - first:end - first + 1]
        assert len(bases) == end - start + 1
        out.write(f'>{chrom}:{start}-{end} cut from chr17_BRCA1_region_hg19.fa (GRCh37 coordinates)\n')
        out.writelines(bases[i:i + 60] + '\n' for i in range(0, len(bases), 60))
subprocess.run(['samtools', 'faidx', OUT], check=True)
