"""Export a trained checkpoint to the browser format in public/models/<id>/.

    /usr/bin/python3 training/export.py --ckpt training/runs/mlm-hybrid-chr22/ckpt.pt --id mlm-hybrid-chr22

Writes model.json (config, vocabulary, tfjs weights manifest with each shard's sha256, training
summary, metrics), the weight shards, golden.json (PyTorch outputs the TypeScript runtime must
reproduce) and README.md (the model card). Weights are stored in the runtime's layout: Linear
[in, out], Conv1d [kernel, in, out]; names are the PyTorch state_dict keys.
"""
import argparse
import dataclasses
import json
import math
import time
from pathlib import Path

import numpy as np
import torch

from card import write_card
from contracts import CONTRACTS, ROOT, data_path
from genome import encode, heldout_positions, read_fasta
from model import MASK_ID, N_ID, VOCAB, GLMConfig, HybridGLM
from probe import GrammarProbe
from regions import data_summary, load_data
from weights_io import write_weights

FORMAT = "glm-playground/model@1"
BRCA1 = data_path("../shared/data/brca1/chr17_BRCA1_region_hg19.fa")
HELDOUT = CONTRACTS["heldout"]   # src/eval/heldout.ts reads the same


@torch.no_grad()
def forward_logprobs(model, tokens, attn_layers=()):
    """Sequence tokens [B, T] -> log-probabilities [B, T, 4] for each base of the sequence."""
    logits, attn = model(tokens, attn_layers)
    return torch.log_softmax(logits, dim=-1), attn


