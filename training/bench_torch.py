"""PyTorch side of `npm run bench`: time the forward pass on the same token batches, same weights.

    /usr/bin/python3 training/bench_torch.py CASES.json   # written by src/cli/bench.ts

CASES.json: {"model": dir, "threads": [1, 2], "repeats": n, "cases": [{"length": L, "batch": B, "tokens": [...]}]}
Prints JSON: {"<threads>": {"<length>": [ms, ...]}}.
"""
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "passive")
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import forward_logprobs, load_exported  # noqa: E402
from model import GLMConfig, HybridGLM  # noqa: E402


def main():
    spec = json.loads(Path(sys.argv[1]).read_text())
    meta = json.loads((Path(spec["model"]) / "model.json").read_text())
    a = meta["architecture"]
    cfg = GLMConfig(objective=meta["objective"], **{k: a[k] for k in ("d_model", "n_heads", "d_ff", "conv_kernel", "conv_dilations", "n_attn", "context", "ln_eps")})
    model = HybridGLM(cfg)
    model.load_state_dict(load_exported(Path(spec["model"]) / "model.json"))
    model.eval()
    out = {}
    for threads in spec["threads"]:
        torch.set_num_threads(threads)
        out[str(threads)] = {}
        for case in spec["cases"]:
            tokens = torch.tensor(case["tokens"], dtype=torch.long).view(case["batch"], -1)
            forward_logprobs(model, tokens)  # warm-up
            times = []
            for _ in range(spec["repeats"]):
                t = time.perf_counter()
                lp, _ = forward_logprobs(model, tokens)
                lp.numpy()
                times.append((time.perf_counter() - t) * 1000)
            out[str(threads)][str(case["length"])] = times
    print(json.dumps(out))


if __name__ == "__main__":
    main()
