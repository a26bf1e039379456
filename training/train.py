"""Train a hybrid genome LM on real genomes, then export it for the browser.

    /usr/bin/python3 training/train.py --config training/config/mlm_hybrid.json

Reproducible: fixed seeds, the config file holds every setting. Checkpoints go to
training/runs/<name>/ (not in git); --init-from warm-starts from an exported model.json.
"""
import argparse
import dataclasses
import json
import math
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "passive")   # without it 2 threads run 2x slower than 1 here
import numpy as np
import torch
import torch.nn.functional as F

from model import MASK_ID, N_ID, GLMConfig, HybridGLM
from probe import GrammarProbe
from regions import GenomeData, RegionSampler, data_summary, flag_weights, load_data
from weights_io import exported_conv_dilations, grow_conv_stack, load_exported

ROOT = Path(__file__).resolve().parent.parent


def mlm_corrupt(tokens, rate, gen):
    """BERT-style: pick `rate` of the bases; 80% become [MASK], 10% a random base, 10% stay."""
    pick = (torch.rand(tokens.shape, generator=gen) < rate) & (tokens < N_ID)
    roll = torch.rand(tokens.shape, generator=gen)
    inputs = tokens.clone()
    inputs[pick & (roll < 0.8)] = MASK_ID
    rand_pos = pick & (roll >= 0.8) & (roll < 0.9)
    inputs[rand_pos] = torch.randint(0, 4, tokens.shape, generator=gen)[rand_pos]
    return inputs, pick


def loss_fn(model, tokens, cfg, mask_rate, gen, weights=None):
    """Cross-entropy (nats) over scored bases, weighted by per-base loss weights if given (their weighted
    mean, as GPN does); N targets are never scored."""
    # masks are drawn on the CPU (one generator, the same masks on any device), then moved
    inputs, scored = (tokens, tokens < N_ID) if cfg.causal else mlm_corrupt(tokens, mask_rate, gen)
    dev = next(model.parameters()).device
    tokens, scored = tokens.to(dev), scored.to(dev)
    logits, _ = model(inputs.to(dev))
    ce = F.cross_entropy(logits[scored], tokens[scored], reduction="none")
    if weights is None:
        return ce.mean()
    w = weights.to(dev)[scored]
    return (ce * w).sum() / w.sum().clamp_min(1e-6)


@torch.no_grad()
def evaluate(model, batches, cfg, mask_rate):
    model.eval()
    gen = torch.Generator().manual_seed(1234)    # the same masks at every evaluation
    total = sum(loss_fn(model, b, cfg, mask_rate, gen).item() for b, _ in batches) / len(batches)
    model.train()
    return total / math.log(2)


def lr_at(step, tc, minutes=None, elapsed=0.0):
    """Linear warm-up, then a cosine over the steps to max_steps, or, given `minutes`, over that much wall
    time (elapsed seconds): a GPU lease of unknown throughput still ends its schedule when its time does."""
    if step < tc["warmup_steps"]:
        return tc["lr"] * (step + 1) / tc["warmup_steps"]
    if minutes is not None:
        frac = elapsed / (minutes * 60)
    else:
        frac = (step - tc["warmup_steps"]) / max(1, tc["max_steps"] - tc["warmup_steps"])
    return tc["lr"] * (tc["min_lr_frac"] + (1 - tc["min_lr_frac"]) * 0.5 * (1 + math.cos(math.pi * min(1.0, frac))))


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--out", help="checkpoint folder (default training/runs/<name>)")
    ap.add_argument("--init-from", help="model.json of an exported model to warm-start from")
    ap.add_argument("--max-steps", type=int, help="override the config (this also changes the LR schedule)")
    ap.add_argument("--stop-after", type=int, help="stop (with a checkpoint) after this step, keeping the schedule")
    ap.add_argument("--stop-minutes", type=float, help="stop (with a checkpoint) once this much wall time has passed")
    ap.add_argument("--minutes", type=float, help="schedule by wall time: the cosine runs over this many minutes and training "
                    "stops there (max_steps only caps it)")
    ap.add_argument("--device", default="cpu", help="cpu, or cuda where a GPU is lent (checkpoints are saved for the CPU)")
    ap.add_argument("--bf16", action="store_true", help="bfloat16 autocast for the training passes (evaluation stays float32)")
    ap.add_argument("--threads", type=int, help="CPU threads (default: the config's)")
    return ap.parse_args()


