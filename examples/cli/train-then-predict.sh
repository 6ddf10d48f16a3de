#!/usr/bin/env bash
# Train once and save the model file, then forecast from it without training again — on the same file
# here, but typically on a newer export of the same series.
# Run from the repository root; TSF picks the binary, TSF_EPOCHS the training length.
set -euo pipefail
TSF="${TSF:-.build/release/tsf}"
OUT="${OUT:-examples/cli/output}"
mkdir -p "$OUT"

"$TSF" train datasets/airpassengers_monthly.csv --column Passengers \
    --horizon 12 --epochs "${TSF_EPOCHS:-100}" --out "$OUT/airpassengers.safetensors"

"$TSF" predict --model "$OUT/airpassengers.safetensors" datasets/airpassengers_monthly.csv
