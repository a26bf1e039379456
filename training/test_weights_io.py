"""grow_conv_stack (a warm start into a longer conv stack) on the smoke export: the grown model must score as
the exported one did, keep every exported weight (the attention blocks one place per new block later), and
its new blocks must get gradients. Run by training/smoke.sh after the smoke exports exist."""
import json
from pathlib import Path

import torch

from model import GLMConfig, HybridGLM
from weights_io import exported_conv_dilations, grow_conv_stack, load_exported

ROOT = Path(__file__).resolve().parent.parent
mj = ROOT / ".cache/smoke-mlm/model.json"
meta = json.loads(mj.read_text())
old_cfg = GLMConfig.from_architecture(meta["objective"], meta["architecture"])
assert old_cfg.n_attn > 0, "the smoke model needs attention blocks for this test"
old = HybridGLM(old_cfg)
state = load_exported(mj)
old.load_state_dict(state)
dil = exported_conv_dilations(mj)
new_cfg = GLMConfig.from_architecture(meta["objective"], {**meta["architecture"], "conv_dilations": dil + [3, 12]})
torch.manual_seed(0)
new = HybridGLM(new_cfg)
grown = grow_conv_stack(state, len(dil), new)
new.load_state_dict(grown)                  # strict: every key of the new model, none left over

n = len(dil)
for name, w in state.items():              # exported weights kept, attention blocks moved up by two
    parts = name.split(".")
    if parts[0] == "blocks" and int(parts[1]) >= n:
        parts[1] = str(int(parts[1]) + 2)
    assert torch.equal(grown[".".join(parts)], w), name

tokens = torch.randint(0, 4, (3, old_cfg.context), generator=torch.Generator().manual_seed(1))
with torch.no_grad():
    a, b = old(tokens)[0], new(tokens)[0]
assert torch.equal(a, b), f"the grown model must score as the exported one: max diff {(a - b).abs().max().item()}"

new(tokens)[0].logsumexp(-1).sum().backward()
for k in (n, n + 1):
    g = new.blocks[k].mixer.conv.weight.grad
    assert g is not None and g.abs().sum() > 0, f"new block {k} gets no gradient"
print("test_weights_io: ok")