def make_data(conf, cfg, rng):
    """The training sampler, the fixed validation batches, the grammar probe (or None) and the data summary."""
    tc, d = conf["train"], conf["data"]
    genomes, specs, val_recs = load_data(conf, cfg.context, ROOT)
    summary = data_summary(genomes)
    print(f"train {summary['trainBases']:,} bp in {summary['records']} records; val {sum(len(r) for r in val_recs):,} bp", flush=True)
    sampler = RegionSampler(genomes, specs, cfg.context, rng, tc["rc_prob"], d.get("jitter", 0), flag_weights(d.get("loss_weights", {})))
    val_src = [GenomeData(val_recs, [np.zeros(len(r), np.uint8) for r in val_recs])] if val_recs else genomes
    val_sampler = RegionSampler(val_src, [{}] * len(val_src), cfg.context, np.random.default_rng(99), 0.0, 0, flag_weights({}))
    val_batches = [val_sampler.batch(tc["batch_size"]) for _ in range(tc["val_batches"])]
    probe = GrammarProbe(ROOT / d["heldout_genes"], ROOT, cfg.causal) if d.get("heldout_genes") else None
    return sampler, val_batches, probe, summary


def make_model(cfg, args):
    """A fresh model, or one warm-started from an exported model.json (--init-from), on args.device."""
    model = HybridGLM(cfg)
    if args.init_from:
        state, old = load_exported(Path(args.init_from)), exported_conv_dilations(Path(args.init_from))
        if old != cfg.conv_dilations and old == cfg.conv_dilations[:len(old)] and cfg.n_attn:
            state = grow_conv_stack(state, len(old), model)
            print(f"conv stack grown from dilations {old} to {cfg.conv_dilations}; the new blocks start as the identity", flush=True)
        model.load_state_dict(state)
        print(f"warm start from {args.init_from}", flush=True)
    model.to(args.device)
    if args.device.startswith("cuda"):
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    return model


@dataclasses.dataclass
class Run:
    """A training run: what it trains and with what, where it writes, and how far it has come."""
    args: argparse.Namespace
    conf: dict
    cfg: GLMConfig
    model: HybridGLM
    opt: torch.optim.Optimizer
    rng: np.random.Generator
    gen: torch.Generator
    ckpt_path: Path
    step: int = 0
    tokens_seen: int = 0
    wall: float = 0.0
    init_from: str | None = None

    def lr(self, t0):
        return lr_at(self.step, self.conf["train"], self.args.minutes, time.time() - t0)


def resume(run):
    """An interrupted run continues from its checkpoint: model, optimiser, random states and counts."""
    if not run.ckpt_path.exists() or run.args.init_from:
        return
    ck = torch.load(run.ckpt_path, map_location=run.args.device)
    run.init_from = ck.get("init_from")
    run.model.load_state_dict(ck["model"]); run.opt.load_state_dict(ck["opt"])
    run.step, run.tokens_seen, run.wall = ck["step"], ck["tokens_seen"], ck["wall"]
    run.rng.bit_generator.state = ck["rng"]; run.gen.set_state(ck["gen"])
    print(f"resumed at step {run.step}", flush=True)


