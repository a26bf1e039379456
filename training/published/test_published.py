"""The PyTorch twins against the official code's logits: every fixture of shared/reference-models (HyenaDNA both
layouts, Caduceus ph and ps, GPN from .bin and .safetensors) read from its folder, every input within 3e-5; and
checks that this comparison can fail (a perturbed weight, Caduceus-ps without the fused path's swap, GPN with
the tanh GELU). Run by training/smoke.sh:  /usr/bin/python3 training/published/test_published.py
"""
import json
import os
import sys
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from folder import WEIGHT_FILES, load_folder  # noqa: E402

TOL = 3e-5  # the agreement asked of a float32 implementation (reference-models README); never loosened
ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [os.environ.get("GLM_REFERENCE_MODELS"), ROOT / "../shared/reference-models",
              ROOT / "../../shared/reference-models"]
REF = next(Path(d) for d in CANDIDATES if d and Path(d).exists())
FIXTURES = sorted(d.name for d in REF.iterdir() if d.is_dir())


def reference(name):
    return json.loads((REF / name / "reference.json").read_text())


@torch.no_grad()
def errors(model, ref):
    """Max |logit - reference| per input."""
    out = []
    for inp, want in zip(ref["inputs"], ref["outputs"]):
        got = model(torch.tensor([inp["token_ids"]]))[0]
        out.append((got - torch.tensor(want["logits"])).abs().max().item())
    return out


def test_fixtures():
    files = [(n, f) for n in FIXTURES for f in WEIGHT_FILES if (REF / n / f).exists()]
    assert [f"{n}/{f}" for n, f in files] == [
        "caduceus-ph/model.safetensors", "caduceus-ps/model.safetensors", "gpn-convnet/model.safetensors",
        "gpn-convnet/pytorch_model.bin", "hyenadna-hf/model.safetensors", "hyenadna-original/weights.ckpt"], files
    for name, file in files:
        model, _ = load_folder(REF / name, file)
        errs = errors(model, reference(name))
        print(f"{name}/{file}: max abs error per input {', '.join(f'{e:.2e}' for e in errs)}")
        assert max(errs) < TOL, (name, file, errs)


def test_not_vacuous():
    for name in FIXTURES:  # one input-projection weight moved by 0.05 moves the logits far past the tolerance
        model, _ = load_folder(REF / name)
        key = next(k for k in model.state_dict() if k.endswith(("in_proj.weight", "encoder.0.ffn.0.weight")))
        with torch.no_grad():
            model.state_dict()[key].view(-1)[5] += 0.05
        moved = max(errors(model, reference(name)))
        print(f"{name}: {key}[5] + 0.05 moves the logits by {moved:.2e}")
        assert moved > 30 * TOL, (name, key, moved)
    # Caduceus-ps on the non-fused path (no swap): the official code's difference between its two paths
    ref = reference("caduceus-ps")
    plain, _ = load_folder(REF / "caduceus-ps", fused_add_norm=False)
    unswapped = max(errors(plain, ref))
    print(f"caduceus-ps without the swap: {unswapped:.4f} from the reference "
          f"(official: {ref['checks']['nonfused_path_same_weights_max_abs_diff']:.4f})")
    assert abs(unswapped - ref["checks"]["nonfused_path_same_weights_max_abs_diff"]) < 2 * TOL
    # GPN with the tanh GELU in place of the exact one
    gpn, _ = load_folder(REF / "gpn-convnet")
    exact = F.gelu
    F.gelu = lambda x, approximate="none": exact(x, approximate="tanh")
    try:
        tanh = max(errors(gpn, reference("gpn-convnet")))
    finally:
        F.gelu = exact
    print(f"gpn-convnet with the tanh GELU: {tanh:.2e}")
    assert tanh > TOL


@torch.no_grad()
def test_rc_equivariance():
    """Caduceus-ps: logits(rc x)[t, v] = logits(x)[L-1-t, comp v]."""
    model, _ = load_folder(REF / "caduceus-ps")
    comp = model.lm_head.complement_map
    ids = torch.tensor([reference("caduceus-ps")["inputs"][1]["token_ids"]])
    a, b = model(ids)[0], model(comp[ids.flip(-1)])[0]
    diff = (b - a.flip(0)[:, comp]).abs().max().item()
    print(f"caduceus-ps reverse-complement equivariance: {diff:.1e}")
    assert diff < 1e-5


if __name__ == "__main__":
    torch.set_num_threads(1)
    test_fixtures()
    test_not_vacuous()
    test_rc_equivariance()
    print("published twins: all checks passed")
