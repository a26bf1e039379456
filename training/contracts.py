"""What training and the TypeScript runtime agree on: contracts.json at the repository root (src/contracts.ts
reads the same file; training/test_contracts.py and src/contracts.test.ts check each side against it)."""
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = json.loads((ROOT / "contracts.json").read_text())
_SHARED = CONTRACTS["sharedData"]


def data_path(path, root: Path = ROOT) -> Path:
    """A data path as configs write it, relative to `root` (the repository); the shared data prefix is read
    from $GLM_SHARED_DATA when that is set. An absolute path is kept as it is."""
    p = str(path)
    env = os.environ.get(_SHARED["env"])
    if env and p.startswith(_SHARED["prefix"]):
        return Path(env) / p[len(_SHARED["prefix"]):]
    return Path(root) / p
