#!/bin/bash
# The models issue's prepared GPU run (item 5): train CONFIG for MINUTES of wall time on DEVICE (the cosine
# schedule runs over that time, whatever the throughput), then export it to the browser format in OUT/<name>/
# (model.json, float32 shards of <= 4 MB, golden.json, the card: at most 8 files, as the device's $OUT allows).
# The checkpoint (with optimizer state, too big to bring back) stays in /tmp/glm-gpu-run.
# On the device machine ../shared does not travel: training/gpu_stage.sh copies the data this needs into
# .gpu-data/ (ignored), which the run's `carry` names; this script links ../shared/data to it there.
#   bash training/gpu_run.sh CONFIG MINUTES DEVICE OUT [train.py options, e.g. --bf16 --threads 1]
# Tiny CPU check (what CI's smoke does not cover): PYTHON=/usr/bin/python3 bash training/gpu_run.sh \
#   training/config/mlm_hybrid_exon_gpu.json 0.5 cpu /tmp/gpu-out --threads 1
set -euo pipefail
config=$1 minutes=$2 device=$3 out=$4
shift 4
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -e ../shared/data ]; then
  [ -d .gpu-data ] || { echo "no ../shared/data and no .gpu-data (run training/gpu_stage.sh and carry .gpu-data)" >&2; exit 2; }
  mkdir -p ../shared && ln -s "$PWD/.gpu-data" ../shared/data
fi
name=$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["name"])' "$config")
run=/tmp/glm-gpu-run/$name
rm -rf "$run"
export PYTHONUNBUFFERED=1
$PY training/train.py --config "$config" --device "$device" --minutes "$minutes" --out "$run" "$@"
mkdir -p "$out"
$PY training/export.py --ckpt "$run/ckpt.pt" --id "$name" --out "$out/$name" --context 512 --device "$device"
ls -la "$out/$name"
