#!/usr/bin/env bash
# Training smoke test: a few steps of each objective on phage lambda, then export, so that
# `npm test` can check the exported models against their PyTorch golden vectors.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
for obj in mlm clm cnn hyena; do
  rm -rf ".cache/smoke-$obj-run" ".cache/smoke-$obj"
  "$PY" training/train.py --config "training/config/smoke_$obj.json" --out ".cache/smoke-$obj-run" > /dev/null
  "$PY" training/export.py --ckpt ".cache/smoke-$obj-run/ckpt.pt" --id "smoke-$obj" --out ".cache/smoke-$obj" --skip-heldout
done
# the masked hybrid again, exported to read twice its training window (export.py --context): its golden
# vectors at 128 bases check that the runtime reads a longer window as PyTorch does
rm -rf .cache/smoke-mlm-long
"$PY" training/export.py --ckpt .cache/smoke-mlm-run/ckpt.pt --id smoke-mlm-long --out .cache/smoke-mlm-long --skip-heldout --context 128
"$PY" training/test_regions.py
