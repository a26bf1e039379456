"""PyTorch side of `npm run bench` and `npm run bench:kernels`: time the forward pass on the same token
batches and weights, or plain dense products, on CPU.

    /usr/bin/python3 training/bench_torch.py SPEC.json   # written by src/cli/bench.ts or benchKernels.ts

SPEC.json: {"threads": [1, 2], "repeats": n, "allocator": "reuse" | "glibc", "clock": "wall" | "cpu",
            "model": dir, "cases": [{"length": L, "batch": B, "tokens": [...]}]}   -> {"<threads>": {"<L>": [ms, ...]}}
        or {"threads": [1], "repeats": n, "allocator": ..., "gemms": [[M, K, N], ...]} -> {"<threads>": [ms per product, ...]}

Every case is warmed up once, then the cases take turns, one timed run each per round, so no case is
timed only in the state the process happens to start in. A model folder with model.json is a bundled model
(its log-probabilities are timed); one with config.json is a published one, run by its PyTorch twin
(training/published: its logits are timed). "clock": "cpu" times the process's CPU time instead of the wall's
(on a shared machine the wall time includes waiting for a core; with more than one thread CPU time adds up).

allocator "reuse" (the default) keeps freed memory in the process for reuse. With glibc's defaults, blocks
over 128 KB (every activation here) are mmapped and unmapped on each use, and the heap top is returned
to the OS, so each pass page-faults its activations back in; how much depends on glibc's dynamic mmap
threshold, i.e. on what ran before ("glibc" is what a plain `python3` gets). `npm run bench` measures
both and takes the faster as its reference.
"""
import ctypes
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "passive")
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import forward_logprobs  # noqa: E402
from model import GLMConfig, HybridGLM  # noqa: E402
from weights_io import load_exported  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent / "published"))
from folder import load_folder  # noqa: E402

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt parameters, <malloc.h>


def reuse_freed_memory():
    libc = ctypes.CDLL("libc.so.6")
    if not (libc.mallopt(M_MMAP_THRESHOLD, 1 << 30) and libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)):
        raise RuntimeError("mallopt refused the thresholds")


def load_model(path):
    """-> (model, run(tokens)): a bundled model's log-probabilities, or a published model's logits."""
    if not (Path(path) / "model.json").exists():
        model, _ = load_folder(path)
        return model, model
    meta = json.loads((Path(path) / "model.json").read_text())
    a = meta["architecture"]
    cfg = GLMConfig.from_architecture(meta["objective"], a)
    model = HybridGLM(cfg)
    model.load_state_dict(load_exported(Path(path) / "model.json"))
    model.eval()
    return model, lambda tokens: forward_logprobs(model, tokens)[0]


def round_robin(runs, repeats, clock=time.perf_counter):
    """runs: {key: callable}; one warm-up each, then `repeats` rounds timing each once. -> {key: [ms, ...]}"""
    for run in runs.values():
        run()
    times = {key: [] for key in runs}
    for _ in range(repeats):
        for key, run in runs.items():
            t = clock()
            run()
            times[key].append((clock() - t) * 1000)
    return times


@torch.no_grad()
def main():
    spec = json.loads(Path(sys.argv[1]).read_text())
    if spec.get("allocator", "reuse") == "reuse":
        reuse_freed_memory()
    runs = {}
    if "gemms" in spec:
        for i, (m, k, n) in enumerate(spec["gemms"]):
            a, b = torch.randn(m, k), torch.randn(k, n)
            runs[i] = lambda a=a, b=b: [a @ b for _ in range(10)]  # ten products per timed run
    else:
        _, forward = load_model(spec["model"])
        for case in spec["cases"]:
            tokens = torch.tensor(case["tokens"], dtype=torch.long).view(case["batch"], -1)
            runs[str(case["length"])] = lambda tokens=tokens: forward(tokens).numpy()
    out = {}
    for threads in spec["threads"]:
        torch.set_num_threads(threads)
        clock = time.process_time if spec.get("clock") == "cpu" else time.perf_counter
        times = round_robin(runs, spec["repeats"], clock)
        out[str(threads)] = [sorted(t)[len(t) // 2] / 10 for t in times.values()] if "gemms" in spec else times
    print(json.dumps(out))


if __name__ == "__main__":
    main()
