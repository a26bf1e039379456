"""The learning-progress measure: mean P(reference base) at grammar sites of held-out chr22 genes.

Sites come from training/grammar_sites.json (training/sites.py). Each site is scored in a window (contracts.json, 128 bases):
masked alone at the window's centre (MLM) or as the window's last base (CLM), as src/eval/grammarProbe.ts does.
"""
import json
import math
from pathlib import Path

import numpy as np
import torch

from contracts import CONTRACTS, data_path
from genome import encode, read_fasta
from model import MASK_ID

WINDOW = CONTRACTS["grammarProbe"]["window"]


class GrammarProbe:
    def __init__(self, sites_path: Path, root: Path, causal: bool):
        meta = json.loads(Path(sites_path).read_text())
        want = {s["record"] for s in meta["sites"]}
        recs = {h.split()[0]: encode(seq) for h, seq in read_fasta(data_path(meta["genome"], root)) if h.split()[0] in want}
        self.causal = causal
        self.kinds = [s["kind"] + ("_repeat" if s["kind"] == "random" and s["repeat"] else "") for s in meta["sites"]]
        wins, at = [], WINDOW - 1 if causal else WINDOW // 2
        for s in meta["sites"]:
            start = s["pos"] - at
            wins.append(recs[s["record"]][start:start + WINDOW])
        self.windows = torch.from_numpy(np.stack(wins).astype(np.int64))
        self.at = at
        self.ref = self.windows[:, at].clone()
        if not causal:
            self.windows[:, at] = MASK_ID

    @torch.no_grad()
    def run(self, model, batch=64):
        """{kind: mean P(ref)} and bits/nt on the random non-repeat and repeat positions."""
        was = model.training
        model.eval()
        lp = []
        for i in range(0, len(self.windows), batch):
            w = self.windows[i:i + batch]
            logits, _ = model(w.to(next(model.parameters()).device))
            lp.append(torch.log_softmax(logits[:, self.at].float().cpu(), dim=-1).gather(1, self.ref[i:i + batch, None])[:, 0])
        model.train(was)
        lp = torch.cat(lp).numpy()
        kinds = np.array(self.kinds)
        out = {}
        for k in ("donor", "acceptor", "stop", "random", "random_repeat"):
            sel = lp[kinds == k]
            if len(sel):
                out[f"p_{k}"] = round(float(np.exp(sel).mean()), 4)
                if k.startswith("random"):
                    out[f"bits_{k}"] = round(float(-sel.mean() / math.log(2)), 4)
        return out
