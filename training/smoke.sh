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
# the prepared GPU run's wall-time schedule and bf16 autocast (training/gpu_run.sh), on the CPU: it must end
# by the clock (max_steps is out of reach) with a checkpoint and a final evaluation
rm -rf .cache/smoke-minutes-run
"$PY" training/train.py --config training/config/smoke_mlm.json --out .cache/smoke-minutes-run --max-steps 1000000 --minutes 0.05 --bf16 > /dev/null
grep -q '"val_bits"' .cache/smoke-minutes-run/log.jsonl && test -s .cache/smoke-minutes-run/ckpt.pt
"$PY" training/test_contracts.py
"$PY" training/test_regions.py
"$PY" training/test_weights_io.py
# the PyTorch twins of the published families against the official code's logits (shared/reference-models)
"$PY" training/published/test_published.py
