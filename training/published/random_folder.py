"""Write a random-weight model folder in a family's published layout (config.json + model.safetensors) at a
published size, so the bench and the scale script time the TypeScript runtime and the PyTorch twin on one file.

    /usr/bin/python3 training/published/random_folder.py NAME OUT_DIR     # NAME: one of SIZES

A size is a fixture's config.json (shared/reference-models: the published layout) with the published model's
sizes (src/model/families/*/config.test.ts record them; GPN's is songlab/gpn-brassicales's config.json).
Values: PyTorch's default initialisation (seeded), with what the official code sets otherwise: Mamba's A_log,
D and dt_proj.bias, HyenaDNA's positional features, decay rates and Sin frequencies. Tensors that share storage
are written once under their first name, as save_pretrained does (tied projections, head, Sin frequencies).
"""
import json
import math
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from folder import family_of, write_safetensors  # noqa: E402
from test_published import REF  # noqa: E402

SIZES = {
    "caduceus-ps-131k": ("caduceus-ps", dict(d_model=256, n_layer=16)),
    "caduceus-ph-131k": ("caduceus-ph", dict(d_model=256, n_layer=16)),
    "hyenadna-small-32k": ("hyenadna-hf", dict(d_model=256, n_layer=4, d_inner=1024, max_seq_len=32770)),
    "hyenadna-medium-160k": ("hyenadna-hf", dict(d_model=256, n_layer=8, d_inner=1024, max_seq_len=160002)),
    "gpn-brassicales": ("gpn-convnet", dict(hidden_size=512, n_layers=25, kernel_size=9, dilation_base=2,
                                            dilation_cycle=6, dilation_double_every=1, dilation_max=32)),
}


@torch.no_grad()
def official_values(model, config):
    """The tensors whose initial values the official code sets by hand (random elsewhere)."""
    for name, p in model.named_parameters():
        if name.endswith("A_log"):  # S4D-real: A = -(1..N) per channel
            p.copy_(torch.log(torch.arange(1, p.shape[1] + 1, dtype=torch.float32)).expand_as(p))
        elif name.endswith(".D") or name.endswith("norm.weight"):
            p.fill_(1.0)
        elif name.endswith("dt_proj.bias"):  # softplus^-1 of dt log-uniform in [1e-3, 0.1]
            dt = torch.exp(torch.rand(p.shape) * math.log(100) + math.log(1e-3))
            p.copy_(dt + torch.log(-torch.expm1(-dt)))
        elif name.endswith(".freq"):
            p.fill_(config.get("activation_freq", 10))
        elif name.endswith("modulation.deltas"):  # decay to 1e-2 over 30% (fast) to 150% (slow) of the lags
            p.copy_(torch.linspace(math.log(1e-2) / 1.5, math.log(1e-2) / 0.3, p.shape[-1]).view_as(p))
    for name, b in model.named_buffers():
        if name.endswith("pos_emb.z"):  # the lag in [0, 1], then cosines and sines of (bands) frequencies
            L, bands = b.shape[1], (b.shape[2] - 1) // 2
            t = torch.linspace(0, 1, L)[:, None]
            w = 2 * math.pi * torch.arange(L, dtype=torch.float32)[:, None] / L
            f = torch.linspace(1e-4, bands - 1, bands)[None]
            b.copy_(torch.cat([t, torch.cos(f * w), -torch.sin(f * w)], dim=-1)[None])
        elif name.endswith("pos_emb.t"):
            b.copy_(torch.linspace(0, 1, b.shape[1]).view_as(b))


def published_tensors(model):
    """The state dict under the file's names, each storage once (first name kept)."""
    seen, out = set(), {}
    rename = getattr(model, "published_name", lambda k: k)
    for key, t in model.state_dict().items():
        if t.data_ptr() in seen:
            continue
        seen.add(t.data_ptr())
        out[rename(key)] = t
    return out


def write(name, out):
    fixture, sizes = SIZES[name]
    config = {**json.loads((REF / fixture / "config.json").read_text()), **sizes}
    torch.manual_seed(0)
    model = family_of(config).build(config)
    official_values(model, config)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(config, indent=2))
    write_safetensors(out / "model.safetensors", published_tensors(model))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit(f"usage: random_folder.py {{{','.join(SIZES)}}} OUT_DIR")
    write(sys.argv[1], sys.argv[2])
