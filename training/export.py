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


def describe_architecture(meta):
    """The card's first paragraph."""
    a = meta["architecture"]
    kind = "masked (MLM, bidirectional)" if meta["objective"] == "mlm" else "causal (CLM, next base)"
    size = f"{meta['parameters']:,} parameters, {meta['weightsBytes'] / 1e6:.1f} MB of float32 weights."
    if a["type"] == "hyena":
        return f"""A {kind} single-nucleotide genome language model without attention: {a['n_hyena']} Hyena blocks as in
HyenaDNA (input projection to three streams, a causal depthwise conv of {a['short_kernel']}, an implicit long filter
from a {a['filter_order']}-wide MLP with sine activations over positional features of the lag, times an
exponential decay window reaching 1% at lags from {a['decay_lags'][0]} to {a['decay_lags'][1]:,} bases, applied
by FFT, and gating); width {a['d_model']}, feed-forward {a['d_ff']}, {size} It reads up to
{a['max_len']:,} bases in one pass (the filter is defined for lags below that); trained on {a['context']}-base windows."""
    attn = (f"then {a['n_attn']} attention blocks with ALiBi\nrelative-position bias; width {a['d_model']}, {a['n_heads']} heads,"
            if a['n_attn'] else f"and no attention (a convolutional\nmodel in the style of GPN); width {a['d_model']},")
    return f"""A {kind} single-nucleotide genome language model: {len(a['conv_dilations'])} dilated residual convolution
blocks (kernel {a['conv_kernel']}, dilations {a['conv_dilations']}) {attn} feed-forward {a['d_ff']},
{size}"""


def write_card(meta, out: Path, command: str):
    a, t, m = meta["architecture"], meta["training"], meta["metrics"]
    tcx = t.get("trainContext", a["context"])
    warm = f" (warm-started from {t['initFrom']})" if t.get("initFrom") else ""
    reads = "" if tcx == a["context"] else f"\nTrained on {tcx}-base windows{warm}; exported to read {a['context']}-base windows: ALiBi's relative bias has no learned positions, so the longer window needs no new weights.\n"
    card = f"""# {meta['name']}

{describe_architecture(meta)}

## Data
{', '.join(t['genomes'])}: {t['trainBases']:,} training bases (records of at least {tcx} bp{f"; every {t['valEvery']}th record held out for validation" if t['valEvery'] else ''}), both strands (reverse-complement augmentation).
The BRCA1 evaluation region (chr17:40,577,017-41,752,017, hg19) is on another chromosome and never trained on.
{region_text(t['config'])}
## Training{reads}
{t['steps']:,} steps of batch {t['batchSize']} x {tcx} = {t['tokensSeen']:,} tokens seen, {t['wallMinutes']:.0f} minutes
on {t['threads']} CPU thread(s); AdamW, peak learning rate {t['lr']}, cosine decay{'' if meta['objective'] == 'clm' else f"; {t['maskRate']:.0%} of bases masked (80/10/10)"}. Seed {t['seed']}.

## Metrics
| metric | value |
|---|---|
| validation bits/nt (held-out records of the training genomes) | {m['valBits']:.3f} |
| held-out bits/nt, BRCA1 region, {m['heldoutPositions']} fixed positions, {HELDOUT['window']}-bp windows | {'not measured' if m['heldoutBits'] is None else f"{m['heldoutBits']:.3f}"} |
{grammar_rows(m.get('grammar'))}
Uniform is 2.0 bits/nt. `npm run eval` recomputes the held-out bits with the TypeScript runtime, next to
order-k Markov baselines on the same positions and the BRCA1 variant-effect AUROC (docs/eval.md).

## Reproduce
```
{command}
```
"""
    (out / "README.md").write_text(card)


def region_text(conf):
    """What the windows were centred on and how the loss was weighted, for configs that say (regions.py)."""
    d = conf["data"]
    lines = []
    for g in d["genomes"]:
        if isinstance(g, dict) and g.get("centres"):
            mix = ", ".join(f"{v:.0%} {k.replace('_', ' ')}" for k, v in g["centres"].items())
            lines.append(f"- {Path(g['path']).name}: windows centred on {mix} (gene models {Path(g['annotation']).name}), jitter +-{d.get('jitter', 0)} bp.")
    lw = d.get("loss_weights")
    if lw:
        stop = f", bases of the annotated reading frame where one substitution makes a stop codon x{lw['stop']}" if "stop" in lw else ""
        lines.append(f"- Loss weights per base: soft-masked repeats x{lw.get('repeat', 1)}, CDS x{lw.get('cds', 1)}{stop}, within "
                     f"{lw.get('splice_flank', 10)} bp of an intron end x{lw.get('splice', 1)} (the largest applies; evaluation unweighted).")
    if d.get("heldout_genes"):
        lines.append(f"- Every 8th coding gene of chr22 held out of training (span +-1 kb; {d['heldout_genes']}).")
    return "\n".join(lines) + ("\n" if lines else "")


