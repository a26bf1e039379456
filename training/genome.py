"""FASTA reading and token encoding shared by training, export and evaluation."""
import gzip

import numpy as np

from model import A, C, G, T, N_ID

_LUT = np.full(256, N_ID, dtype=np.uint8)
for base, tok in zip("ACGT", (A, C, G, T)):
    _LUT[ord(base)] = tok
    _LUT[ord(base.lower())] = tok     # soft-masked repeats are ordinary bases to the model
_COMPLEMENT = np.array([T, G, C, A, N_ID], dtype=np.uint8)


def read_fasta(path):
    """Yield (header, sequence) for each record of a plain or gzipped FASTA file."""
    opener = gzip.open if str(path).endswith(".gz") else open
    header, chunks = None, []
    with opener(path, "rt") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith(">"):
                if header is not None:
                    yield header, "".join(chunks)
                header, chunks = line[1:], []
            elif line:
                chunks.append(line)
    if header is not None:
        yield header, "".join(chunks)


def encode(seq: str) -> np.ndarray:
    return _LUT[np.frombuffer(seq.encode("ascii"), dtype=np.uint8)]


def reverse_complement(tokens: np.ndarray) -> np.ndarray:
    return _COMPLEMENT[tokens[..., ::-1]]


def heldout_positions(n_tokens: int, n_sample: int, margin: int) -> np.ndarray:
    """The fixed evaluation sample: n evenly spaced positions, `margin` away from both ends.

    Mirrored in src/eval/heldout.ts so PyTorch and TypeScript score the same bases."""
    step = (n_tokens - 2 * margin) // n_sample
    return margin + step * np.arange(n_sample)