def train_step(run, sampler, lr):
    """One optimiser step on a fresh batch at learning rate `lr`; returns the loss."""
    tc, args = run.conf["train"], run.args
    for g in run.opt.param_groups:
        g["lr"] = lr
    batch, weights = sampler.batch(tc["batch_size"])
    dev_type = "cuda" if args.device.startswith("cuda") else "cpu"
    with torch.autocast(dev_type, dtype=torch.bfloat16, enabled=args.bf16):
        loss = loss_fn(run.model, batch, run.cfg, tc["mask_rate"], run.gen, weights)
    run.opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(run.model.parameters(), 1.0)
    run.opt.step()
    run.step += 1
    run.tokens_seen += batch.numel()
    return loss


def log_record(run, t0, loss, last, val_batches, probe):
    """The log line of this step: training loss, and at evaluation steps the validation bits and the probe."""
    tc = run.conf["train"]
    rec = {"step": run.step, "tokens": run.tokens_seen, "minutes": round((time.time() - t0) / 60, 2),
           "train_bits": round(loss.item() / math.log(2), 4), "lr": round(run.lr(t0), 6)}
    if run.step % tc["eval_every"] == 0 or last:
        rec["val_bits"] = round(evaluate(run.model, val_batches, run.cfg, tc["mask_rate"]), 4)
        if probe:
            rec.update(probe.run(run.model))
    return rec


def save_checkpoint(run, t0, summary):
    """The model (as CPU tensors), optimiser, counts, config and random states: enough to resume or export."""
    cpu_state = {k: v.cpu() for k, v in run.model.state_dict().items()}
    torch.save({"model": cpu_state, "opt": run.opt.state_dict(), "step": run.step,
                "tokens_seen": run.tokens_seen, "wall": time.time() - t0, "config": run.conf, "data_summary": summary,
                "init_from": run.init_from, "config_path": run.args.config,
                "rng": run.rng.bit_generator.state, "gen": run.gen.get_state()}, run.ckpt_path)


def train(run, sampler, val_batches, probe, summary, log):
    """Steps until max_steps, the --minutes schedule's end, --stop-after or --stop-minutes; logs and checkpoints."""
    tc, args = run.conf["train"], run.args
    t0 = time.time() - run.wall
    while run.step < tc["max_steps"]:
        loss = train_step(run, sampler, run.lr(t0))
        last = run.step == tc["max_steps"] or (args.minutes is not None and time.time() - t0 >= args.minutes * 60)
        if run.step % tc["log_every"] == 0 or last:
            rec = log_record(run, t0, loss, last, val_batches, probe)
            print(json.dumps(rec), flush=True)
            log.write(json.dumps(rec) + "\n"); log.flush()
        stop = last or (args.stop_after is not None and run.step >= args.stop_after) or \
            (args.stop_minutes is not None and time.time() - t0 >= args.stop_minutes * 60)
        if run.step % tc["ckpt_every"] == 0 or stop:
            save_checkpoint(run, t0, summary)
        if stop:
            break
    print(f"done: {run.step} steps, {run.tokens_seen:,} tokens, {(time.time() - t0) / 60:.1f} min", flush=True)


def main():
    args = parse_args()
    conf = json.loads(Path(args.config).read_text())
    tc = conf["train"]
    if args.max_steps:
        tc["max_steps"] = args.max_steps
    cfg = GLMConfig(**conf["model"])
    torch.manual_seed(tc["seed"])
    torch.set_num_threads(args.threads or tc.get("threads", 2))
    rng = np.random.default_rng(tc["seed"])
    gen = torch.Generator().manual_seed(tc["seed"])
    out = Path(args.out or ROOT / "training" / "runs" / conf["name"])
    out.mkdir(parents=True, exist_ok=True)

    sampler, val_batches, probe, summary = make_data(conf, cfg, rng)
    model = make_model(cfg, args)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{conf['name']}: {cfg.objective}, {n_params:,} parameters", flush=True)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], betas=(0.9, 0.98), weight_decay=tc["weight_decay"])
    run = Run(args, conf, cfg, model, opt, rng, gen, out / "ckpt.pt", init_from=args.init_from)
    resume(run)
    with open(out / "log.jsonl", "a") as log:
        train(run, sampler, val_batches, probe, summary, log)


if __name__ == "__main__":
    main()