GRAMMAR_LABELS = {"p_donor": "mean P(ref), canonical donor bases (GT)", "p_acceptor": "mean P(ref), canonical acceptor bases (AG)",
                  "p_stop": "mean P(ref), first base of codons one substitution turns into a stop", "p_random": "mean P(ref), random non-repeat bases",
                  "p_random_repeat": "mean P(ref), random repeat bases", "bits_random": "bits/nt, random non-repeat bases",
                  "bits_random_repeat": "bits/nt, random repeat bases"}


def grammar_rows(g):
    """Rows of the card's metric table for the grammar probe of the last evaluation (held-out chr22 genes)."""
    if not g:
        return ""
    return "".join(f"| {GRAMMAR_LABELS[k]} (held-out chr22 genes) | {v:.3f} |\n" for k, v in g.items() if k in GRAMMAR_LABELS)


def main():
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
    args = ap.parse_args()

    ck = torch.load(args.ckpt, map_location="cpu")
    conf = ck["config"]
    cfg = GLMConfig(**conf["model"])
    train_context = cfg.context
    if args.context:
        if cfg.arch != "hybrid":
            raise SystemExit(f"--context applies to the ALiBi hybrid only (positions carry no learned embedding there); this is {cfg.arch}")
        cfg = dataclasses.replace(cfg, context=args.context)
    model = HybridGLM(cfg)
    model.load_state_dict(ck["model"])
    model.eval()
    out = Path(args.out or ROOT / "public" / "models" / args.id)
    out.mkdir(parents=True, exist_ok=True)

    manifest, n_bytes = write_weights(model.state_dict(), out)
    write_golden(model, out)
    model.to(args.device)
    log = [json.loads(l) for l in (Path(args.ckpt).parent / "log.jsonl").read_text().splitlines()]
    evals = [r for r in log if "val_bits" in r]
    if not evals:
        raise SystemExit(f"{args.ckpt}: the run has not evaluated yet (its log has no val_bits); export after its first evaluation")
    last_eval = evals[-1]
    val_bits = last_eval["val_bits"]
    grammar = {}
    if conf["data"].get("heldout_genes") and not args.skip_heldout:
        # recomputed on the exported weights (the log's last evaluation may be an earlier step), so that
        # src/eval/grammarProbe.test.ts can check the runtime against it
        grammar = GrammarProbe(ROOT / conf["data"]["heldout_genes"], ROOT, cfg.causal).run(model)
        print(f"grammar probe (held-out chr22 genes): {grammar}")
    heldout, n_pos = (float("nan"), 0)
    if not args.skip_heldout:
        t = time.time()
        brca = encode(next(read_fasta(BRCA1))[1])
        heldout, n_pos = heldout_bits(model, brca)
        print(f"held-out BRCA1 bits/nt {heldout:.4f} on {n_pos} positions ({time.time() - t:.0f} s)")
    tc = conf["train"]
    specs = conf["data"]["genomes"]
    train_bases = (ck.get("data_summary") or data_summary(load_data(conf, train_context, ROOT)[0]))["trainBases"]
    total_w = sum(g["weight"] for g in specs if isinstance(g, dict)) or 1
    genome_names = [Path(g).name if isinstance(g, str) else f"{Path(g['path']).name} ({g['weight'] / total_w:.0%} of batches)"
                    for g in specs]
    meta = {
        "format": FORMAT,
        "id": args.id,
        "name": args.name or args.id,
        "objective": cfg.objective,
        "architecture": architecture_meta(cfg),
        "vocab": VOCAB,
        "parameters": sum(p.numel() for p in model.parameters()),
        "weightsBytes": n_bytes,
        "weightsManifest": manifest,
        "training": {"genomes": genome_names, "trainBases": train_bases,
                     "valEvery": conf["data"]["val_every"], "steps": ck["step"], "tokensSeen": ck["tokens_seen"],
                     "wallMinutes": ck["wall"] / 60, "trainContext": train_context, "batchSize": tc["batch_size"], "lr": tc["lr"],
                     "maskRate": tc["mask_rate"], "seed": tc["seed"], "threads": tc.get("threads", 2), "initFrom": ck.get("init_from"),
                     "config": conf},
        "metrics": {"valBits": val_bits, "heldoutBits": None if math.isnan(heldout) else heldout,
                    "heldoutPositions": n_pos, "heldoutWindow": HELDOUT["window"], **({"grammar": grammar} if grammar else {})},
    }
    (out / "model.json").write_text(json.dumps(meta, indent=1))
    stop = f" --stop-after {ck['step']}" if ck["step"] < conf["train"]["max_steps"] else ""
    warm = f" --init-from {ck['init_from']}" if ck.get("init_from") else ""
    write_card(meta, out, f"/usr/bin/python3 training/train.py --config {ck.get('config_path', args.config_path)}{warm}{stop}\n"
                          f"/usr/bin/python3 training/export.py --ckpt {args.ckpt} --id {args.id}"
                          + (f" --name {json.dumps(args.name)}" if args.name else "") + (f" --context {args.context}" if args.context else ""))
    print(f"exported {args.id}: {n_bytes / 1e6:.2f} MB, {len(manifest[0]['paths'])} shard(s) -> {out}")
    print(f"next: npm run calibrate -- {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}   (score percentiles)")


if __name__ == "__main__":
    main()
