#!/usr/bin/env bash
# Forecast the next five trading days of Apple's adjusted close, with 80 % and 95 % intervals.
# Run from the repository root after `swift build -c release`; set TSF to use another binary and
# TSF_EPOCHS to train for fewer epochs.
set -euo pipefail
TSF="${TSF:-.build/release/tsf}"
OUT="${OUT:-examples/cli/output}"
mkdir -p "$OUT"

"$TSF" forecast datasets/aapl_daily.csv --column "Adj Close" \
    --horizon 5 --level 80,95 --epochs "${TSF_EPOCHS:-100}" \
    --plot "$OUT/aapl-forecast.svg"
echo "Plot written to $OUT/aapl-forecast.svg" >&2