@torch.no_grad()
def heldout_bits(model, tokens: np.ndarray, batch=32):
    """Bits/nt on the fixed BRCA1 sample: MLM masks each position alone at a window's centre;
    CLM scores it as the last base of a window."""
    W, causal = HELDOUT["window"], model.cfg.causal
    pos = heldout_positions(len(tokens), HELDOUT["n"], HELDOUT["margin"])
    pos = pos[tokens[pos] < N_ID]
    total = 0.0
    for i in range(0, len(pos), batch):
        p = pos[i:i + batch]
        starts = p - (W - 1 if causal else W // 2)
        wins = torch.from_numpy(np.stack([tokens[s:s + W] for s in starts]).astype(np.int64))
        at = torch.from_numpy(p - starts)
        if not causal:
            wins[torch.arange(len(p)), at] = MASK_ID
        lp, _ = forward_logprobs(model, wins.to(next(model.parameters()).device))
        lp = lp.cpu()
        total -= lp[torch.arange(len(p)), at, torch.from_numpy(tokens[p].astype(np.int64))].sum().item()
    return total / len(pos) / math.log(2), len(pos)


def golden_cases(cfg: GLMConfig):
    """Three fixed inputs: a short real stretch, one with an N run (and masks for MLM), one at full context."""
    seq = next(read_fasta(data_path("../shared/data/genomes/phage_lambda.fa.gz")))[1]
    short = encode(seq[1000:1000 + min(100, cfg.context)])
    with_n = encode(seq[5000:5000 + min(150, cfg.context)])
    L = len(with_n)
    with_n[L // 4:L // 4 + 12] = N_ID
    if not cfg.causal:
        with_n[[L // 10, L // 2, L - 5]] = MASK_ID
    full = encode(seq[20000:20000 + cfg.context])
    cases = [("short", short), ("n_run", with_n), ("full_context", full)]
    if cfg.arch == "hyena":   # the whole input in one pass: the longest it reads (FFT path in the runtime)
        cases.append(("max_len", encode(seq[1000:1000 + cfg.max_len])))
    return cases


def write_golden(model, out: Path):
    cfg, cases = model.cfg, []
    last = cfg.n_attn - 1
    heads = ((0, 0), (last, cfg.n_heads - 1)) if cfg.n_attn else ()    # a pure CNN has no attention to check
    for name, toks in golden_cases(cfg):
        lp, attn = forward_logprobs(model, torch.from_numpy(toks.astype(np.int64))[None], attn_layers=(0, last) if cfg.n_attn else ())
        rows = list(range(0, len(toks), max(1, len(toks) // 16)))
        cases.append({
            "name": name, "tokens": toks.tolist(),
            "logprobs": np.round(lp[0].numpy(), 6).tolist(),
            "attention": [{"layer": l, "head": h, "rows": rows,
                           "probs": np.round(attn[l][0, h, rows].numpy(), 7).tolist()}
                          for l, h in heads],
        })
    (out / "golden.json").write_text(json.dumps({"format": "glm-playground/golden@1", "cases": cases}))


def architecture_meta(cfg: GLMConfig):
    """model.json's architecture: what src/model/manifest.ts validates and the runtime builds from."""
    common = {"d_model": cfg.d_model, "d_ff": cfg.d_ff, "context": cfg.context, "ln_eps": cfg.ln_eps,
              "activation": "gelu_tanh", "norm": "pre-layernorm"}
    if cfg.arch == "hyena":
        return {"type": "hyena", **common, **{k: getattr(cfg, k) for k in ("n_hyena", "short_kernel", "filter_order", "filter_bands", "max_len")},
                "decay_lags": list(cfg.decay_lags), "positional": "implicit-filter"}
    return {"type": "hybrid-conv-alibi", **common, **{k: getattr(cfg, k) for k in ("n_heads", "conv_kernel", "conv_dilations", "n_attn")},
            "positional": "alibi"}


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--id", required=True)
    ap.add_argument("--name", help="display name")
    ap.add_argument("--out", help="default public/models/<id>")
    ap.add_argument("--skip-heldout", action="store_true", help="for smoke tests")
    ap.add_argument("--device", default="cpu", help="where the held-out bits and the grammar probe run (cuda on a GPU lease); weights and golden vectors are always made on the CPU")
    ap.add_argument("--config-path", default="<config>", help="config file, for checkpoints that do not record it")
    ap.add_argument("--context", type=int, help="the window the exported model reads (default: the training window); "
                    "an ALiBi hybrid fine-tuned on short windows can read the longer ones it was first trained on")
    return ap.parse_args()


def load_model(ck, context=None):
    """The checkpoint's model in eval mode on the CPU, reading `context` bases when given (ALiBi hybrid only)."""
    cfg = GLMConfig(**ck["config"]["model"])
    if context:
        if cfg.arch != "hybrid":
            raise SystemExit(f"--context applies to the ALiBi hybrid only (positions carry no learned embedding there); this is {cfg.arch}")
        cfg = dataclasses.replace(cfg, context=context)
    model = HybridGLM(cfg)
    model.load_state_dict(ck["model"])
    model.eval()
    return model


def last_val_bits(ckpt):
    """The validation bits/nt of the run's last evaluation, from the log beside its checkpoint."""
    log = [json.loads(l) for l in (Path(ckpt).parent / "log.jsonl").read_text().splitlines()]
    evals = [r for r in log if "val_bits" in r]
    if not evals:
        raise SystemExit(f"{ckpt}: the run has not evaluated yet (its log has no val_bits); export after its first evaluation")
    return evals[-1]["val_bits"]


def measure(model, conf, skip_heldout):
    """The grammar probe (configs with held-out genes) and the held-out BRCA1 bits/nt, unless skipped."""
    grammar = {}
    if conf["data"].get("heldout_genes") and not skip_heldout:
        # recomputed on the exported weights (the log's last evaluation may be an earlier step), so that
        # src/eval/grammarProbe.test.ts can check the runtime against it
        grammar = GrammarProbe(ROOT / conf["data"]["heldout_genes"], ROOT, model.cfg.causal).run(model)
        print(f"grammar probe (held-out chr22 genes): {grammar}")
    heldout, n_pos = (float("nan"), 0)
    if not skip_heldout:
        t = time.time()
        brca = encode(next(read_fasta(BRCA1))[1])
        heldout, n_pos = heldout_bits(model, brca)
        print(f"held-out BRCA1 bits/nt {heldout:.4f} on {n_pos} positions ({time.time() - t:.0f} s)")
    return grammar, heldout, n_pos


def training_meta(ck):
    """model.json's training: the data, the schedule and the config the checkpoint was trained with."""
    conf = ck["config"]
    train_context = GLMConfig(**conf["model"]).context
    tc = conf["train"]
    specs = conf["data"]["genomes"]
    train_bases = (ck.get("data_summary") or data_summary(load_data(conf, train_context, ROOT)[0]))["trainBases"]
    total_w = sum(g["weight"] for g in specs if isinstance(g, dict)) or 1
    genome_names = [Path(g).name if isinstance(g, str) else f"{Path(g['path']).name} ({g['weight'] / total_w:.0%} of batches)"
                    for g in specs]
    return {"genomes": genome_names, "trainBases": train_bases,
            "valEvery": conf["data"]["val_every"], "steps": ck["step"], "tokensSeen": ck["tokens_seen"],
            "wallMinutes": ck["wall"] / 60, "trainContext": train_context, "batchSize": tc["batch_size"], "lr": tc["lr"],
            "maskRate": tc["mask_rate"], "seed": tc["seed"], "threads": tc.get("threads", 2), "initFrom": ck.get("init_from"),
            "config": conf}


def reproduce_command(ck, args):
    """The card's Reproduce section: the training run and this export."""
    conf = ck["config"]
    stop = f" --stop-after {ck['step']}" if ck["step"] < conf["train"]["max_steps"] else ""
    warm = f" --init-from {ck['init_from']}" if ck.get("init_from") else ""
    return (f"/usr/bin/python3 training/train.py --config {ck.get('config_path', args.config_path)}{warm}{stop}\n"
            f"/usr/bin/python3 training/export.py --ckpt {args.ckpt} --id {args.id}"
            + (f" --name {json.dumps(args.name)}" if args.name else "") + (f" --context {args.context}" if args.context else ""))


def main():
    args = parse_args()
    ck = torch.load(args.ckpt, map_location="cpu")
    model = load_model(ck, args.context)
    out = Path(args.out or ROOT / "public" / "models" / args.id)
    out.mkdir(parents=True, exist_ok=True)

    manifest, n_bytes = write_weights(model.state_dict(), out)
    write_golden(model, out)
    model.to(args.device)
    val_bits = last_val_bits(args.ckpt)
    grammar, heldout, n_pos = measure(model, ck["config"], args.skip_heldout)
    meta = {
        "format": FORMAT,
        "id": args.id,
        "name": args.name or args.id,
        "objective": model.cfg.objective,
        "architecture": architecture_meta(model.cfg),
        "vocab": VOCAB,
        "parameters": sum(p.numel() for p in model.parameters()),
        "weightsBytes": n_bytes,
        "weightsManifest": manifest,
        "training": training_meta(ck),
        "metrics": {"valBits": val_bits, "heldoutBits": None if math.isnan(heldout) else heldout,
                    "heldoutPositions": n_pos, "heldoutWindow": HELDOUT["window"], **({"grammar": grammar} if grammar else {})},
    }
    (out / "model.json").write_text(json.dumps(meta, indent=1))
    write_card(meta, out, reproduce_command(ck, args))
    print(f"exported {args.id}: {n_bytes / 1e6:.2f} MB, {len(manifest[0]['paths'])} shard(s) -> {out}")
    print(f"next: npm run calibrate -- {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}   (score percentiles)")


if __name__ == "__main__":
    main()
