"""The runtime's weight layout and the tfjs weights manifest: written by export, read back for warm starts.

Linear weights are stored [in, out] and Conv1d weights [kernel, in, out] (what src/model/weights.ts
expects); the embedding and every vector as PyTorch holds them. Names are the PyTorch state_dict keys.
"""
import hashlib
import json
import math
from pathlib import Path

import numpy as np
import torch

SHARD_BYTES = 4 * 1024 * 1024


def runtime_layout(name, w):
    """PyTorch layout <-> runtime layout; the permutation is its own inverse, so one function serves both ways."""
    if name.endswith(".weight") and w.ndim == 2 and "embed" not in name:
        return w.T                      # Linear [out, in] <-> [in, out]
    if w.ndim == 3:
        return w.permute(2, 1, 0)       # Conv1d [out, in, k] <-> [k, in, out]
    return w


def write_weights(state, out: Path):
    """Concatenate float32 tensors into <=4 MB shards; return the tfjs weights manifest and the byte count."""
    specs, blobs = [], []
    for name, w in state.items():
        arr = runtime_layout(name, w.detach().float()).contiguous().numpy().astype("<f4")
        specs.append({"name": name, "shape": list(arr.shape), "dtype": "float32"})
        blobs.append(arr.tobytes())
    data = b"".join(blobs)
    paths, hashes = [], []
    for i in range(0, len(data), SHARD_BYTES):
        shard = data[i:i + SHARD_BYTES]
        path = f"group1-shard{i // SHARD_BYTES + 1}of{math.ceil(len(data) / SHARD_BYTES)}.bin"
        (out / path).write_bytes(shard)
        paths.append(path)
        hashes.append(hashlib.sha256(shard).hexdigest())
    return [{"paths": paths, "weights": specs, "sha256": hashes}], len(data)


def load_exported(model_json: Path):
    """Read an exported model back into a PyTorch state_dict (used to warm-start training)."""
    meta = json.loads(model_json.read_text())
    state = {}
    for group in meta["weightsManifest"]:
        data = b"".join((model_json.parent / p).read_bytes() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            n = int(np.prod(spec["shape"]))
            arr = np.frombuffer(data, dtype="<f4", count=n, offset=offset).reshape(spec["shape"])
            state[spec["name"]] = runtime_layout(spec["name"], torch.from_numpy(arr.copy())).contiguous()
            offset += 4 * n
    return state


def exported_conv_dilations(model_json: Path):
    return json.loads(model_json.read_text())["architecture"].get("conv_dilations", [])


def grow_conv_stack(state, n_old: int, model):
    """A warm start for a model whose conv stack extends the exported one's (its first n_old dilations the same):
    the exported conv blocks stay first, the blocks after them are the model's new conv blocks, each starting
    as the identity (conv and feed-forward output weights zero, so that the warm start scores as the exported
    model did), and the exported model's later blocks (attention) move up by as many places."""
    n_new = len(model.cfg.conv_dilations) - n_old
    grown = {}
    for name, w in state.items():
        parts = name.split(".")
        if parts[0] == "blocks" and int(parts[1]) >= n_old:
            parts[1] = str(int(parts[1]) + n_new)
        grown[".".join(parts)] = w
    fresh = model.state_dict()
    for k in range(n_old, n_old + n_new):
        for name, w in fresh.items():
            if name.startswith(f"blocks.{k}."):
                zero = name.startswith((f"blocks.{k}.mixer.conv.", f"blocks.{k}.ffn.fc2."))
                grown[name] = torch.zeros_like(w) if zero else w.clone()
    return grown
