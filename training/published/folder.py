"""A published model folder as downloaded (config.json and one weight file) read into a PyTorch twin of its family,
and safetensors written back, so the TypeScript runtime and these twins can read the very same file.

    model, family = load_folder("path/to/hyenadna-hf")   # model(ids [B, L] long) -> logits [B, L, V]

Weight files, in the runtime's order (src/model/formats/checkpoint.ts): model.safetensors (read here by a small
reader: Debian has no python3-safetensors), pytorch_model.bin, weights.ckpt (torch.load with weights_only=True,
which torch 1.13 has: a Lightning checkpoint whose hyper_parameters hold other objects is refused by it).
"""
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import caduceus  # noqa: E402
import gpn  # noqa: E402
import hyenadna  # noqa: E402

DTYPES = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
          "BOOL": torch.bool}
NAMES = {v: k for k, v in DTYPES.items()}
WEIGHT_FILES = ["model.safetensors", "pytorch_model.bin", "weights.ckpt"]


def read_safetensors(path):
    """-> {name: tensor}: an 8-byte little-endian header length, a JSON header, then the tensors' bytes."""
    data = bytearray(Path(path).read_bytes())
    n = int.from_bytes(data[:8], "little")
    if n > len(data) - 8:
        raise ValueError(f"{path}: header of {n} bytes in a file of {len(data)}")
    header, base = json.loads(data[8:8 + n]), 8 + n
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        begin, end = spec["data_offsets"]
        dtype = DTYPES[spec["dtype"]]
        count = (end - begin) // torch.empty(0, dtype=dtype).element_size()
        flat = torch.frombuffer(data, dtype=dtype, count=count, offset=base + begin) if count else torch.empty(0)
        out[name] = flat.to(dtype).reshape(spec["shape"]).clone()
    return out


def write_safetensors(path, tensors):
    """{name: tensor} -> a safetensors file (header padded to 8 bytes, tensors in name order)."""
    header, chunks, at = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous().cpu()
        raw = t.view(torch.uint8).numpy().tobytes() if t.numel() else b""
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [at, at + len(raw)]}
        chunks.append(raw)
        at += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(len(text).to_bytes(8, "little"))
        f.write(text)
        for c in chunks:
            f.write(c)


def read_weights(folder, file=None):
    """The folder's state dict: `file`, or the first of WEIGHT_FILES it holds. -> (tensors, file name)"""
    folder = Path(folder)
    file = file or next((f for f in WEIGHT_FILES if (folder / f).exists()), None)
    if file is None:
        raise FileNotFoundError(f"{folder}: none of {', '.join(WEIGHT_FILES)}")
    if file.endswith(".safetensors"):
        return read_safetensors(folder / file), file
    obj = torch.load(folder / file, map_location="cpu", weights_only=True)
    if "state_dict" in obj and isinstance(obj["state_dict"], dict):  # a Lightning checkpoint
        obj = obj["state_dict"]
    return dict(obj), file


def family_of(config):
    """The family module a config.json names (model_type, or the original HyenaDNA layout, which names none)."""
    kind = config.get("model_type")
    if kind is None and isinstance(config.get("layer"), dict) and "l_max" in config["layer"]:
        kind = "hyenadna"
    families = {"hyenadna": hyenadna, "caduceus": caduceus, "ConvNet": gpn}
    if kind not in families:
        raise ValueError(f"model_type {kind!r}: the twins know {', '.join(families)}")
    return families[kind]


def load_folder(folder, file=None, **options):
    """-> (model in eval mode, family module). `options` go to the family's build (e.g. fused_add_norm=False)."""
    config = json.loads((Path(folder) / "config.json").read_text())
    family = family_of(config)
    tensors, _ = read_weights(folder, file)
    model = family.build(config, **options)
    model.load_published(tensors)
    return model.eval(), family
