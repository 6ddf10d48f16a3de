#!/usr/bin/env bash
# Train a model briefly, then continue training it from the saved file with --init (its architecture,
# lookback, transform and scalers are kept; only the weights keep learning), and forecast with both.
# Run from the repository root; TSF picks the binary, TSF_EPOCHS the length of each training run.
set -euo pipefail
TSF="${TSF:-.build/release/tsf}"
OUT="${OUT:-examples/cli/output}"
EPOCHS="${TSF_EPOCHS:-30}"
mkdir -p "$OUT"

"$TSF" train datasets/aapl_daily.csv --column "Adj Close" --horizon 5 \
    --epochs "$EPOCHS" --out "$OUT/aapl-first.safetensors"

"$TSF" train datasets/aapl_daily.csv --column "Adj Close" \
    --init "$OUT/aapl-first.safetensors" --epochs "$EPOCHS" --learning-rate 0.0005 \
    --out "$OUT/aapl-continued.safetensors"

echo "First model:" >&2
"$TSF" predict --model "$OUT/aapl-first.safetensors" datasets/aapl_daily.csv
echo "Continued model:" >&2
"$TSF" predict --model "$OUT/aapl-continued.safetensors" datasets/aapl_daily.csv
